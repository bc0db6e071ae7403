package dev.llmock.internal.synthetic;

import dev.llmock.Violation;
import java.util.List;
import java.util.stream.Collectors;

/** What users read when the synthetic backend cannot generate data for a JSON Schema. */
final class Messages {
    private static final String HOW_TO_FIX = " Loosen that part of the schema, or generate this shape with an LLM"
            + " backend (llmock checks its output against the schema too).";

    private Messages() {
    }

    static String cannotGenerate(Unsatisfied why) {
        return "The synthetic backend cannot generate data for this JSON Schema: keyword \"" + why.keyword()
                + "\" at " + where(why.schemaPointer()) + " (instance " + where(why.instancePointer()) + "): "
                + why.getMessage() + "." + HOW_TO_FIX;
    }

    static String cannotGenerate(List<Violation> violations) {
        return "The synthetic backend cannot generate data for this JSON Schema: what it made still breaks the"
                + " schema: " + violations.stream().limit(3).map(Violation::toString).collect(Collectors.joining("; "))
                + "." + HOW_TO_FIX;
    }

    static String unknownLocale(String backend, String value) {
        return "Backend \"" + backend + "\" (synthetic): \"locale\" is \"" + value + "\", for which Datafaker has no"
                + " data. Use a language tag of a locale it knows, such as \"en-US\", \"en-GB\", \"de-DE\", \"fr-FR\","
                + " \"es-MX\" or \"ja-JP\".";
    }

    private static String where(String pointer) {
        return pointer.isEmpty() ? "(root)" : pointer;
    }
}
