package dev.llmock.cli;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.llmock.LlmockConfig;
import dev.llmock.SettingResolver;
import dev.llmock.cassette.CassetteSettings;
import dev.llmock.cassette.Cassettes;
import dev.llmock.cassette.RecordMode;
import dev.llmock.cassette.UnexpectedRecordingException;
import dev.llmock.cli.internal.GuardedServerFactory;
import dev.llmock.cli.internal.ServeSafety;
import dev.llmock.cli.internal.WireMockRoot;
import dev.llmock.internal.RedactedUrls;
import dev.llmock.openapi.OpenApiException;
import dev.llmock.wiremock.LlmockMockApi;
import dev.llmock.wiremock.LlmockWireMock;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code llmock serve}: the LLMockApi-compatible mock API (and the {@code llmock} stub transformer) on WireMock, until
 * Ctrl-C, with one log line per request. Recorded entries reach the cassette within a second (and on stop). WireMock's
 * admin API is off unless {@code --admin} (then loopback only, no CORS), its files and mappings live in a temporary
 * directory, and request bodies over {@code --max-body-bytes} are refused before they are read.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the mock API under " + LlmockMockApi.PATH_PREFIX + "/** on WireMock until Ctrl-C.")
final class ServeCommand implements Callable<Integer> {
    /** Where cassettes go when neither --cassettes nor a cassette directory setting says: {@value}. */
    static final String DEFAULT_DIRECTORY = "llmock-cassettes";
    /** The largest --max-body-bytes: a body is held in one array. */
    static final long MAX_BODY_LIMIT = Integer.MAX_VALUE - 8;
    private static final int MAX_PORT = 65_535;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = {"-p", "--port"}, defaultValue = "5116",
            description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1",
            description = "Address to bind; 0.0.0.0 for every interface (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = {"-c", "--config"}, paramLabel = "<llmock.json>",
            description = "Configuration file (default: -Dllmock.config, LLMOCK_CONFIG, or ./llmock.json if present).")
    Path config;

    @Option(names = "--cassettes", paramLabel = "<dir>",
            description = "Cassette directory (default: -Dllmock.cassettes.dir, LLMOCK_CASSETTES_DIR, the"
                    + " configuration's cassettes.directory, or ./" + DEFAULT_DIRECTORY + ").")
    Path cassettes;

    @Option(names = "--cassette", paramLabel = "<name>", defaultValue = LlmockWireMock.DEFAULT_CASSETTE,
            description = "Cassette name; the file is <dir>/<name>.json (default: ${DEFAULT-VALUE}).")
    String cassette;

    @Option(names = {"-m", "--mode"}, paramLabel = "<mode>", converter = ModeConverter.class,
            description = "once, replay, record, rerecord or live; VCR's none, new_episodes, all also work"
                    + " (default: -Dllmock.mode, LLMOCK_MODE, replay on CI, else once).")
    RecordMode mode;

    @Option(names = "--fail-on-record", paramLabel = "<true|false>", arity = "1",
            description = "Exit with 1 when the run recorded anything (default: -Dllmock.failOnRecord,"
                    + " LLMOCK_FAIL_ON_RECORD, true on CI).")
    Boolean failOnRecord;

    @Option(names = "--seed", defaultValue = "0", description = "Seed for generated values (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--max-body-bytes", defaultValue = "" + LlmockWireMock.DEFAULT_MAX_BODY_BYTES,
            description = "Larger request bodies are answered with 413 before they are read (default:"
                    + " ${DEFAULT-VALUE}).")
    long maxBodyBytes;

    @Option(names = "--admin", description = "Also serve WireMock's admin API under /__admin, to clients on this"
            + " machine only and without CORS (default: off).")
    boolean admin;

    @Option(names = "--openapi", paramLabel = "[/base=]<spec>",
            description = "Serve every operation of an OpenAPI 3.0/3.1 (or Swagger 2.0) description, YAML or JSON,"
                    + " under its server's path, or under /base when given as /base=spec.yaml. Repeatable.")
    List<String> openApi = new ArrayList<>();

    @Option(names = "--graphql-schema", paramLabel = "<schema.graphqls>",
            description = "GraphQL schema (SDL) that types the answers of /graphql and validates queries"
                    + " (default: none; types guessed from field names).")
    Path graphQlSchema;

    @Option(names = "--max-contexts", defaultValue = "" + LlmockWireMock.DEFAULT_MAX_CONTEXTS,
            description = "API contexts kept at once, the least used dropped beyond (default: ${DEFAULT-VALUE}).")
    int maxContexts;

    @Option(names = "--max-context-entities", defaultValue = "" + LlmockWireMock.DEFAULT_MAX_CONTEXT_ENTITIES,
            description = "Entities kept per API context, the least recently used dropped beyond"
                    + " (default: ${DEFAULT-VALUE}).")
    int maxContextEntities;

    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicBoolean stopping = new AtomicBoolean();
    /** Set when the run recorded while llmock.failOnRecord was on: the command then exits with FAILURE. */
    private volatile boolean recordedWhileForbidden;
    private volatile WireMockServer server;
    private volatile LlmockWireMock llmock;
    private volatile Path root;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        checkOptions();
        LlmockConfig loaded = ConfigFile.load(config);
        SettingResolver settings = SettingResolver.system().withConfig(loaded);
        RecordMode recordMode = settings.get(CassetteSettings.MODE, mode);
        LlmockWireMock.Builder builder;
        try {
            Cassettes.Builder cassettesBuilder = Cassettes.newBuilder().settings(settings).config(loaded)
                    .mode(recordMode).directory(cassetteDirectory(settings));
            if (failOnRecord != null) {
                cassettesBuilder.failOnRecord(failOnRecord);
            }
            builder = LlmockWireMock.newBuilder().config(loaded).cassettes(cassettesBuilder.build()).cassette(cassette)
                    .seed(seed).maxBodyBytes(maxBodyBytes).maxContexts(maxContexts)
                    .maxContextEntities(maxContextEntities);
            if (graphQlSchema != null) {
                builder.graphQlSchema(graphQlSchema);
            }
        } catch (IllegalArgumentException e) {
            throw new LlmockCommand.BadInputException(e.getMessage());
        }
        LlmockWireMock.Builder options = builder;
        openApi.forEach(spec -> OpenApiOption.addTo(options, spec));
        try {
            llmock = builder.build();
        } catch (OpenApiException | IllegalArgumentException e) {
            throw new LlmockCommand.BadInputException(e.getMessage());
        }
        root = WireMockRoot.create();
        server = new WireMockServer(wireMockConfig().port(port).bindAddress(bind).disableRequestJournal()
                .withRootDirectory(root.toString())
                .httpServerFactory(new GuardedServerFactory(new ServeSafety(admin, maxBodyBytes, out)))
                .extensions(llmock.extensions()));
        try {
            server.start();
        } catch (RuntimeException e) {
            llmock.close();
            WireMockRoot.delete(root);
            throw new LlmockCommand.BadInputException("Could not start the server on " + bind + ":" + port + ": "
                    + e.getMessage() + (port == 0 ? "" : " Is another process using the port? Try --port 0."));
        }
        Thread hook = new Thread(this::stop, "llmock-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("llmock: serving http://" + bind + ":" + server.port() + LlmockMockApi.PATH_PREFIX
                + "/** (mode " + recordMode.id() + ", cassette " + llmock.cassette().path() + "). Ctrl-C stops.");
        out.println("llmock: try  curl 'http://" + bind + ":" + server.port() + LlmockMockApi.PATH_PREFIX
                + "/users/42?shape=%7B%22id%22:0,%22name%22:%22string%22%7D'");
        OpenApiOption.printOperations(out, llmock.openApiOperations(), "http://" + bind + ":" + server.port());
        out.flush();
        started.countDown();
        stopped.await();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook is what stopped us
        }
        return recordedWhileForbidden ? LlmockCommand.FAILURE : LlmockCommand.OK;
    }

    private void checkOptions() {
        if (port < 0 || port > MAX_PORT) {
            throw new LlmockCommand.BadInputException("--port must be from 0 (any free port) to " + MAX_PORT
                    + ", but was " + port + ".");
        }
        if (maxBodyBytes < 0 || maxBodyBytes > MAX_BODY_LIMIT) {
            throw new LlmockCommand.BadInputException("--max-body-bytes must be from 0 to " + MAX_BODY_LIMIT
                    + ", but was " + maxBodyBytes + ".");
        }
    }

    /**
     * Stops the server and writes the cassette; safe to call more than once, from any thread. A cassette that cannot
     * be written is reported, and what it could not take is written beside it, never thrown away.
     */
    void stop() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        Set<String> problems = new LinkedHashSet<>();
        try {
            if (server != null) {
                try {
                    server.stop(); // the extensions save the cassette
                } catch (RuntimeException e) {
                    problems.add(RedactedUrls.within(e.getMessage()));
                }
            }
            if (llmock != null) {
                closeLlmock(problems);
                PrintWriter err = spec.commandLine().getErr();
                problems.forEach(problem -> err.println("llmock: " + problem));
                err.flush();
                PrintWriter out = spec.commandLine().getOut();
                out.println("llmock: stopped; cassette " + llmock.cassette().path());
                out.flush();
            }
            WireMockRoot.delete(root);
        } finally {
            stopped.countDown();
        }
    }

    /** Saves the cassette; notes a recording that {@code llmock.failOnRecord} forbids, and any save that failed. */
    private void closeLlmock(Set<String> problems) {
        try {
            llmock.close();
        } catch (UnexpectedRecordingException e) {
            recordedWhileForbidden = true;
            problems.add(e.getMessage());
        } catch (RuntimeException e) {
            problems.add(RedactedUrls.within(e.getMessage()));
        }
    }

    /** The port listened on, once started. */
    int awaitPort(Duration timeout) throws InterruptedException {
        if (!started.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("llmock serve did not start within " + timeout);
        }
        return server.port();
    }

    /** {@code --cassettes}, else the setting, except that its default is {@value #DEFAULT_DIRECTORY} here. */
    private Path cassetteDirectory(SettingResolver settings) {
        SettingResolver.Resolved<Path> directory = settings.resolve(CassetteSettings.DIRECTORY, cassettes);
        return directory.origin() == SettingResolver.Origin.DEFAULT ? Path.of(DEFAULT_DIRECTORY) : directory.value();
    }
}
