package dev.llmock.wiremock.internal.sse;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts compact JSON text into token-like pieces, as an LLM would stream it: each punctuation mark, each number or
 * literal, and each string in word-sized pieces ({@code "Ada Lovelace"} gives {@code "Ada} and {@code  Lovelace"}).
 * Joined, the pieces give the text back.
 */
final class JsonTokens {
    private JsonTokens() {
    }

    static List<String> of(String json) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < json.length()) {
            char c = json.charAt(i);
            if (c == '"') {
                i = string(json, i, tokens);
            } else if ("{}[]:,".indexOf(c) >= 0) {
                tokens.add(String.valueOf(c));
                i++;
            } else {
                int start = i;
                while (i < json.length() && "{}[]:,\"".indexOf(json.charAt(i)) < 0) {
                    i++;
                }
                tokens.add(json.substring(start, i));
            }
        }
        return tokens;
    }

    /** Adds the string starting at {@code start} in pieces that break before spaces; returns the index after it. */
    private static int string(String json, int start, List<String> tokens) {
        int i = start + 1;
        int pieceStart = start;
        while (i < json.length()) {
            char c = json.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '"') {
                i++;
                break;
            }
            if (c == ' ' && i > pieceStart + 1) {
                tokens.add(json.substring(pieceStart, i));
                pieceStart = i;
            }
            i++;
        }
        tokens.add(json.substring(pieceStart, Math.min(i, json.length())));
        return i;
    }
}
