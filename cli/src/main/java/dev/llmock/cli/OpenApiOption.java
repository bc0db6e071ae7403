package dev.llmock.cli;

import dev.llmock.wiremock.LlmockWireMock;
import java.io.PrintWriter;
import java.util.List;

/** {@code llmock serve --openapi [/base=]spec.yaml}: the description, and the base path it is served under if given. */
final class OpenApiOption {
    private OpenApiOption() {
    }

    /** {@code /shop=store.yaml} serves store.yaml under /shop; {@code store.yaml} under its server's path. */
    static void addTo(LlmockWireMock.Builder builder, String value) {
        int equals = value.indexOf('=');
        if (value.startsWith("/") && equals > 0) {
            builder.openApi(value.substring(equals + 1), value.substring(0, equals));
        } else {
            builder.openApi(value);
        }
    }

    static void printOperations(PrintWriter out, List<String> operations, String root) {
        if (operations.isEmpty()) {
            return;
        }
        out.println("llmock: OpenAPI operations on " + root + " (unknown paths answer 404 JSON):");
        operations.forEach(line -> out.println("  " + line));
    }
}
