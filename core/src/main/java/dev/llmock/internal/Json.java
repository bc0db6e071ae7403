package dev.llmock.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;

/** The one configured {@link ObjectMapper} llmock uses everywhere, and canonical JSON text. */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new Jdk8Module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    /** Sorted keys at every level, so equal trees give equal text: the basis of cache and cassette keys. */
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private Json() {
    }

    public static String canonical(JsonNode node) {
        return CanonicalJson.write(node);
    }

    /**
     * {@link #canonical(JsonNode)} of {@code node} in two pieces, before and after its subtree {@code known} (that very
     * instance, whose own text the caller has).
     *
     * @throws IllegalArgumentException when {@code known} is not in {@code node}
     */
    public static TextAround canonicalAround(JsonNode node, JsonNode known) {
        return CanonicalJson.around(node, known);
    }

    /** Canonical text before and after a subtree whose text is known elsewhere. */
    public record TextAround(String before, String after) {
    }

    /**
     * The definition of canonical text: the tree converted to plain maps and lists, written with sorted keys.
     * {@link CanonicalJson} writes the same text faster and comes here for floating-point numbers.
     */
    static String jacksonCanonical(JsonNode node) {
        try {
            Object plain = CANONICAL.treeToValue(node, Object.class);
            return CANONICAL.writeValueAsString(plain);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String compact(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String pretty(JsonNode node) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
