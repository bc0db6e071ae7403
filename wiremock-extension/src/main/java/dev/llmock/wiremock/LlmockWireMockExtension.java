package dev.llmock.wiremock;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import dev.llmock.LlmockConfig;
import dev.llmock.cassette.CassetteSettings;
import dev.llmock.cassette.Cassette;
import dev.llmock.cassette.RecordMode;
import dev.llmock.wiremock.internal.GeneratedEntities;
import dev.llmock.wiremock.internal.Messages;
import dev.llmock.wiremock.internal.openapi.OpenApiMocks;
import dev.llmock.wiremock.internal.openapi.OpenApiSupport;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * WireMock's own {@link WireMockExtension} with llmock in it: the {@value LlmockResponseTransformer#NAME} transformer
 * and the mock API under {@value LlmockMockApi#PATH_PREFIX}, answering from one cassette per test class.
 *
 * <pre>{@code
 * @RegisterExtension
 * static LlmockWireMockExtension api = LlmockWireMockExtension.newInstance().build();
 *
 * @Test
 * void showsTheUser() {
 *     api.stubFor(get(urlPathTemplate("/users/{id}")).willReturn(aResponse().withTransformers("llmock")
 *             .withTransformerParameter("shape", "{\"id\":0,\"name\":\"string\"}")));
 *     User user = new UserClient(api.baseUrl()).find(42);        // {"id":42,"name":"..."}
 * }
 * }</pre>
 *
 * The cassette is {@code <directory>/<test class name>.json}. The directory and the mode come from the builder
 * ({@link Builder#cassettes}, {@link Builder#mode}), else from the JUnit configuration parameter or system property,
 * the environment variable, {@code llmock.json}, the default, as {@link CassetteSettings} lists them (mode:
 * {@value RecordMode#MODE_PROPERTY}, {@value RecordMode#MODE_ENV}, else {@code replay} on CI and {@code once}
 * elsewhere). When {@link CassetteSettings#FAIL_ON_RECORD} is on (by default on CI), a test class whose requests
 * recorded anything fails after its cassette is written. A failed test's recordings are kept in {@code record}, so
 * the failure replays, and undone in {@code rerecord}, so a failing test never overwrites good entries. Each
 * request's entry is labelled with its test (see {@link #testLabel()} for tests that run concurrently). By default
 * the server binds 127.0.0.1 on a dynamic port.
 *
 * @since 0.1.0
 */
// Longer than 350 lines because its builder mirrors WireMock's and adds llmock's documented options.
public final class LlmockWireMockExtension extends WireMockExtension implements InvocationInterceptor {
    private final LlmockWireMock llmock;
    private final ClassCassettes cassettes;

    private LlmockWireMockExtension(WireMockExtension.Builder wireMock, LlmockWireMock llmock, Builder builder) {
        super(wireMock);
        this.llmock = llmock;
        this.cassettes = new ClassCassettes(llmock, builder.directory, builder.mode, builder.cassetteName);
    }

    /**
     * A new builder, named as WireMock's {@code WireMockExtension.newInstance()}.
     *
     * @return a new builder
     */
    public static Builder newInstance() {
        return new Builder();
    }

    /** {@return the engine and cassette behind the server} */
    public LlmockWireMock llmock() {
        return llmock;
    }

    /**
     * The API context named by {@link Builder#context(String)}: every mock API request that names no context of its
     * own belongs to it, it is emptied before each test, and the test method's {@code @Generated} arguments are put
     * into it (a {@code Customer} under {@code /customers}), so that {@code GET /api/mock/customers/{id}} answers with
     * the customer the test was given.
     *
     * @return a view of the context
     * @throws IllegalStateException when the builder named no context
     * @since 0.2.0
     */
    public ApiContext context() {
        if (llmock.defaultContext() == null) {
            throw new IllegalStateException(Messages.noDefaultContext());
        }
        return llmock.context(llmock.defaultContext());
    }

    /** {@return the cassette of the current test class, or null before the first test} */
    public Cassette cassette() {
        return llmock.cassette();
    }

    @Override
    protected void onBeforeAll(ExtensionContext context, WireMockRuntimeInfo runtimeInfo) {
        cassettes.beforeAll(context);
    }

    /**
     * The label of the test running on the calling thread, e.g. {@code UsersTest.findsAUser()}; null outside a test.
     * When tests run concurrently against one server, send it in the {@value LlmockWireMock#TEST_HEADER} header so
     * each request's cassette entry names its own test:
     * <pre>{@code
     * HttpRequest.newBuilder(URI.create(api.url("/api/mock/users/1")))
     *         .header(LlmockWireMock.TEST_HEADER, api.testLabel()).build();
     * }</pre>
     * Without the header a request is labelled with the only running test, or with none while several run.
     *
     * @return the label, or null
     * @since 0.2.0
     */
    public String testLabel() {
        return llmock.tests().labelOnThisThread();
    }

    @Override
    protected void onBeforeEach(ExtensionContext context, WireMockRuntimeInfo runtimeInfo) {
        cassettes.beforeEach(context);
        if (llmock.defaultContext() != null) {
            context().clear(); // each test starts its world afresh, so it replays alike in any order
        }
    }

    /**
     * Puts the test method's {@code @Generated} arguments into the default API context, when there is one.
     *
     * @since 0.2.0
     */
    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
                                    ExtensionContext extensionContext) throws Throwable {
        if (llmock.defaultContext() != null) {
            ApiContext world = context();
            GeneratedEntities.of(invocationContext.getExecutable(), invocationContext.getArguments().toArray(),
                    (collection, entity) -> {
                        try {
                            world.put(collection, entity);
                        } catch (IllegalArgumentException e) {
                            // an argument without an id is no entity a request could ask for
                        }
                    });
        }
        invocation.proceed();
    }

    @Override
    protected void onAfterAll(ExtensionContext context, WireMockRuntimeInfo runtimeInfo) {
        cassettes.afterAll();
    }

    /**
     * Configures {@link LlmockWireMockExtension}, as {@code WireMockExtension.newInstance()} does.
     *
     * @since 0.1.0
     */
    public static final class Builder extends WireMockExtension.Builder {
        private WireMockConfiguration options;
        private Integer port;
        private LlmockConfig config;
        private Path directory;
        private RecordMode mode;
        private String cassetteName;
        private Long seed;
        private Long maxBodyBytes;
        private boolean mockApi = true;
        private final List<OpenApiMocks.Source> openApi = new ArrayList<>();
        private String context;
        private Path graphQlSchema;

        private Builder() {
        }

        /**
         * WireMock's options, as {@code wireMockConfig()...}; llmock's extensions are added to them. Default: a
         * dynamic port on 127.0.0.1.
         */
        @Override
        public Builder options(Options value) {
            requireUnset(options, "options");
            if (!(value instanceof WireMockConfiguration)) {
                throw new IllegalArgumentException(Messages.optionsNotWireMockConfiguration(value.getClass().getName()));
            }
            this.options = (WireMockConfiguration) value;
            return this;
        }

        /**
         * Sets a fixed port instead of a dynamic one.
         *
         * @param value the port
         * @return this builder
         */
        public Builder port(int value) {
            requireUnset(port, "port");
            this.port = value;
            return this;
        }

        /**
         * Sets the llmock configuration; {@link LlmockConfig#load()} by default.
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
         * Sets the cassette directory; otherwise as {@link CassetteSettings#DIRECTORY} says.
         *
         * @param value the directory
         * @return this builder
         */
        public Builder cassettes(Path value) {
            requireUnset(directory, "cassettes");
            this.directory = Objects.requireNonNull(value, "cassettes");
            return this;
        }

        /**
         * Sets the record mode, overriding {@value RecordMode#MODE_PROPERTY} and {@value RecordMode#MODE_ENV}.
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
         * Sets one cassette name for every test class using this extension, instead of the test class's name.
         *
         * @param name the cassette's name (its file is {@code <name>.json})
         * @return this builder
         */
        public Builder cassette(String name) {
            requireUnset(cassetteName, "cassette");
            this.cassetteName = Objects.requireNonNull(name, "cassette");
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
         * {@value LlmockWireMock#DEFAULT_MAX_BODY_BYTES} by default.
         *
         * @param value the largest body answered, in bytes
         * @return this builder
         */
        public Builder maxBodyBytes(long value) {
            requireUnset(maxBodyBytes, "maxBodyBytes");
            this.maxBodyBytes = value;
            return this;
        }

        /**
         * Serves every operation of an OpenAPI description (a file, else a classpath resource) under its first
         * server's path, stubbed again after every reset; may be called for several descriptions. Needs
         * {@code dev.llmock:llmock-openapi} on the test classpath.
         *
         * @param location the description's file or classpath resource
         * @return this builder
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
         * @since 0.2.0
         */
        public Builder openApi(String location, String basePath) {
            OpenApiSupport.require();
            openApi.add(new OpenApiMocks.Source(Objects.requireNonNull(location, "location"), basePath));
            return this;
        }

        /**
         * Sets the API context of the mock API requests that name none; see {@link LlmockWireMockExtension#context()}.
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
         * Sets a GraphQL schema file typing the answers of {@code /graphql}; see
         * {@link LlmockWireMock.Builder#graphQlSchema(Path)}.
         *
         * @param file the schema file
         * @return this builder
         * @since 0.2.0
         */
        public Builder graphQlSchema(Path file) {
            requireUnset(graphQlSchema, "graphQlSchema");
            this.graphQlSchema = Objects.requireNonNull(file, "graphQlSchema");
            return this;
        }

        /**
         * Sets whether the catch-all mock API answers under {@value LlmockMockApi#PATH_PREFIX}; true by default.
         *
         * @param value false to leave the mock API out
         * @return this builder
         */
        public Builder mockApi(boolean value) {
            this.mockApi = value;
            return this;
        }

        @Override
        public Builder configureStaticDsl(boolean value) {
            super.configureStaticDsl(value);
            return this;
        }

        @Override
        public Builder failOnUnmatchedRequests(boolean value) {
            super.failOnUnmatchedRequests(value);
            return this;
        }

        @Override
        public Builder proxyMode(boolean value) {
            super.proxyMode(value);
            return this;
        }

        @Override
        public LlmockWireMockExtension build() {
            LlmockWireMock.Builder llmockBuilder = LlmockWireMock.newBuilder().withoutCassette();
            if (config != null) {
                llmockBuilder.config(config);
            }
            if (seed != null) {
                llmockBuilder.seed(seed);
            }
            if (maxBodyBytes != null) {
                llmockBuilder.maxBodyBytes(maxBodyBytes);
            }
            openApi.forEach(spec -> llmockBuilder.openApi(spec.location(), spec.basePath()));
            if (context != null) {
                llmockBuilder.context(context);
            }
            if (graphQlSchema != null) {
                llmockBuilder.graphQlSchema(graphQlSchema);
            }
            LlmockWireMock llmock = llmockBuilder.build();
            WireMockConfiguration wireMockOptions = options != null ? options
                    : wireMockConfig().dynamicPort().bindAddress("127.0.0.1");
            if (port != null) {
                wireMockOptions.port(port);
            }
            if (mockApi) {
                wireMockOptions.extensions(llmock.extensions());
            } else {
                wireMockOptions.extensions(llmock.extensionsWithoutMockApi());
            }
            super.options(wireMockOptions);
            return new LlmockWireMockExtension(this, llmock, this);
        }

        private static void requireUnset(Object current, String option) {
            if (current != null) {
                throw new IllegalStateException(Messages.optionSetTwice(option));
            }
        }
    }
}
