package dev.llmock.wiremock.internal.sse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The {@code text/event-stream} body of a list of events, each {@code data: <json>} and a blank line. Every event is
 * padded with an SSE comment line ({@code :} and spaces, which clients ignore) to one length, so that when WireMock
 * writes the body in as many equal chunks as there are events, each flushed chunk is exactly one event.
 *
 * @param bytes      the body
 * @param eventCount how many events it holds, which is how many chunks to write it in
 */
public record SseBody(byte[] bytes, int eventCount) {
    /** Frames {@code events} (each event's data, one line of JSON). */
    public static SseBody of(List<String> events) {
        int longest = 0;
        for (String event : events) {
            longest = Math.max(longest, frame(event).length);
        }
        int length = longest + 2; // room for the shortest comment line, ":\n"
        ByteArrayOutputStream out = new ByteArrayOutputStream(length * events.size());
        for (String event : events) {
            byte[] data = ("data: " + event + "\n").getBytes(StandardCharsets.UTF_8);
            out.writeBytes(data);
            int padding = length - data.length - 1;
            out.writeBytes((":" + " ".repeat(padding - 2) + "\n\n").getBytes(StandardCharsets.UTF_8));
        }
        return new SseBody(out.toByteArray(), events.size());
    }

    private static byte[] frame(String event) {
        return ("data: " + event + "\n\n").getBytes(StandardCharsets.UTF_8);
    }
}
