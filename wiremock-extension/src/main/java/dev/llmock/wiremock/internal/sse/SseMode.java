package dev.llmock.wiremock.internal.sse;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How generated JSON is streamed as server-sent events, with LLMockApi's mode names ({@code ?sseMode=}, any case).
 *
 * @since 0.1.0
 */
public enum SseMode {
    /** Token-like chunks of the JSON text: {@code {"chunk","accumulated","done":false}}, then {@code {"content","done":true}}. */
    LLM_TOKENS("LlmTokens"),
    /** One event per object: {@code {"data","index","total","done"}}. */
    COMPLETE_OBJECTS("CompleteObjects"),
    /** One event per array item: {@code {"item","index","total","arrayName","hasMore","done"}}. */
    ARRAY_ITEMS("ArrayItems");

    private final String id;

    SseMode(String id) {
        this.id = id;
    }

    /** The mode's name as LLMockApi writes it, e.g. {@code CompleteObjects}. */
    public String id() {
        return id;
    }

    /**
     * The mode named {@code text} in any case; {@link #LLM_TOKENS} (LLMockApi's default) when blank.
     *
     * @throws IllegalArgumentException naming the allowed modes
     */
    public static SseMode parse(String text) {
        if (text == null || text.isBlank()) {
            return LLM_TOKENS;
        }
        for (SseMode mode : values()) {
            if (mode.id.toLowerCase(Locale.ROOT).equals(text.trim().toLowerCase(Locale.ROOT))) {
                return mode;
            }
        }
        throw new IllegalArgumentException("The SSE mode \"" + text + "\" (from ?sseMode=) is unknown; use one of "
                + Arrays.stream(values()).map(SseMode::id).collect(Collectors.joining(", ")) + ".");
    }
}
