package dev.llmock.internal.shape;

import java.math.BigDecimal;

final class Numbers {
    private Numbers() {
    }

    /** 18, 18.0 and 1.8E1 are one bound; normalising keeps equal shapes equal. */
    static BigDecimal normalize(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
