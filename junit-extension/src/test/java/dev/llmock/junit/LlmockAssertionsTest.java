package dev.llmock.junit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LlmockAssertionsTest {
    record Point(int x, int y) {
    }

    @Test
    void conformingJsonPasses() {
        LlmockAssertions.assertThat("{\"x\":1,\"y\":2}").conformsTo("{\"x\":0,\"y\":0}");
        LlmockAssertions.assertThat(new Point(1, 2)).conformsTo(Point.class);
    }

    @Test
    void nonConformingJsonFailsListingEveryViolationByPointer() {
        assertThatThrownBy(() -> LlmockAssertions.assertThat("{\"x\":\"one\",\"z\":3}").conformsTo(Point.class))
                .isInstanceOf(AssertionError.class)
                .hasMessage("\nExpecting\n  {\"x\":\"one\",\"z\":3}\nto conform to the shape, but found 3 violations:"
                        + "\n  /x: expected integer but was string \"one\""
                        + "\n  /y: missing required property \"y\" (integer)"
                        + "\n  /z: unexpected property \"z\"; the shape allows only [x, y]");
    }
}
