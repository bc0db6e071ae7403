package dev.llmock.shape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmock.Shape;
import dev.llmock.ShapeException;
import dev.llmock.internal.Json;
import jakarta.validation.constraints.Pattern;
import org.junit.jupiter.api.Test;

/** Users' patterns run in linear time, or are refused naming what would need backtracking. */
class UserPatternsTest {
    private static Shape schema(String json) throws Exception {
        return Shape.fromJsonSchema(Json.MAPPER.readTree(json));
    }

    @Test
    void aBackreferenceIsRefusedNamingIt() {
        assertThatThrownBy(() -> schema("{\"type\":\"string\",\"pattern\":\"^(a+)+\\\\1$\"}"))
                .isInstanceOf(ShapeException.class)
                .hasMessage("The pattern \"^(a+)+\\1$\" uses a backreference (\\1), which llmock does not run:"
                        + " patterns run in linear time (RE2 syntax), without backreferences, lookahead or lookbehind."
                        + " Rewrite the pattern without it.");
    }

    @Test
    void lookaheadAndLookbehindAreRefusedNamingThem() {
        assertThatThrownBy(() -> schema("{\"type\":\"string\",\"pattern\":\"^(?=.*\\\\d)\\\\w+$\"}"))
                .isInstanceOf(ShapeException.class).hasMessageContaining("uses a lookahead ((?=...))");
        assertThatThrownBy(() -> schema("{\"type\":\"object\",\"patternProperties\":{\"(?<!x)y\":{}}}"))
                .isInstanceOf(ShapeException.class).hasMessageContaining("uses a lookbehind ((?<!...))");
    }

    @Test
    void aPossessiveQuantifierIsRefusedAndATypoIsReportedAsOne() {
        assertThatThrownBy(() -> schema("{\"type\":\"string\",\"pattern\":\"^a++$\"}"))
                .isInstanceOf(ShapeException.class)
                .hasMessageStartingWith("The pattern \"^a++$\" cannot be run in linear time: ");
        assertThatThrownBy(() -> schema("{\"type\":\"string\",\"pattern\":\"(\"}"))
                .isInstanceOf(ShapeException.class)
                .hasMessageContaining("The pattern \"(\" is not a valid regular expression: ");
    }

    @Test
    void nestedQuantifiersMatchALongHostileTextInLinearTime() throws Exception {
        Shape shape = schema("{\"type\":\"string\",\"pattern\":\"^(a+)+$\"}");
        String hostile = "a".repeat(50_000) + "!";

        assertThat(shape.validate(Json.MAPPER.getNodeFactory().textNode(hostile))).hasSize(1);
        assertThat(shape.validate(Json.MAPPER.getNodeFactory().textNode("a".repeat(50_000)))).isEmpty();
    }

    @Test
    void ecmaScriptSpellingsStillMeanWhatTheySay() throws Exception {
        Shape shape = schema("{\"type\":\"string\",\"pattern\":\"^\\\\p{Letter}\\\\u0041\\\\s\\\\cJ$\"}");

        assertThat(shape.validate(Json.MAPPER.getNodeFactory().textNode("\u00e9A\u00a0\n"))).isEmpty();
        assertThat(shape.validate(Json.MAPPER.getNodeFactory().textNode("1A \n"))).hasSize(1);
    }

    record Code(@Pattern(regexp = "(\\w)\\1") String value) {
    }

    @Test
    void aBeanValidationPatternWithABackreferenceIsRefusedToo() {
        assertThatThrownBy(() -> Shape.of(Code.class)).isInstanceOf(ShapeException.class)
                .hasMessageContaining("uses a backreference (\\1)");
    }
}
