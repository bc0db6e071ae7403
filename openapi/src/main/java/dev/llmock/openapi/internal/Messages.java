package dev.llmock.openapi.internal;

import java.nio.file.Path;
import java.util.List;

/** Every message a user of the OpenAPI module reads, in one place so they stay consistent. */
public final class Messages {
    private Messages() {
    }

    static String specNotFound(String location, Path absolute) {
        return "No OpenAPI description at " + location + ": it is neither a file (" + absolute
                + ") nor a classpath resource. Give the path of a YAML or JSON file, or a resource on the test classpath.";
    }

    static String unreadable(String source, List<String> messages) {
        return "Could not read " + source + " as an OpenAPI description" + (messages.isEmpty() ? "."
                : ": " + String.join("; ", messages) + ".")
                + " Expected OpenAPI 3.0 or 3.1 in YAML or JSON (Swagger 2.0 needs"
                + " io.swagger.parser.v3:swagger-parser-v2-converter on the classpath).";
    }

    public static String unknownOperation(String id, String source, List<String> known) {
        return "No operation \"" + id + "\" in " + source + "; it has " + (known.isEmpty() ? "none"
                : String.join(", ", known)) + ". Use an operationId (or \"METHOD /path\" for an operation without one).";
    }

    static String missingComponent(String source, String name, String at) {
        return "In " + source + " at " + at + ": the schema refers to #/components/schemas/" + name
                + ", which is not there. Add the component or fix the reference.";
    }

    static String danglingRef(String source, String ref, String at) {
        return "In " + source + " at " + at + ": \"" + ref + "\" points at nothing. Fix the reference.";
    }

    static String externalRef(String source, String ref, String at) {
        return "In " + source + " at " + at + ": the reference \"" + ref + "\" could not be read into the"
                + " description. Check that the file it names exists next to " + source + ".";
    }

    static String recursiveRef(String source, String ref, String at) {
        return "In " + source + " at " + at + ": \"" + ref + "\" refers to itself. Move the schema to"
                + " components/schemas, where a recursive schema can refer to itself by name.";
    }
}
