package dev.llmock.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.LlmockConfig;
import dev.llmock.Part;
import dev.llmock.Violation;
import dev.llmock.internal.Json;
import dev.llmock.spi.Backend;
import java.util.Collection;
import java.util.List;

/** Every message the engine shows a user, in one place so they read alike. */
final class Messages {
    private static final int LISTED = 20;
    private static final int OUTPUT_SHOWN = 2000;

    private Messages() {
    }

    /** {@code The backend "fast" (ollama, model llama3.2)}. */
    static String backend(Backend backend) {
        return "The backend \"" + backend.name() + "\" (" + backend.provider()
                + (backend.model() == null ? "" : ", model " + backend.model()) + ")";
    }

    static String noConfig() {
        return "llmock: no llmock.json found (-D" + LlmockConfig.CONFIG_PROPERTY + ", " + LlmockConfig.CONFIG_ENV
                + ", classpath " + LlmockConfig.CONFIG_RESOURCE + "); every backend name resolves to the embedded"
                + " synthetic generator.";
    }

    static String disabled(String name, String source, Collection<String> names) {
        return "The backend \"" + name + "\" is disabled in " + source + ". Set \"enabled\": true on it, or use one of "
                + names + ".";
    }

    static String unknownBackend(String name, String source, Collection<String> names) {
        return "No backend named \"" + name + "\" in " + source + "; configured: " + names + ". Add it to"
                + " \"backends\", or use one of those names.";
    }

    static String unknownProvider(String name, String provider, Collection<String> providers) {
        return "The backend \"" + name + "\" uses provider \"" + provider + "\", which this llmock build does not"
                + " include; available providers: " + providers + ".";
    }

    static String poolOpen(String name, int members) {
        return "Every backend named \"" + name + "\" (" + members + ") has an open circuit breaker after repeated"
                + " failures, so none was called. Name a \"fallback\" backend to keep going meanwhile, or wait for"
                + " circuitBreaker.openSeconds to pass.";
    }

    static String truncated(Backend backend, Integer budget) {
        return backend(backend) + " was cut off at the output token limit"
                + (budget == null ? "" : " (max " + budget + " tokens)")
                + ", even after retrying with a larger budget and fewer records per call. Raise \"maxTokens\" of"
                + " backend \"" + backend.name() + "\", or ask for fewer or smaller records.";
    }

    /** After the correction loop: who made the data, who judged and corrected it, what still fails. */
    static String stillFailing(CorrectionLoop.Crew crew, int maxAttempts, String label, List<Violation> violations,
                               JsonNode output) {
        Backend backend = crew.producer();
        StringBuilder message = new StringBuilder(backend(backend)).append(" produced data that does not fit the"
                + " shape after ").append(maxAttempts).append(maxAttempts == 1 ? " attempt" : " attempts");
        if (label != null) {
            message.append(" for ").append(label);
        }
        if (crew.validator() != null && crew.validator() != backend) {
            message.append("; validator \"").append(crew.validator().name()).append('"');
        }
        if (crew.corrector() != backend) {
            message.append("; corrections by \"").append(crew.corrector().name()).append('"');
        }
        if (crew.finalBackend() != null) {
            message.append("; final try on \"").append(crew.finalBackend().name()).append('"');
        }
        message.append(". Still failing:");
        list(message, violations);
        if (violations.size() > LISTED) {
            message.append("\n  ... and ").append(violations.size() - LISTED).append(" more");
        }
        String text = output == null ? "(none)" : Json.compact(output);
        message.append("\nLast output: ").append(text.length() > OUTPUT_SHOWN ? text.substring(0, OUTPUT_SHOWN) + "..."
                : text);
        message.append("\nRaise maxAttempts, relax the shape or rules, or use a stronger backend.");
        return message.toString();
    }

    static String partsBreakRules(List<Part> parts, String label, List<Violation> violations, JsonNode merged) {
        StringBuilder message = new StringBuilder("The merged parts ")
                .append(parts.stream().map(p -> "\"" + p.name() + "\"").toList()).append(" break the request's rules");
        if (label != null) {
            message.append(" for ").append(label);
        }
        message.append(". Still failing:");
        list(message, violations);
        message.append("\nLast output: ").append(Json.compact(merged)).append("\nRules over several parts"
                + " cannot be repaired part by part: check them in an enrich or validate stage after the parts.");
        return message.toString();
    }

    static String shortfall(Backend backend, int have, int count, int rounds) {
        return "The backend \"" + backend.name() + "\" (" + backend.provider() + ") returned " + have + " of " + count
                + " records after asking again " + rounds + " times for the shortfall. Lower the count, raise its"
                + " maxTokens, or use a stronger backend.";
    }

    static String askingAgain(Backend backend, int repeated, int missing, int count, int round, int rounds) {
        return "llmock: backend \"" + backend.name() + "\" gave " + repeated + " of " + count + " records that repeat"
                + " others" + (missing > 0 ? " and " + missing + " too few" : "") + "; asking again for "
                + (repeated + missing) + " (round " + round + " of " + rounds + ")";
    }

    static String noValidateStage() {
        return "no validate stage judged them; add one on an LLM backend (validate(\"name\")) to have them checked";
    }

    static String changedAfterValidation() {
        return "a stage after the last validate stage changed the data; end with a validate stage to have them"
                + " checked";
    }

    static String noVerdict(String backend, String provider) {
        return "the validator \"" + backend + "\" (" + provider + ") answered with data, not a verdict, so no model"
                + " judged them; validate on an LLM backend to have them checked";
    }

    static String fixedValuesChanged(List<Violation> violations) {
        StringBuilder message = new StringBuilder("The values that code sampled for the distribution directives do"
                + " not hold in the result:");
        list(message, violations);
        message.append("\nThis is a bug in llmock's sampling or merging; please report it with the shape.");
        return message.toString();
    }

    static String proceededTwice(Object interceptor) {
        return "The interceptor " + interceptor.getClass().getName() + " called proceed() a second time; an"
                + " interceptor passes its request on at most once. Keep the first answer, or make a new request"
                + " with Llmock.generate.";
    }

    static String lastProceeded(Object interceptor) {
        return "The interceptor " + interceptor.getClass().getName() + " is the last of the chain and must not call"
                + " proceed().";
    }

    private static void list(StringBuilder message, List<Violation> violations) {
        violations.stream().limit(LISTED).forEach(v -> message.append("\n  ").append(v));
    }
}
