package dev.llmock.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server CPU time per request of {@link WireMockBenchmark}'s stubs: the server JVM's CPU time (the sum over its
 * threads of {@code /proc/<pid>/task/<tid>/schedstat}) around a round of requests, divided by their number. Unlike
 * requests per second, this does not depend on how much of the machine other processes take, so the ratios between
 * stubs hold on a shared machine. Linux only.
 *
 * <pre>
 * taskset -c 1 java -Dllmock.bench.serverCpus=0 -cp benchmarks/target/benchmarks.jar \
 *     dev.llmock.bench.WireMockServerCpu [rounds, 12] [requests per connection and round, 3000]
 * </pre>
 *
 * Rounds send each kind of request in turn ({@value WireMockBenchmark#CONNECTIONS} connections at once); the first
 * third of the rounds is warm-up, the median of the others is printed per kind with its ratio to the plain stub.
 */
public final class WireMockServerCpu {
    private WireMockServerCpu() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        int perConnection = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        Map<String, byte[]> kinds = new LinkedHashMap<>();
        kinds.put("plainStub", RawHttpClient.request(WireMockServerMain.PLAIN_PATH));
        kinds.put("llmockTransformer", RawHttpClient.request(WireMockServerMain.TRANSFORMER_PATH));
        kinds.put("llmockCatchAll", RawHttpClient.request(WireMockServerMain.CATCH_ALL_PATH));
        kinds.put("plainStubSameUrl", RawHttpClient.request(WireMockServerMain.PLAIN_SAME_URL_PATH));
        kinds.put("llmockCatchAllShapeInHeader", ("GET " + WireMockServerMain.CATCH_ALL_PATH.substring(0,
                WireMockServerMain.CATCH_ALL_PATH.indexOf('?')) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Accept: application/json\r\nX-Response-Shape: " + WireMockServerMain.SHAPE + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        WireMockBenchmark.Server server = new WireMockBenchmark.Server();
        server.start();
        List<RawHttpClient> connections = new ArrayList<>();
        Map<String, List<Double>> micros = new LinkedHashMap<>();
        try {
            for (int c = 0; c < WireMockBenchmark.CONNECTIONS; c++) {
                connections.add(new RawHttpClient(server.port));
            }
            for (int round = 0; round < rounds; round++) {
                for (Map.Entry<String, byte[]> kind : kinds.entrySet()) {
                    long before = cpuNanos(server.pid());
                    send(connections, kind.getValue(), perConnection);
                    double perRequest = (cpuNanos(server.pid()) - before) / 1000.0
                            / (perConnection * connections.size());
                    if (round >= rounds / 3) {
                        micros.computeIfAbsent(kind.getKey(), k -> new ArrayList<>()).add(perRequest);
                    }
                }
            }
        } finally {
            connections.forEach(RawHttpClient::close);
            server.stop();
        }
        double plain = median(micros.get("plainStub"));
        micros.forEach((kind, values) -> System.out.printf("%-28s %6.1f us/request (median of %d), plain stub / this"
                + " = %.2fx%n", kind, median(values), values.size(), plain / median(values)));
    }

    private static void send(List<RawHttpClient> connections, byte[] request, int count) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (RawHttpClient connection : connections) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < count; i++) {
                    connection.send(request);
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    /** The CPU time of the live threads of process {@code pid}; threads that ended are not counted. */
    private static long cpuNanos(long pid) {
        long sum = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                try {
                    sum += Long.parseLong(Files.readString(task.resolve("schedstat")).split(" ")[0]);
                } catch (IOException e) {
                    // the thread ended between the listing and the read
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sum;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
