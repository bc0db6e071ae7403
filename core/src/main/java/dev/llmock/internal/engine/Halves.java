package dev.llmock.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.llmock.Violation;
import dev.llmock.internal.Json;
import dev.llmock.spi.BackendRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * A call of N records cut in two and the answers put back together: each half keeps its records' earlier output
 * and violations, re-indexed from 0, and its own record indexes and seed, so it asks for the same records.
 */
final class Halves {
    private Halves() {
    }

    /** The size of the first half: the larger one when N is odd. */
    static int firstSize(int count) {
        return (count + 1) / 2;
    }

    /** Records {@code from .. from+size} of {@code request}. */
    static BackendRequest slice(BackendRequest request, int from, int size) {
        JsonNode previous = request.previous();
        if (previous != null && previous.isArray()) {
            if (size == 1) {
                previous = previous.get(from);
            } else {
                ArrayNode slice = Json.MAPPER.createArrayNode();
                for (int i = from; i < Math.min(previous.size(), from + size); i++) {
                    slice.add(previous.get(i));
                }
                previous = slice;
            }
        }
        List<Violation> repair = new ArrayList<>();
        for (Violation violation : request.repair()) {
            String pointer = violation.pointer();
            int end = pointer.indexOf('/', 1);
            String head = pointer.length() > 1 ? pointer.substring(1, end < 0 ? pointer.length() : end) : "";
            String rest = end < 0 ? "" : pointer.substring(end);
            try {
                int index = Integer.parseInt(head);
                if (index >= from && index < from + size) {
                    repair.add(new Violation(size == 1 ? rest : "/" + (index - from) + rest, violation.reason()));
                }
            } catch (NumberFormatException notAnIndex) {
                // a violation of the whole array does not belong to either half
            }
        }
        return new BackendRequest(request.role(), request.shape(), size, request.firstIndex() + from,
                request.prompt(), request.rules(), previous, repair, request.context(), request.seed() + from,
                request.maxTokens(), request.total(), request.avoid());
    }

    /**
     * The two answers as one array; an answer that is not the array its half asked for is returned as it is, so the
     * checks report it.
     */
    static JsonNode join(JsonNode head, int headSize, JsonNode tail, int tailSize) {
        if (head == null || tail == null) {
            return null;
        }
        if ((headSize > 1 && !head.isArray()) || (tailSize > 1 && !tail.isArray())) {
            return headSize > 1 && !head.isArray() ? head : tail;
        }
        ArrayNode all = Json.MAPPER.createArrayNode();
        if (headSize == 1) {
            all.add(head);
        } else {
            all.addAll((ArrayNode) head);
        }
        if (tailSize == 1) {
            all.add(tail);
        } else {
            all.addAll((ArrayNode) tail);
        }
        return all;
    }
}
