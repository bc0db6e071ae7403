package dev.llmock.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Goal 4: requests per second of one WireMock server ({@link WireMockServerMain}, a JVM of its own started for each
 * fork) answering the same body through the {@code llmock} transformer replaying, the catch-all {@code /api/mock/**}
 * replaying, and a plain static stub (also asked with the catch-all's long query). {@value #CONNECTIONS} client
 * threads, each on its own keep-alive connection through {@link RawHttpClient}, whose per-request work is small, so
 * the figure is the server's. {@link WireMockServerCpu} measures the same stubs as server CPU time per request.
 *
 * <p>With {@value #SERVER_CPUS_PROPERTY} set (run.sh sets {@code 0} and runs JMH itself on CPU 1), the server is
 * pinned to those CPUs with {@code taskset} once it has warmed up, so client and server do not take turns on the same
 * cores.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(WireMockBenchmark.CONNECTIONS)
public class WireMockBenchmark {
    static final int CONNECTIONS = 4;
    static final String SERVER_CPUS_PROPERTY = "llmock.bench.serverCpus";
    /** Extra JVM options of the server, separated by spaces (e.g. a flight recording for a profile). */
    static final String SERVER_JVM_ARGS_PROPERTY = "llmock.bench.serverJvmArgs";

    /** The server process, shared by the client threads of a fork. */
    @State(Scope.Benchmark)
    public static class Server {
        private Process process;
        int port;

        @Setup(Level.Trial)
        public void start() throws IOException, InterruptedException {
            List<String> options = new ArrayList<>(List.of("-Xms1g", "-Xmx1g"));
            for (String option : System.getProperty(SERVER_JVM_ARGS_PROPERTY, "").split(" ")) {
                if (!option.isBlank()) {
                    options.add(option);
                }
            }
            List<String> command = JavaCommand.main(options, WireMockServerMain.class);
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            while (port == 0) {
                String line = out.readLine();
                if (line == null) {
                    throw new IllegalStateException("The WireMock server process ended before it was ready: "
                            + command);
                }
                if (line.startsWith("port=")) {
                    port = Integer.parseInt(line.substring(5));
                }
            }
            Thread drain = new Thread(() -> out.lines().forEach(line -> { }), "wiremock-stdout");
            drain.setDaemon(true);
            drain.start();
            pin();
        }

        /**
         * Pins every thread of the warmed-up server to {@value #SERVER_CPUS_PROPERTY}, if set. Only now: while it
         * warms up, its JIT compiler threads get both cores instead of taking turns with the request threads on one.
         */
        private void pin() throws IOException, InterruptedException {
            String cpus = System.getProperty(SERVER_CPUS_PROPERTY, "");
            if (cpus.isBlank()) {
                return;
            }
            Process taskset = new ProcessBuilder("taskset", "-a", "-p", "-c", cpus, Long.toString(process.pid()))
                    .redirectErrorStream(true).start();
            String said = new String(taskset.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (taskset.waitFor() != 0) {
                throw new IllegalStateException("taskset could not pin the server to CPUs " + cpus + ": " + said);
            }
        }

        /** The server's process id. */
        long pid() {
            return process.pid();
        }

        @TearDown(Level.Trial)
        public void stop() throws InterruptedException {
            try {
                process.getOutputStream().close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** One keep-alive connection per client thread. */
    @State(Scope.Thread)
    public static class Connection {
        private static final byte[] TRANSFORMER = RawHttpClient.request(WireMockServerMain.TRANSFORMER_PATH);
        private static final byte[] CATCH_ALL = RawHttpClient.request(WireMockServerMain.CATCH_ALL_PATH);
        private static final byte[] PLAIN = RawHttpClient.request(WireMockServerMain.PLAIN_PATH);
        private static final byte[] PLAIN_SAME_URL = RawHttpClient.request(WireMockServerMain.PLAIN_SAME_URL_PATH);

        private RawHttpClient client;

        @Setup(Level.Trial)
        public void open(Server server) {
            client = new RawHttpClient(server.port);
        }

        @TearDown(Level.Trial)
        public void close() {
            client.close();
        }
    }

    @Benchmark
    public byte[] llmockTransformer(Connection connection) {
        return connection.client.send(Connection.TRANSFORMER);
    }

    @Benchmark
    public byte[] llmockCatchAll(Connection connection) {
        return connection.client.send(Connection.CATCH_ALL);
    }

    @Benchmark
    public byte[] plainStub(Connection connection) {
        return connection.client.send(Connection.PLAIN);
    }

    /** The plain stub asked with the catch-all's long query: the part of the catch-all's cost that is WireMock's. */
    @Benchmark
    public byte[] plainStubSameUrl(Connection connection) {
        return connection.client.send(Connection.PLAIN_SAME_URL);
    }
}
