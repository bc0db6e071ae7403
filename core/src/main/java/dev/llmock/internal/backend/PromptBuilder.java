package dev.llmock.internal.backend;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.Stage;
import dev.llmock.Violation;
import dev.llmock.internal.Json;
import dev.llmock.spi.BackendRequest;

/**
 * Writes the system and user messages for one backend call: what JSON to produce (the schema, when the request does
 * not carry it), how many records and which of the request's they are, the values fixed by code and the values
 * other records already have, the user's instructions and rules, the context, and for later stages or repairs the
 * earlier output.
 */
public final class PromptBuilder {

    private PromptBuilder() {
    }

    /** The two messages every provider sends. */
    public record Prompt(String system, String user) {
    }

    /**
     * @param schemaInText whether to spell the schema out in the prompt, for providers that do not enforce it
     *                     (json_object mode) or whose models do not see it (Ollama's {@code format})
     */
    public static Prompt build(BackendRequest request, ProviderSchema schema, boolean schemaInText) {
        StringBuilder system = new StringBuilder()
                .append("You generate realistic, varied test data as JSON. ")
                .append("Answer with JSON only: no prose, no Markdown fences, no comments. ")
                .append("Use plausible real-world values, never placeholders such as \"string\" or \"example\".");
        if (schema.envelopeKey() != null && ProviderSchema.ITEMS.equals(schema.envelopeKey())) {
            system.append("\nAnswer with one JSON object whose only field \"items\" is a JSON array of exactly ")
                    .append(schema.count()).append(" records.");
        } else if (schema.envelopeKey() != null) {
            system.append("\nAnswer with one JSON object whose only field \"value\" holds the value.");
        } else {
            system.append("\nAnswer with one JSON object.");
        }
        if (schemaInText) {
            system.append("\nThe answer must validate against this JSON Schema:\n").append(schema.text());
        }

        StringBuilder user = new StringBuilder();
        boolean repairing = !request.repair().isEmpty();
        if (repairing) {
            repair(request, user);
        } else {
            task(request, user);
        }
        if (request.prompt() != null) {
            user.append("\n\nInstructions:\n").append(request.prompt());
        }
        if (!request.rules().isEmpty()) {
            user.append("\n\nRules every record must follow:");
            request.rules().forEach(rule -> user.append("\n- ").append(rule));
        }
        if (request.context() != null && !request.context().isNull()) {
            user.append("\n\nThe data must agree with this context:\n").append(Json.pretty(request.context()));
        }
        return new Prompt(system.toString(), user.toString().strip());
    }

    private static void task(BackendRequest request, StringBuilder user) {
        String what = request.count() == 1 ? "one record"
                : "exactly " + request.count() + " different records (a JSON array of exactly " + request.count()
                + " under \"items\")";
        Stage.Role role = request.role();
        if (role == Stage.Role.ENRICH && request.previous() != null) {
            user.append("Enrich this data: keep every value that is already valid, make the rest more detailed and ")
                    .append("realistic, and fill every field the schema asks for. Answer with ").append(what)
                    .append(".\n\nData:\n").append(Json.pretty(request.previous()));
        } else if (VerdictSchema.wanted(request)) {
            user.append("Judge this data against the schema and every rule below, and answer with a verdict: ")
                    .append("\"valid\" is true when the data is right and plausible; otherwise it is false, ")
                    .append("\"problems\" lists each problem (\"pointer\": a JSON Pointer into the data such as ")
                    .append(request.count() == 1 ? "/email" : "/0/email").append(", and \"reason\"), and ")
                    .append("\"corrected\" holds the whole data corrected, keeping what is right. \"corrected\" is ")
                    .append("null when the data is valid.\n\nData:\n").append(Json.pretty(request.previous()));
        } else {
            user.append("Generate ").append(what).append('.');
            which(request, user);
            fixed(request, user);
            avoid(request, user);
        }
    }

    /** Which of the request's records this call asks for, when the request takes more than one call. */
    private static void which(BackendRequest request, StringBuilder user) {
        int first = request.firstIndex() + 1;
        int last = request.firstIndex() + request.count();
        if (request.asksAgain()) {
            user.append(" They replace records of the ").append(request.total()).append(" asked for that repeated")
                    .append(" other records or were missing, so each must differ from every record made so far.");
        } else if (request.count() < request.total()) {
            user.append(request.count() == 1 ? " It is record " + first : " They are records " + first + "-" + last)
                    .append(" of ").append(request.total()).append('.');
        }
    }

    /** The values code fixed (a partial record per record), which the model writes the other fields to agree with. */
    private static void fixed(BackendRequest request, StringBuilder user) {
        JsonNode fixed = request.previous();
        if (fixed == null || fixed.isNull() || fixed.isEmpty() && !fixed.isValueNode()) {
            return;
        }
        user.append("\n\nThese values are fixed by code: use them exactly as given, and write the other fields so")
                .append(" that they agree with them");
        if (request.count() == 1) {
            user.append(":\n").append(Json.compact(fixed));
            return;
        }
        user.append(" (one line per record of your answer, in order):");
        for (int i = 0; i < fixed.size(); i++) {
            user.append("\n").append(i + 1).append(". ").append(Json.compact(fixed.get(i)));
        }
    }

    /** Identifying values other records already have, which the model should not repeat. */
    private static void avoid(BackendRequest request, StringBuilder user) {
        JsonNode avoid = request.avoid();
        if (avoid == null || avoid.isEmpty()) {
            return;
        }
        user.append("\n\nOther records already have these values; do not repeat them:");
        avoid.fields().forEachRemaining(field -> user.append("\n- ")
                .append(field.getKey().isEmpty() ? "whole records" : field.getKey().substring(1))
                .append(": ").append(Json.compact(field.getValue())));
    }

    private static void repair(BackendRequest request, StringBuilder user) {
        if (request.previous() == null) {
            user.append("Your previous answer was not valid JSON. Answer again with JSON only.");
        } else {
            user.append("Your previous answer does not fit the schema. Correct these problems and answer again with ")
                    .append("the whole corrected JSON:");
            for (Violation violation : request.repair()) {
                user.append("\n- ").append(violation);
            }
            user.append("\n\nPrevious answer:\n").append(Json.pretty(request.previous()));
        }
        if (request.count() > 1) {
            user.append("\n\nAnswer with exactly ").append(request.count()).append(" records under \"items\".");
        }
    }
}
