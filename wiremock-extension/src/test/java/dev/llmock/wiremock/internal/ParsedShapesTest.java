package dev.llmock.wiremock.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmock.Shape;
import dev.llmock.ShapeException;
import org.junit.jupiter.api.Test;

class ParsedShapesTest {
    private static final String USER = "{\"id\":0,\"name\":\"string\",\"email\":\"email\"}";

    @Test
    void aTextIsParsedOnceAndItsShapeServesEveryLaterUse() {
        ParsedShapes shapes = new ParsedShapes();

        Shape first = shapes.of(USER);

        assertThat(shapes.of(USER)).isSameAs(first);
        assertThat(first.toJsonSchema()).isEqualTo(Shape.parse(USER).toJsonSchema());
        assertThat(shapes.size()).isEqualTo(1);
    }

    @Test
    void aTextThatIsNoShapeFailsEveryTimeAndIsNotKept() {
        ParsedShapes shapes = new ParsedShapes();
        String broken = "{\"name\":\"string\" \"age\":0}";

        assertThatThrownBy(() -> shapes.of(broken)).isInstanceOf(ShapeException.class);
        assertThatThrownBy(() -> shapes.of(broken)).isInstanceOf(ShapeException.class)
                .hasMessageContaining("line 1, column 18");
        assertThat(shapes.size()).isZero();
    }

    @Test
    void everNewTextsDoNotGrowItBeyondItsBoundInCharacters() {
        ParsedShapes shapes = new ParsedShapes(200);

        for (int i = 100; i < 200; i++) {
            shapes.of("{\"field" + i + "\":\"string\"}"); // 20 characters each
        }

        assertThat(shapes.size()).isBetween(1L, 10L);
    }
}
