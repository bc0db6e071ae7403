package dev.llmock.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;

/** {@code llmock serve} run in this JVM on a free port, with its output kept, for the serve tests. */
final class ServeRunner {
    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    /** A running {@code llmock serve} and the future of its exit code. */
    record Running(ServeCommand command, CompletableFuture<Integer> exit, int port) {
        String url(String path) {
            return "http://127.0.0.1:" + port + path;
        }

        int stop() throws Exception {
            command.stop();
            return exit.get(30, TimeUnit.SECONDS);
        }
    }

    Running serve(String... args) throws Exception {
        CommandLine commandLine = LlmockCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> commandLine.execute(args));
        ServeCommand command = commandLine.getSubcommands().get("serve").getCommand();
        try {
            return new Running(command, exit, command.awaitPort(Duration.ofSeconds(30)));
        } catch (IllegalStateException e) {
            throw new AssertionError("serve did not start: exit " + exit.getNow(null) + ", " + err, e);
        }
    }

    /** Runs a command that is expected to end by itself (bad input). */
    int run(String... args) {
        CommandLine commandLine = LlmockCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    static HttpResponse<String> get(String url) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)));
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Waits until the request log has a line containing {@code text}: lines are written once a response is done. */
    String awaitLogLine(String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            for (String line : out.toString().split("\\R")) {
                if (line.contains(text)) {
                    return line;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no log line with \"" + text + "\" in:\n" + out);
    }
}
