package dev.llmock.cli.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.internal.Json;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Writes a refusal the way the mock API answers failures: {@code {"error": {"code", "type", "message"}}}. */
final class JsonError {
    /** The response header the request log reads the answer's source from (as the mock API sets it). */
    static final String SOURCE_HEADER = "X-Llmock-Source";

    private JsonError() {
    }

    /** Sends the error and asks for the connection to close, so that a body left unread is never read. */
    static void send(ServletResponse response, int status, String type, String message) throws IOException {
        ObjectNode body = Json.MAPPER.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("code", status);
        error.put("type", type);
        error.put("message", message);
        byte[] bytes = Json.compact(body).getBytes(StandardCharsets.UTF_8);
        HttpServletResponse http = (HttpServletResponse) response;
        http.setStatus(status);
        http.setHeader("Connection", "close");
        http.setHeader(SOURCE_HEADER, "error");
        http.setContentType("application/json");
        http.setContentLength(bytes.length);
        http.getOutputStream().write(bytes);
        http.flushBuffer();
    }
}
