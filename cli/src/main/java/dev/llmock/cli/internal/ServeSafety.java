package dev.llmock.cli.internal;

import java.io.PrintWriter;

/**
 * What {@code llmock serve} guards on its HTTP server.
 *
 * @param adminApi     whether WireMock's admin API under {@code /__admin} answers at all (then loopback clients only)
 * @param maxBodyBytes larger request bodies are refused with 413 before they are read
 * @param requestLog   where the one line per request goes
 */
public record ServeSafety(boolean adminApi, long maxBodyBytes, PrintWriter requestLog) {
}
