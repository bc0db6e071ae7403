package dev.llmock.wiremock;

import com.github.tomakehurst.wiremock.extension.Extension;
import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
import dev.llmock.Llmock;
import dev.llmock.LlmockConfig;
import dev.llmock.cassette.Cassette;
import dev.llmock.cassette.CassetteSettings;
import dev.llmock.cassette.Cassettes;
import dev.llmock.cassette.RecordMode;
import dev.llmock.cassette.UnexpectedRecordingException;
import dev.llmock.spi.FixtureInterceptor;
import dev.llmock.wiremock.internal.ApiFeatures;
import dev.llmock.wiremock.internal.EngineHandle;
import dev.llmock.wiremock.internal.FactOverlay;
import dev.llmock.wiremock.internal.Messages;
import dev.llmock.wiremock.internal.RunningTests;
import dev.llmock.wiremock.internal.context.ContextOverlay;
import dev.llmock.wiremock.internal.context.ContextStore;
import dev.llmock.wiremock.internal.graphql.GraphQlSchema;
import dev.llmock.wiremock.internal.openapi.OpenApiExtension;
import dev.llmock.wiremock.internal.openapi.OpenApiMocks;
import dev.llmock.wiremock.internal.openapi.OpenApiSupport;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * llmock for WireMock: one engine and one cassette, shared by the {@link LlmockResponseTransformer} (stubs whose body
 * is generated from a shape) and the {@link LlmockMockApi} (the LLMockApi-compatible catch-all under
 * {@value LlmockMockApi#PATH_PREFIX}).
 *
 * <pre>{@code
 * LlmockWireMock llmock = LlmockWireMock.newBuilder()
 *         .cassettes(Path.of("src/test/resources/llmock/cassettes"))
 *         .mode(RecordMode.REPLAY)
 *         .cassette("com.acme.PaymentsApiTest")
 *         .build();
 * WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
 *         .extensions(llmock.extensions()));
 * }</pre>
 *
 * The cassette is saved when the WireMock server stops (and by {@link #save()}). Instances are thread-safe.
 *
 * @since 0.1.0
 */
// Longer than 350 lines because the builder documents each of its options (cassettes, engine, limits, contexts, GraphQL,
// OpenAPI).
public final class LlmockWireMock implements AutoCloseable {
    /** The cassette name used unless one is given: {@value}. */
    public static final String DEFAULT_CASSETTE = "llmock-wiremock";
    /**
     * Request header naming the test a request belongs to, for its cassette entry: {@value}. Needed only when tests
     * run concurrently against one server; see {@link LlmockWireMockExtension#testLabel()}.
     *
     * @since 0.2.0
     */
    public static final String TEST_HEADER = "X-Llmock-Test";
    /** Request bodies larger than this many bytes are answered with 413, unless configured: {@value}. */
    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

    /**
     * API contexts kept at once unless configured: {@value}.
     *
     * @since 0.2.0
     */
    public static final int DEFAULT_MAX_CONTEXTS = ContextStore.DEFAULT_MAX_CONTEXTS;
    /**
     * Entities kept per API context unless configured: {@value}.
     *
     * @since 0.2.0
     */
    public static final int DEFAULT_MAX_CONTEXT_ENTITIES = ContextStore.DEFAULT_MAX_ENTITIES;

    private static final AtomicReference<LlmockWireMock> SHARED = new AtomicReference<>();

    private final LlmockConfig config;
    private final Llmock engine;
    private final long maxBodyBytes;
    private final AtomicReference<Cassettes> cassettes;
    private final AtomicReference<Cassette> cassette = new AtomicReference<>();
    private final RunningTests tests = new RunningTests();
    private final EngineHandle engineHandle;
    private final ContextStore contexts;
    private final ApiFeatures apiFeatures;
    private final LlmockResponseTransformer transformer;
    private final LlmockMockApi mockApi;
    /** Null unless OpenAPI descriptions were given. */
    private final OpenApiMocks openApi;
    private final OpenApiExtension openApiExtension;

    private LlmockWireMock(Builder builder, Cassettes resolvedCassettes, String cassetteName) {
        this.config = builder.config;
        this.maxBodyBytes = builder.maxBodyBytes == null ? DEFAULT_MAX_BODY_BYTES : builder.maxBodyBytes;
        this.cassettes = new AtomicReference<>(resolvedCassettes);
        if (resolvedCassettes != null && cassetteName != null) {
            cassette.set(resolvedCassettes.open(cassetteName));
        }
        FixtureInterceptor currentCassette = chain -> {
            Cassette current = cassette.get();
            return current == null ? chain.proceed(chain.request()) : current.interceptor().intercept(chain);
        };
        Llmock.Builder engineBuilder = Llmock.newBuilder().config(config).interceptor(currentCassette)
                .interceptor(new FactOverlay()).interceptor(new ContextOverlay());
        if (builder.seed != null) {
            engineBuilder.seed(builder.seed);
        }
        this.engine = engineBuilder.build();
        this.engineHandle = new EngineHandle(this::generate, this::replayOnly, tests::labelFor,
                maxBodyBytes, config);
        this.contexts = new ContextStore(
                builder.maxContexts == null ? ContextStore.DEFAULT_MAX_CONTEXTS : builder.maxContexts,
                builder.maxContextEntities == null ? ContextStore.DEFAULT_MAX_ENTITIES : builder.maxContextEntities,
                Clock.systemUTC());
        this.apiFeatures = new ApiFeatures(contexts, builder.context, builder.graphQlSchema);
        this.transformer = new LlmockResponseTransformer(this);
        this.mockApi = new LlmockMockApi(this);
        try {
            this.openApi = builder.openApi.isEmpty() ? null : OpenApiMocks.load(builder.openApi, engineHandle);
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
        this.openApiExtension = openApi == null ? null : new OpenApiExtension(openApi);
    }

    /**
     * A new builder; with no option set, the configuration is {@link LlmockConfig#load()} and the cassette
     * {@value #DEFAULT_CASSETTE} in the default directory.
     *
     * @return a new builder
     */
    public static Builder newBuilder() {
        return new Builder();
    }

    /**
     * The instance behind the no-argument constructors, which WireMock's extension loading and the standalone runner
     * ({@code --extensions dev.llmock.wiremock.LlmockResponseTransformer}) use: {@link LlmockConfig#load()}, the
     * cassette {@value #DEFAULT_CASSETTE} in the default directory, the mode from {@code llmock.mode} /
     * {@code LLMOCK_MODE} / {@code CI}.
     */
    static LlmockWireMock shared() {
        LlmockWireMock existing = SHARED.get();
        if (existing != null) {
            return existing;
        }
        synchronized (SHARED) {
            if (SHARED.get() == null) {
                SHARED.set(newBuilder().build());
            }
            return SHARED.get();
        }
    }

    /** {@return the response transformer, named {@value LlmockResponseTransformer#NAME}} */
    public LlmockResponseTransformer transformer() {
        return transformer;
    }

    /** {@return the catch-all mock API under {@value LlmockMockApi#PATH_PREFIX}} */
    public LlmockMockApi mockApi() {
        return mockApi;
    }

    /**
     * The extensions, for {@code wireMockConfig().extensions(llmock.extensions())}: the transformer, the mock API,
     * and the OpenAPI operations when descriptions were given ({@link Builder#openApi(String)}).
     *
     * @return a new array of the extensions
     */
    public Extension[] extensions() {
        return openApi == null ? new Extension[] {transformer, mockApi}
                : new Extension[] {transformer, mockApi, openApiExtension};
    }

    /** The transformer, and the OpenAPI operations when descriptions were given: everything but the mock API. */
    Extension[] extensionsWithoutMockApi() {
        return openApi == null ? new Extension[] {transformer} : new Extension[] {transformer, openApiExtension};
    }

    /**
     * The operations served from the OpenAPI descriptions, one line each for people to read, e.g.
     * {@code GET /v1/pets/{petId} -> 200 application/json (showPetById, petstore.yaml)}; empty without descriptions.
     *
     * @return the operations, one line each
     * @since 0.2.0
     */
    public List<String> openApiOperations() {
        return openApi == null ? List.of() : openApi.describe();
    }

    /** {@return the configuration the engine was built with} */
    public LlmockConfig config() {
        return config;
    }

    /**
     * {@return the cassette in use, or null when there is none ({@link RecordMode#LIVE} is still a cassette, not null)}
     */
    public Cassette cassette() {
        return cassette.get();
    }

    /** {@return the record mode of the cassette in use; {@link RecordMode#LIVE} when there is none} */
    public RecordMode mode() {
        Cassette current = cassette.get();
        return current == null ? RecordMode.LIVE : current.mode();
    }

    /** Whether the cassette in use only replays (see {@link Cassette#replayOnly()}). */
    private boolean replayOnly() {
        Cassette current = cassette.get();
        return current != null && current.replayOnly();
    }

    /**
     * The API context {@code name} of the mock API, to put a test's own entities into it or to read what requests
     * left there; created empty on first use.
     *
     * @param name the context's name
     * @return a view of the context
     * @since 0.2.0
     */
    public ApiContext context(String name) {
        contexts.stateOf(name);
        return new ApiContext(contexts, name);
    }

    /**
     * {@return the context of mock API requests that name none, or null when there is none}
     *
     * @since 0.2.0
     */
    public String defaultContext() {
        return apiFeatures.defaultContext();
    }

    /** {@return largest request body answered; longer ones get 413} */
    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    /**
     * Writes what was recorded to the cassette file (merged with the file on disk, atomically).
     *
     * @return whether the file was written
     * @throws dev.llmock.cassette.CorruptCassetteException when the file on disk cannot be read; it is left untouched
     */
    public boolean save() {
        Cassette current = cassette.get();
        return current != null && current.save();
    }

    /**
     * Saves the cassette and closes the engine's backends.
     *
     * @throws UnexpectedRecordingException after saving, when
     *         {@link CassetteSettings#FAIL_ON_RECORD} is on and anything was recorded
     */
    @Override
    public void close() {
        try {
            save();
        } finally {
            engine.close();
        }
        Cassette current = cassette.get();
        if (current != null) {
            current.checkFailOnRecord();
        }
    }

    /** Generates (or replays) a request already labelled with its test, noting what the test recorded. */
    Fixture generate(FixtureRequest request) {
        Fixture fixture = engine.generate(request);
        tests.answered(request, fixture);
        return fixture;
    }

    EngineHandle engineHandle() {
        return engineHandle;
    }

    ApiFeatures apiFeatures() {
        return apiFeatures;
    }

    /** The tests running against this server, which label the requests. */
    RunningTests tests() {
        return tests;
    }

    /** Switches to the cassette {@code name} of {@code source}, saving the one in use first. */
    void useCassette(Cassettes source, String name) {
        Cassettes chosen = source == null ? cassettes.get() : source;
        cassettes.set(chosen);
        Cassette previous = cassette.getAndSet(chosen.open(name));
        if (previous != null) {
            previous.save();
        }
    }

    @Override
    public String toString() {
        Cassette current = cassette.get();
        return "LlmockWireMock[" + (current == null ? "no cassette" : current) + "]";
    }

    /**
     * Configures {@link LlmockWireMock}; each option once.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private LlmockConfig config;
        private Cassettes cassettes;
        private Path directory;
        private RecordMode mode;
        private String cassette;
        private Long seed;
        private Long maxBodyBytes;
        private boolean noCassette;
        private final List<OpenApiMocks.Source> openApi = new ArrayList<>();
        private String context;
        private Integer maxContexts;
        private Integer maxContextEntities;
        private GraphQlSchema graphQlSchema;

        private Builder() {
        }

        /**
         * Sets the configuration; {@link LlmockConfig#load()} by default.
         *
         * @param value the configuration
         * @return this builder
         */
        public Builder config(LlmockConfig value) {
            requireUnset(config, "config");
            this.config = Objects.requireNonNull(value, "config");
            return this;
        }

        /**
         * Sets ready cassettes (directory and mode); otherwise built from {@link #cassettes(Path)} and {@link #mode}.
         *
         * @param value the cassettes
         * @return this builder
         */
        public Builder cassettes(Cassettes value) {
            requireUnset(cassettes, "cassettes");
            this.cassettes = Objects.requireNonNull(value, "cassettes");
            return this;
        }

        /**
         * Sets the cassette directory; otherwise as {@link CassetteSettings#DIRECTORY} says.
         *
         * @param directoryPath the directory
         * @return this builder
         */
        public Builder cassettes(Path directoryPath) {
            requireUnset(directory, "cassettes directory");
            this.directory = Objects.requireNonNull(directoryPath, "directory");
            return this;
        }

        /**
         * Sets the record mode; by default from {@code llmock.mode}, {@code LLMOCK_MODE}, {@code CI}.
         *
         * @param value the mode
         * @return this builder
         */
        public Builder mode(RecordMode value) {
            requireUnset(mode, "mode");
            this.mode = Objects.requireNonNull(value, "mode");
            return this;
        }

        /**
         * Sets the cassette's name (its file is {@code <name>.json}); {@value LlmockWireMock#DEFAULT_CASSETTE} by
         * default.
         *
         * @param name the name
         * @return this builder
         */
        public Builder cassette(String name) {
            requireUnset(cassette, "cassette");
            this.cassette = Objects.requireNonNull(name, "cassette");
            return this;
        }

        /** No cassette until one is chosen (the JUnit extension chooses one per test class). */
        Builder withoutCassette() {
            this.noCassette = true;
            return this;
        }

        /**
         * Sets the seed generated values derive from; 0 by default.
         *
         * @param value the seed
         * @return this builder
         */
        public Builder seed(long value) {
            requireUnset(seed, "seed");
            this.seed = value;
            return this;
        }

        /**
         * Sets the size beyond which request bodies are answered with 413;
         * {@value LlmockWireMock#DEFAULT_MAX_BODY_BYTES} by
         * default.
         *
         * @param value the largest body answered, in bytes
         * @return this builder
         * @throws IllegalArgumentException when {@code value} is negative
         */
        public Builder maxBodyBytes(long value) {
            requireUnset(maxBodyBytes, "maxBodyBytes");
            if (value < 0) {
                throw new IllegalArgumentException(Messages.negativeMaxBodyBytes(value));
            }
            this.maxBodyBytes = value;
            return this;
        }

        /**
         * Serves every operation of an OpenAPI description (3.0 or 3.1, YAML or JSON; a file, else a classpath
         * resource) under its first server's path; may be called for several descriptions. Needs
         * {@code dev.llmock:llmock-openapi} on the classpath.
         *
         * @param location the description's file or classpath resource
         * @return this builder
         * @throws IllegalStateException when {@code llmock-openapi} is missing
         * @since 0.2.0
         */
        public Builder openApi(String location) {
            return openApi(location, null);
        }

        /**
         * As {@link #openApi(String)}, with its paths under {@code basePath} instead of its server's path.
         *
         * @param location the description's file or classpath resource
         * @param basePath the path the operations are served under, or null for the server's path
         * @return this builder
         * @throws IllegalStateException when {@code llmock-openapi} is missing
         * @since 0.2.0
         */
        public Builder openApi(String location, String basePath) {
            OpenApiSupport.require();
            openApi.add(new OpenApiMocks.Source(Objects.requireNonNull(location, "location"), basePath));
            return this;
        }

        /**
         * Sets the API context of mock API requests that name none ({@code ?context=} or {@code X-Api-Context}); by
         * default they belong to none.
         *
         * @param name the context's name
         * @return this builder
         * @since 0.2.0
         */
        public Builder context(String name) {
            requireUnset(context, "context");
            this.context = Objects.requireNonNull(name, "context");
            return this;
        }

        /**
         * Sets how many API contexts are kept at once, the least used dropped beyond;
         * {@value LlmockWireMock#DEFAULT_MAX_CONTEXTS} by default.
         *
         * @param value the limit, at least 1
         * @return this builder
         * @since 0.2.0
         */
        public Builder maxContexts(int value) {
            requireUnset(maxContexts, "maxContexts");
            this.maxContexts = positive(value, "maxContexts");
            return this;
        }

        /**
         * Sets how many entities are kept per API context, the least recently touched dropped beyond;
         * {@value LlmockWireMock#DEFAULT_MAX_CONTEXT_ENTITIES} by default.
         *
         * @param value the limit, at least 1
         * @return this builder
         * @since 0.2.0
         */
        public Builder maxContextEntities(int value) {
            requireUnset(maxContextEntities, "maxContextEntities");
            this.maxContextEntities = positive(value, "maxContextEntities");
            return this;
        }

        /**
         * A GraphQL schema (SDL) that types the answers of {@code /graphql} and validates the queries sent to it;
         * without one, types are guessed from field names.
         *
         * @param sdl the schema in GraphQL's schema definition language
         * @return this builder
         * @throws IllegalArgumentException naming the line and column when the schema is not valid
         * @since 0.2.0
         */
        public Builder graphQlSchema(String sdl) {
            requireUnset(graphQlSchema, "graphQlSchema");
            this.graphQlSchema = GraphQlSchema.parse(Objects.requireNonNull(sdl, "graphQlSchema"), "(given text)");
            return this;
        }

        /**
         * As {@link #graphQlSchema(String)}, read from a file such as {@code schema.graphqls}.
         *
         * @param file the schema file
         * @return this builder
         * @throws IllegalArgumentException naming the file, line and column when the schema cannot be read or is not
         *     valid
         * @since 0.2.0
         */
        public Builder graphQlSchema(Path file) {
            requireUnset(graphQlSchema, "graphQlSchema");
            this.graphQlSchema = GraphQlSchema.read(Objects.requireNonNull(file, "graphQlSchema"));
            return this;
        }

        /**
         * Builds the engine and opens the cassette.
         *
         * @return the instance; close it (or stop the WireMock server) to save the cassette
         * @throws IllegalStateException when ready cassettes are combined with a directory or mode
         * @throws dev.llmock.LlmockException when the configuration or an OpenAPI description is invalid
         */
        public LlmockWireMock build() {
            if (cassettes != null && (directory != null || mode != null)) {
                throw new IllegalStateException(Messages.cassettesAndDirectory());
            }
            if (config == null) {
                config = LlmockConfig.load();
            }
            if (noCassette) {
                return new LlmockWireMock(this, cassettes, null);
            }
            Cassettes resolved = cassettes;
            if (resolved == null) {
                Cassettes.Builder builder = Cassettes.newBuilder().config(config);
                if (directory != null) {
                    builder.directory(directory);
                }
                if (mode != null) {
                    builder.mode(mode);
                }
                resolved = builder.build();
            }
            return new LlmockWireMock(this, resolved, cassette == null ? DEFAULT_CASSETTE : cassette);
        }

        private static int positive(int value, String option) {
            if (value < 1) {
                throw new IllegalArgumentException(Messages.notPositive(option, value));
            }
            return value;
        }

        private static void requireUnset(Object current, String option) {
            if (current != null) {
                throw new IllegalStateException(Messages.optionSetTwice(option));
            }
        }
    }
}
