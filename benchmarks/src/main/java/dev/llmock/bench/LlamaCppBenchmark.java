package dev.llmock.bench;

import com.fasterxml.jackson.databind.JsonNode;
import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.ModelParameters;
import dev.llmock.FixtureRequest;
import dev.llmock.Llmock;
import dev.llmock.LlmockConfig;
import dev.llmock.Shape;
import dev.llmock.internal.Json;
import dev.llmock.internal.backend.ProviderSchema;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Goal 7: {@value #RECORDS} records from a GGUF model through llmock (provider {@code llamacpp}: engine, prompt,
 * grammar, validation; no cache, no cassette; variants 0 to {@value #RECORDS}-1, so every operation asks for the same
 * records), against the same model loaded directly with java-llama.cpp making exactly the calls llmock made: the
 * prompts and seeds read from llmock's own prompt log ({@code dev.llmock.prompts} at TRACE) in the trial's setup, the
 * grammar llmock builds for the shape, and each answer parsed by Jackson. Both sides do the same model work, so the
 * ratio is llmock's overhead; the goal is at most 10%.
 *
 * <p>The model: {@value #MODEL_PROPERTY}, else {@code ../shared/models/llama-2-tiny-random.gguf} from the project
 * root (random weights, so the text is gibberish, but the tokens, sampling and grammar are real).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class LlamaCppBenchmark {
    static final String MODEL_PROPERTY = "llmock.bench.model";
    static final String SHAPE = "{\"name\":\"string\",\"age\":0,\"active\":true}";
    static final int RECORDS = 8;
    static final int CONTEXT = 2048;
    static final int THREADS = 2;
    static final LlmockConfig.Limits LIMITS = new LlmockConfig.Limits(24, 20);

    private Llmock llmock;
    private LlamaModel direct;
    private final List<InferenceParameters> calls = new ArrayList<>();

    @Setup(Level.Trial)
    public void setUp() throws IOException, ReflectiveOperationException {
        Path model = model();
        String config = "{\"limits\":{\"maxStringLength\":" + LIMITS.maxStringLength() + "},\"backends\":[{"
                + "\"name\":\"local\",\"provider\":\"llamacpp\",\"model\":" + Json.MAPPER.writeValueAsString(
                model.toString()) + ",\"contextSize\":" + CONTEXT + ",\"threads\":" + THREADS + "}]}";
        llmock = Llmock.newBuilder().config(LlmockConfig.parse(config, "bench")).cache(false).build();
        List<PromptLog.Call> logged = PromptLog.capture(this::llmockLocalModel);
        if (logged.size() < RECORDS) {
            throw new IllegalStateException("llmock logged " + logged.size() + " model calls for " + RECORDS
                    + " records; this benchmark reads them from the logger dev.llmock.prompts at TRACE");
        }

        direct = new LlamaModel(new ModelParameters().setModel(model.toString()).setCtxSize(CONTEXT)
                .setThreads(THREADS).setParallel(1).disableLog());
        String grammar = llmocksGrammar(ProviderSchema.of(Shape.parse(SHAPE), 1, LIMITS).schema());
        for (PromptLog.Call call : logged) {
            // What llmock predicts at most: the context left after the prompt.
            int room = CONTEXT - direct.encode(call.prompt()).length - 1;
            calls.add(new InferenceParameters(call.prompt()).setGrammar(grammar).setSeed(call.seed())
                    .setTemperature(0.7f).setNPredict(room).setCachePrompt(false));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        llmock.close();
    }

    @Benchmark
    public List<JsonNode> llmockLocalModel() {
        List<JsonNode> records = new ArrayList<>(RECORDS);
        for (int variant = 0; variant < RECORDS; variant++) {
            records.add(llmock.generate(FixtureRequest.newBuilder().shape(SHAPE).backend("local").variant(variant)
                    .build()).json());
        }
        return records;
    }

    @Benchmark
    public List<JsonNode> javaLlamaCppDirect() throws IOException {
        List<JsonNode> records = new ArrayList<>(calls.size());
        for (InferenceParameters call : calls) {
            StringBuilder text = new StringBuilder();
            for (LlamaOutput output : direct.generate(call)) {
                text.append(output.text);
            }
            records.add(Json.MAPPER.readTree(text.toString()));
        }
        return records;
    }

    /**
     * The grammar llmock gives the model for {@code schema}. There is no public way to ask for it, so this calls the
     * llamacpp backend's internal {@code Grammars.of} by reflection (a benchmark-only dependency on an internal).
     */
    private static String llmocksGrammar(JsonNode schema) throws ReflectiveOperationException {
        Method of = Class.forName("dev.llmock.llamacpp.internal.Grammars").getDeclaredMethod("of", JsonNode.class);
        of.setAccessible(true);
        return (String) of.invoke(null, schema);
    }

    private static Path model() {
        String named = System.getProperty(MODEL_PROPERTY);
        Path here = Path.of("").toAbsolutePath();
        return (named != null ? Stream.of(Path.of(named)) : Stream.of(here, here.getParent())
                .map(dir -> dir.resolve("../shared/models/llama-2-tiny-random.gguf").normalize()))
                .filter(Files::isRegularFile).findFirst()
                .orElseThrow(() -> new IllegalStateException("No GGUF model: set -D" + MODEL_PROPERTY
                        + "=<file.gguf> (jvmArgsAppend), or run from a checkout with ../shared/models beside it."));
    }
}
