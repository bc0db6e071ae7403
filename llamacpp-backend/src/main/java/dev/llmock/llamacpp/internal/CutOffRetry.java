package dev.llmock.llamacpp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.llmock.BackendException;
import dev.llmock.Violation;
import dev.llmock.internal.Json;
import dev.llmock.spi.BackendRequest;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Asks again when an answer stopped at the token limit, the way llmock's network providers handle
 * {@code finish_reason: length}: never parse half a document; N records in two calls of about N/2 each, one record
 * with twice the budget (twice at most), then a failure that says which setting to raise.
 *
 * <p>Kept apart from the backend so that it can move into the engine once the SPI reports truncation itself.
 */
final class CutOffRetry {
    private static final System.Logger LOG = System.getLogger("dev.llmock.backend");
    static final int DOUBLINGS = 2;

    private final String backend;
    private final String who;
    private final String model;
    private final BiFunction<BackendRequest, Integer, ModelCall.Answer> ask;
    private int calls;
    private long promptTokens;
    private long completionTokens;

    /**
     * @param ask one call of the model: the request and a token budget (null: what the context leaves)
     */
    CutOffRetry(String backend, String who, String model, BiFunction<BackendRequest, Integer, ModelCall.Answer> ask) {
        this.backend = backend;
        this.who = who;
        this.model = model;
        this.ask = ask;
    }

    /** The answer to {@code request}, made of as many calls as it took. */
    JsonNode generate(BackendRequest request, Integer budget) {
        return generate(request, budget, DOUBLINGS);
    }

    int calls() {
        return calls;
    }

    long promptTokens() {
        return promptTokens;
    }

    long completionTokens() {
        return completionTokens;
    }

    private JsonNode generate(BackendRequest request, Integer budget, int doublingsLeft) {
        ModelCall.Answer answer = ask.apply(request, budget);
        calls++;
        promptTokens += answer.completion().promptTokens();
        completionTokens += answer.completion().completionTokens();
        if (!answer.cutOff()) {
            return answer.json();
        }
        int used = answer.completion().completionTokens();
        if (request.count() > 1) {
            int head = (request.count() + 1) / 2;
            int tail = request.count() - head;
            LOG.log(Level.INFO, () -> "llmock: " + who + " stopped at the token limit (" + used + " tokens) with "
                    + request.count() + " records; asking for " + head + " and " + tail + " in two calls");
            JsonNode first = generate(slice(request, 0, head), budget, doublingsLeft);
            JsonNode second = generate(slice(request, head, tail), budget, doublingsLeft);
            return join(first, head, second, tail);
        }
        int limit = budget != null ? budget : Math.max(1, used);
        if (doublingsLeft > 0) {
            LOG.log(Level.INFO, () -> "llmock: " + who + " stopped at the token limit (" + used
                    + " tokens); asking again with max " + limit * 2 + " tokens");
            return generate(request, limit * 2, doublingsLeft - 1);
        }
        throw new BackendException(backend, model, 0, Messages.cutOff(who, limit) + Messages.cutOffHint(backend),
                false, null);
    }

    /** Records {@code from .. from + size} of {@code request}, with the earlier output and violations that go with them. */
    static BackendRequest slice(BackendRequest request, int from, int size) {
        JsonNode previous = request.previous();
        if (previous != null && previous.isArray()) {
            ArrayNode part = Json.MAPPER.createArrayNode();
            for (int i = from; i < Math.min(previous.size(), from + size); i++) {
                part.add(previous.get(i));
            }
            previous = size == 1 ? part.get(0) : part;
        }
        List<Violation> repair = new ArrayList<>();
        for (Violation violation : request.repair()) {
            Violation moved = moved(violation, from, size);
            if (moved != null) {
                repair.add(moved);
            }
        }
        return new BackendRequest(request.role(), request.shape(), size, request.firstIndex() + from,
                request.prompt(), request.rules(), previous, repair, request.context(), request.seed() + from,
                request.maxTokens());
    }

    /** A violation at {@code /7/email} belongs to the slice holding record 7, at that slice's own index. */
    private static Violation moved(Violation violation, int from, int size) {
        String[] steps = violation.pointer().split("/", 3);
        if (steps.length < 2 || !steps[1].matches("\\d+")) {
            return null;
        }
        int index = Integer.parseInt(steps[1]);
        if (index < from || index >= from + size) {
            return null;
        }
        String rest = steps.length == 3 ? "/" + steps[2] : "";
        return new Violation(size == 1 ? rest : "/" + (index - from) + rest, violation.reason());
    }

    private static JsonNode join(JsonNode first, int firstSize, JsonNode second, int secondSize) {
        if (first == null || second == null) {
            return null;
        }
        if (firstSize > 1 && !first.isArray()) {
            return first;
        }
        if (secondSize > 1 && !second.isArray()) {
            return second;
        }
        ArrayNode all = Json.MAPPER.createArrayNode();
        add(all, first, firstSize);
        add(all, second, secondSize);
        return all;
    }

    private static void add(ArrayNode all, JsonNode records, int size) {
        if (size == 1) {
            all.add(records);
        } else {
            all.addAll((ArrayNode) records);
        }
    }
}
