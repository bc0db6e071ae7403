package dev.llmock.cli;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.llmock.LlmockConfig;
import dev.llmock.SettingResolver;
import dev.llmock.cassette.CassetteSettings;
import dev.llmock.cassette.Cassettes;
import dev.llmock.cassette.RecordMode;
import dev.llmock.cassette.UnexpectedRecordingException;
import dev.llmock.openapi.OpenApiException;
import dev.llmock.wiremock.LlmockMockApi;
import dev.llmock.wiremock.LlmockWireMock;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code llmock serve}: the LLMockApi-compatible mock API (and the {@code llmock} stub transformer) on WireMock, until
 * Ctrl-C, with one log line per request; the cassette is written when it stops.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the mock API under " + LlmockMockApi.PATH_PREFIX + "/** on WireMock until Ctrl-C.")
final class ServeCommand implements Callable<Integer> {
    /** Where cassettes go when neither --cassettes nor a cassette directory setting says: {@value}. */
    static final String DEFAULT_DIRECTORY = "llmock-cassettes";

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
            description = "Larger request bodies are answered with 413 (default: ${DEFAULT-VALUE}).")
    long maxBodyBytes;

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

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        LlmockConfig loaded = ConfigFile.load(config);
        SettingResolver settings = SettingResolver.system().withConfig(loaded);
        RecordMode recordMode = settings.get(CassetteSettings.MODE, mode);
        Cassettes.Builder cassettesBuilder = Cassettes.newBuilder().settings(settings).config(loaded).mode(recordMode)
                .directory(cassetteDirectory(settings));
        if (failOnRecord != null) {
            cassettesBuilder.failOnRecord(failOnRecord);
        }
        Cassettes cassetteSet = cassettesBuilder.build();
        LlmockWireMock.Builder builder = LlmockWireMock.newBuilder().config(loaded).cassettes(cassetteSet)
                .cassette(cassette).seed(seed).maxBodyBytes(maxBodyBytes);
        try {
            builder.maxContexts(maxContexts).maxContextEntities(maxContextEntities);
            if (graphQlSchema != null) {
                builder.graphQlSchema(graphQlSchema);
            }
        } catch (IllegalArgumentException e) {
            throw new LlmockCommand.BadInputException(e.getMessage());
        }
        openApi.forEach(spec -> OpenApiOption.addTo(builder, spec));
        try {
            llmock = builder.build();
        } catch (OpenApiException e) {
            throw new LlmockCommand.BadInputException(e.getMessage());
        }
        server = new WireMockServer(wireMockConfig().port(port).bindAddress(bind).disableRequestJournal()
                .extensions(llmock.extensions()).extensions(new RequestLog(out)));
        try {
            server.start();
        } catch (RuntimeException e) {
            llmock.close();
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

    /** Stops the server and writes the cassette; safe to call more than once, from any thread. */
    void stop() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        try {
            if (server != null) {
                server.stop(); // the extensions save the cassette
            }
            if (llmock != null) {
                closeLlmock();
                PrintWriter out = spec.commandLine().getOut();
                out.println("llmock: stopped; cassette " + llmock.cassette().path());
                out.flush();
            }
        } finally {
            stopped.countDown();
        }
    }

    /** Saves the cassette; reports a recording that {@code llmock.failOnRecord} forbids. */
    private void closeLlmock() {
        try {
            llmock.close();
        } catch (UnexpectedRecordingException e) {
            recordedWhileForbidden = true;
            PrintWriter err = spec.commandLine().getErr();
            err.println("llmock: " + e.getMessage());
            err.flush();
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

    /**
     * One line per request: method, URL, status, how the body was made, time taken. Printed before the response is
     * sent, so a client that has its response can count on the line being there (a request's line is never printed
     * after {@code stop}).
     */
    static final class RequestLog implements ServeEventListener {
        private final PrintWriter out;

        RequestLog(PrintWriter out) {
            this.out = out;
        }

        @Override
        public String getName() {
            return "llmock-request-log";
        }

        @Override
        public void beforeResponseSent(ServeEvent serveEvent, Parameters parameters) {
            int status = serveEvent.getResponse() == null ? 0 : serveEvent.getResponse().getStatus();
            HttpHeader sourceHeader = serveEvent.getResponse() == null ? null
                    : serveEvent.getResponse().getHeaders().getHeader("X-Llmock-Source");
            String source = sourceHeader == null || !sourceHeader.isPresent() ? null : sourceHeader.firstValue();
            Integer millis = serveEvent.getTiming() == null ? null : serveEvent.getTiming().getProcessTime();
            String line = serveEvent.getRequest().getMethod() + " " + serveEvent.getRequest().getUrl() + " -> "
                    + status + (source == null ? "" : " " + source) + (millis == null ? "" : " " + millis + "ms");
            synchronized (out) {
                out.println(line);
                out.flush();
            }
        }
    }
}
