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
import dev.llmock.Stage;
import dev.llmock.internal.Json;
import dev.llmock.internal.backend.PromptBuilder;
import dev.llmock.internal.backend.ProviderSchema;
import dev.llmock.spi.BackendRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Goal 7: records per second from a GGUF model through llmock (provider {@code llamacpp}: engine, prompt, grammar,
 * validation, no cache, no cassette), against the same model called directly through java-llama.cpp with the same
 * prompt, grammar, context and threads, and the answer parsed by Jackson. Both cycle through the same number of
 * seeds, so the average answer length is alike; the goal is llmock's overhead at most 10%.
 *
 * <p>The model: {@value #MODEL_PROPERTY}, else {@code ../shared/models/llama-2-tiny-random.gguf} from the project
 * root (random weights, so the text is gibberish, but the tokens, sampling and grammar are real).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class LlamaCppBenchmark {
    static final String MODEL_PROPERTY = "llmock.bench.model";
    static final String SHAPE = "{\"name\":\"string\",\"age\":0,\"active\":true}";
    static final int CONTEXT = 2048;
    static final int THREADS = 2;
    static final int SEEDS = 256;
    static final LlmockConfig.Limits LIMITS = new LlmockConfig.Limits(24, 20);

    private Llmock llmock;
    private LlamaModel direct;
    private String prompt;
    private String grammar;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path model = model();
        String config = "{\"limits\":{\"maxStringLength\":" + LIMITS.maxStringLength() + "},\"backends\":[{"
                + "\"name\":\"local\",\"provider\":\"llamacpp\",\"model\":" + Json.MAPPER.writeValueAsString(
                model.toString()) + ",\"contextSize\":" + CONTEXT + ",\"threads\":" + THREADS + "}]}";
        llmock = Llmock.newBuilder().config(LlmockConfig.parse(config, "bench")).cache(false).build();

        direct = new LlamaModel(new ModelParameters().setModel(model.toString()).setCtxSize(CONTEXT)
                .setThreads(THREADS).setParallel(1).disableLog());
        // The prompt and grammar llmock sends for one record (the tiny model has no chat template: plain text).
        Shape shape = Shape.parse(SHAPE);
        ProviderSchema schema = ProviderSchema.of(shape, 1, LIMITS);
        PromptBuilder.Prompt messages = PromptBuilder.build(new BackendRequest(Stage.Role.GENERATE, shape, 1, 0,
                null, List.of(), null, List.of(), null, 0, null), schema, true);
        prompt = messages.system() + "\n\n" + messages.user() + "\n\nJSON:\n";
        grammar = LlamaModel.jsonSchemaToGrammar(Json.compact(schema.schema()));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        llmock.close();
    }

    @Benchmark
    public JsonNode llmockLocalModel() {
        int variant = next;
        next = (variant + 1) % SEEDS;
        return llmock.generate(FixtureRequest.newBuilder().shape(SHAPE).backend("local").variant(variant).build())
                .json();
    }

    @Benchmark
    public JsonNode javaLlamaCppDirect() throws IOException {
        int seed = next;
        next = (seed + 1) % SEEDS;
        InferenceParameters parameters = new InferenceParameters(prompt).setGrammar(grammar).setSeed(seed)
                .setTemperature(0.7f).setNPredict(CONTEXT / 2).setCachePrompt(false);
        StringBuilder text = new StringBuilder();
        for (LlamaOutput output : direct.generate(parameters)) {
            text.append(output.text);
        }
        return Json.MAPPER.readTree(text.toString());
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
