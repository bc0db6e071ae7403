package dev.llmock.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.FixtureRequest;
import dev.llmock.GenerationException;
import dev.llmock.ProgressListener;
import dev.llmock.Shape;
import dev.llmock.Stage;
import dev.llmock.internal.Json;
import dev.llmock.internal.shape.ShapeAccess;
import dev.llmock.spi.Backend;
import dev.llmock.spi.BackendLimits;
import dev.llmock.spi.BackendRequest;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * One stage over all records: split into batches sized from the backend's {@link BackendLimits} (the records per call
 * it prefers, else its {@code maxTokens} and the estimated tokens per record), run concurrently up to its
 * {@code maxConcurrentRequests}, each batch through the {@link CorrectionLoop}; a generating stage also drops
 * duplicate records and asks again for them and for any shortfall, so exactly {@code count} records come back.
 * Every call has its own seed ({@link Seeds#forCall}) and says which records it asks for; a generating stage's calls
 * also list the identifying values the records made so far have ({@link IdentifyingFields}), for the backend to avoid.
 */
final class StageJob {
    private static final System.Logger LOG = System.getLogger("dev.llmock");
    static final int DEFAULT_MAX_TOKENS = 4096;
    static final int DEFAULT_CONCURRENCY = 4;
    static final int MAX_NETWORK_BATCH = 50;
    /** Share of {@code maxTokens} planned for records; the rest is headroom for estimates that run short. */
    static final double TOKEN_HEADROOM = 0.75;
    static final int CHARS_PER_TOKEN = 4;
    /** Times a generating stage asks again for missing or duplicate records. */
    static final int GAP_ROUNDS = 3;

    private final StageWork work;
    private final Backend backend;
    private final int count;
    private final List<String> rules;
    private final JsonNode context;
    private final ExecutorService executor;
    private final IdentifyingFields identifying;
    private final int batchSize;
    private final int concurrency;
    private final Totals totals = new Totals();
    private final AtomicInteger batches = new AtomicInteger();
    private int reasked;
    private int duplicatesKept;

    /** Runs {@code work} over the records of {@code request} on {@code executor}, batched for {@code limits}. */
    StageJob(StageWork work, FixtureRequest request, BackendLimits limits, ExecutorService executor) {
        this.work = work;
        this.backend = work.crew().producer();
        this.count = request.count();
        this.rules = request.rules();
        this.context = request.context();
        this.executor = executor;
        this.identifying = work.dedupe() ? IdentifyingFields.of(work.shape()) : null;
        this.batchSize = batchSize(limits, work.shape());
        this.concurrency = limits.maxConcurrentRequests() != null ? limits.maxConcurrentRequests()
                : DEFAULT_CONCURRENCY;
    }

    /**
     * One batch's records: the slots they fill, the output for them and, for a stage that drops duplicates, each
     * record's fingerprint, taken on the worker while the records are fresh in its cache (the look for duplicates
     * needs them all).
     */
    private record Batch(int[] slots, JsonNode output, int[] hashes) {
    }

    /**
     * One batch to ask for: the slots it fills, the index of its first record (fresh indexes, at or above the count,
     * when asking again), the round (0, then one per round of asking again) and the values to avoid, or null.
     */
    private record Call(int[] slots, int firstIndex, int round, JsonNode avoid) {
    }

    Totals totals() {
        return totals;
    }

    /** Batching facts for the provenance. */
    ObjectNode facts() {
        ObjectNode facts = Json.MAPPER.createObjectNode();
        facts.put("batchSize", batchSize);
        facts.put("concurrency", concurrency);
        facts.put("batches", batches.get());
        facts.put("calls", totals.calls());
        facts.put("reasked", reasked);
        facts.put("duplicatesKept", duplicatesKept);
        return facts;
    }

    JsonNode run(ProgressListener progress) {
        if (count == 1) {
            JsonNode result = batch(new Call(new int[] {0}, 0, 0, null), true);
            progress.progress(1, 1);
            return result;
        }
        MadeRecords made = new MadeRecords(count);
        List<int[]> initial = new ArrayList<>();
        for (int from = 0; from < count; from += batchSize) {
            initial.add(range(from, Math.min(batchSize, count - from)));
        }
        execute(initial, 0, made, progress);
        if (work.role() == Stage.Role.GENERATE) {
            fillGaps(made, progress);
        }
        ArrayNode all = Json.MAPPER.createArrayNode();
        for (JsonNode record : made.records()) {
            all.add(record);
        }
        return all;
    }

    /** Asks again for missing records and duplicates, at fresh record indexes so seeded backends give new ones. */
    private void fillGaps(MadeRecords made, ProgressListener progress) {
        JsonNode[] records = made.records();
        int rounds = GAP_ROUNDS;
        for (int round = 1; round <= rounds; round++) {
            List<Integer> gaps = made.gaps(work.dedupe());
            if (gaps.isEmpty()) {
                return;
            }
            reasked += gaps.size();
            int missing = made.gaps(false).size();
            int pass = round;
            LOG.log(Level.INFO, () -> Messages.askingAgain(backend, gaps.size() - missing, missing, count, pass,
                    rounds));
            gaps.forEach(slot -> records[slot] = null);
            List<int[]> again = new ArrayList<>();
            for (int from = 0; from < gaps.size(); from += batchSize) {
                int[] slots = gaps.subList(from, Math.min(gaps.size(), from + batchSize)).stream()
                        .mapToInt(Integer::intValue).toArray();
                again.add(slots);
            }
            execute(again, round, made, progress);
        }
        List<Integer> missing = made.gaps(false);
        if (!missing.isEmpty()) {
            int have = count - missing.size();
            throw new GenerationException(Messages.shortfall(backend, have, count, rounds), List.of(), null);
        }
        duplicatesKept = work.dedupe() ? made.gaps(true).size() : 0;
    }

    /** Runs the batches with at most {@link #concurrency} in flight; progress is reported from this thread. */
    private void execute(List<int[]> planned, int round, MadeRecords made, ProgressListener progress) {
        JsonNode[] records = made.records();
        CompletionService<Batch> done = new ExecutorCompletionService<>(executor);
        Deque<int[]> queue = new ArrayDeque<>(planned);
        List<Future<Batch>> running = new ArrayList<>();
        int inFlight = 0;
        int submitted = 0;
        try {
            while (!queue.isEmpty() || inFlight > 0) {
                while (!queue.isEmpty() && inFlight < concurrency) {
                    int[] slots = queue.poll();
                    int firstIndex = round == 0 ? slots[0] : count * round + submitted * batchSize;
                    submitted++;
                    // What the records made so far hold, read here, on the one thread that writes them.
                    Call call = new Call(slots, firstIndex, round, identifying == null ? null
                            : identifying.avoid(records));
                    running.add(done.submit(() -> hashed(slots, batch(call, false))));
                    inFlight++;
                }
                Batch result = done.take().get();
                inFlight--;
                int[] slots = result.slots();
                JsonNode output = result.output();
                for (int k = 0; k < slots.length && k < output.size(); k++) {
                    made.put(slots[k], output.get(k), result.hashes() == null ? 0 : result.hashes()[k]);
                }
                int filled = 0;
                for (JsonNode record : records) {
                    filled += record == null ? 0 : 1;
                }
                progress.progress(filled, count);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.forEach(f -> f.cancel(true));
            throw new GenerationException("Interrupted while generating " + count + " records", e);
        } catch (ExecutionException e) {
            running.forEach(f -> f.cancel(true));
            throw Await.unwrapped(e);
        }
    }

    /** A batch's output with its records' fingerprints when this stage looks for duplicates. */
    private Batch hashed(int[] slots, JsonNode output) {
        if (identifying == null || !output.isArray()) {
            return new Batch(slots, output, null);
        }
        return new Batch(slots, output, MadeRecords.hashes(output, identifying));
    }

    /** One call through the loop: a single record, or an array for the given slots. */
    private JsonNode batch(Call batch, boolean single) {
        int[] slots = batch.slots();
        if (!single && slots.length == 1) {
            // A count of 1 asks for one value, not an array: ask for the record and wrap it.
            ArrayNode one = Json.MAPPER.createArrayNode();
            one.add(batch(batch, true));
            return one;
        }
        batches.incrementAndGet();
        JsonNode earlier = single && count > 1 ? earlierOne(slots[0]) : earlier(slots, single);
        BackendRequest call = new BackendRequest(work.role(), work.shape(), single ? 1 : slots.length,
                batch.firstIndex(), work.prompt(), rules, earlier, List.of(), context,
                Seeds.forCall(work.seed(), batch.firstIndex(), batch.round()), null, count, batch.avoid());
        UnaryOperator<JsonNode> prepare = output -> prepare(output, slots, single, earlier);
        boolean allowShort = work.role() == Stage.Role.GENERATE && !single;
        CorrectionLoop loop = work.loop();
        if (work.role() == Stage.Role.VALIDATE) {
            return loop.run(work.crew(), call, () -> BackendCalls.Candidate.given(earlier), prepare, false, totals);
        }
        return loop.run(work.crew(), call, () -> loop.produce(backend, call, prepare, totals), prepare, allowShort,
                totals);
    }

    /** The earlier output of one record of a larger request. */
    private JsonNode earlierOne(int slot) {
        JsonNode previous = work.previous();
        FixedValues fixed = work.fixed();
        if (previous != null) {
            return previous.isArray() && slot < previous.size() ? previous.get(slot) : null;
        }
        return fixed.isEmpty() ? null : fixed.partial(slot);
    }

    /** What the backend sees as earlier output: the previous stage's records, or the values fixed by code. */
    private JsonNode earlier(int[] slots, boolean single) {
        JsonNode previous = work.previous();
        FixedValues fixed = work.fixed();
        if (previous != null) {
            if (single) {
                return previous;
            }
            ArrayNode part = Json.MAPPER.createArrayNode();
            for (int slot : slots) {
                part.add(previous.isArray() && slot < previous.size() ? previous.get(slot) : null);
            }
            return part;
        }
        if (fixed.isEmpty()) {
            return null;
        }
        if (single) {
            return fixed.partial(slots[0]);
        }
        ArrayNode partials = Json.MAPPER.createArrayNode();
        for (int slot : slots) {
            partials.add(fixed.partial(slot));
        }
        return partials;
    }

    /** Extra records dropped, gaps in an enrichment filled with earlier valid values, fixed values put back. */
    private JsonNode prepare(JsonNode output, int[] slots, boolean single, JsonNode earlier) {
        if (output == null) {
            return null;
        }
        if (single) {
            return record(output, slots[0], earlier);
        }
        if (!output.isArray()) {
            return output;
        }
        ArrayNode result = Json.MAPPER.createArrayNode();
        for (int k = 0; k < output.size() && k < slots.length; k++) {
            JsonNode before = earlier != null && earlier.isArray() && k < earlier.size() ? earlier.get(k) : null;
            result.add(record(output.get(k), slots[k], before));
        }
        return result;
    }

    private JsonNode record(JsonNode fresh, int slot, JsonNode before) {
        JsonNode result = fresh;
        if (work.role() == Stage.Role.ENRICH && before != null && !before.isNull()) {
            result = Overlay.fill(ShapeAccess.node(work.shape()), fresh, before);
        }
        return work.fixed().apply(result, slot);
    }

    private static int[] range(int from, int size) {
        int[] slots = new int[size];
        for (int i = 0; i < size; i++) {
            slots[i] = from + i;
        }
        return slots;
    }

    static int batchSize(BackendLimits limits, Shape shape) {
        if (limits.recordsPerCall() != null) {
            return limits.recordsPerCall();
        }
        int maxTokens = limits.maxTokens() != null ? limits.maxTokens() : DEFAULT_MAX_TOKENS;
        int perRecord = tokensPerRecord(shape);
        return Math.max(1, Math.min(MAX_NETWORK_BATCH, (int) (maxTokens * TOKEN_HEADROOM) / perRecord));
    }

    /** A record is about as long as its schema: its names and a value where the schema has a type. */
    static int tokensPerRecord(Shape shape) {
        return Math.max(10, Json.compact(shape.toJsonSchema()).length() / CHARS_PER_TOKEN);
    }
}
