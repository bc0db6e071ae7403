package dev.llmock.internal.shape;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class EmailFormatTest {
    /** How the email format was checked before: the definition {@link ShapeValidator#isEmail} must keep. */
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    @Test
    void acceptsAnAddressWithADottedDomainOnly() {
        assertThat(ShapeValidator.isEmail("ada.lovelace@example.com")).isTrue();
        assertThat(ShapeValidator.isEmail("ada@localhost")).isFalse();
        assertThat(ShapeValidator.isEmail("@example.com")).isFalse();
        assertThat(ShapeValidator.isEmail("ada@.com")).isFalse();
        assertThat(ShapeValidator.isEmail("ada@example.")).isFalse();
        assertThat(ShapeValidator.isEmail("ada@b@example.com")).isFalse();
        assertThat(ShapeValidator.isEmail("ada lovelace@example.com")).isFalse();
        assertThat(ShapeValidator.isEmail("ada@example.com\n")).isFalse();
    }

    @Test
    void judgesRandomTextAsTheRegularExpressionDid() {
        String[] pieces = {"a", "Z", "0", "@", "@", ".", ".", "..", " ", "\t", "\n", "\u000B", "\f", "\r", "\u00A0",
            "\u2003", "é", "日本", "\ud83d\ude00", "-", "_", "+"};
        Random random = new Random(11);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int length = random.nextInt(9); length > 0; length--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }

            assertThat(ShapeValidator.isEmail(text.toString())).as(text.toString())
                    .isEqualTo(EMAIL.matcher(text).matches());
        }
    }
}
