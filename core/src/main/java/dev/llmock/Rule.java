package dev.llmock;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A check in code that every generated record must pass, beyond its shape.
 *
 * <pre>{@code
 * Rule adult = Rule.of("age is at least 18", user -> user.path("age").asInt() >= 18);
 * }</pre>
 *
 * Its {@link #description()} is part of the request (and so of cassette keys); the predicate is not.
 *
 * @since 0.1.0
 */
public interface Rule {

    /** {@return what the rule demands, in words; shown in errors and sent to LLM backends} */
    String description();

    /**
     * The violations of this rule by one record; empty when it holds.
     *
     * @param record one generated record
     * @return the violations, each with the JSON Pointer of the offending value
     */
    List<Violation> check(JsonNode record);

    /**
     * A rule that holds when {@code predicate} accepts the record.
     *
     * @param description what the rule demands, in words; part of the request and its cassette key
     * @param predicate the check, given one record
     * @return the rule
     */
    static Rule of(String description, Predicate<JsonNode> predicate) {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(predicate, "predicate");
        return new Rule() {
            @Override
            public String description() {
                return description;
            }

            @Override
            public List<Violation> check(JsonNode record) {
                return predicate.test(record) ? List.of() : List.of(new Violation("", "breaks the rule: " + description));
            }

            @Override
            public String toString() {
                return description;
            }
        };
    }
}
