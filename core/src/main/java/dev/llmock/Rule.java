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

    /** What the rule demands, in words; shown in errors and sent to LLM backends. */
    String description();

    /** The violations of this rule by one record; empty when it holds. */
    List<Violation> check(JsonNode record);

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
