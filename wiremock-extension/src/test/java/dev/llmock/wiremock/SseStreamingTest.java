package dev.llmock.wiremock;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.llmock.wiremock.Http.encode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.llmock.LlmockConfig;
import dev.llmock.cassette.RecordMode;
import dev.llmock.internal.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SseStreamingTest {
    private static final String USER = "{\"id\":0,\"name\":\"string\",\"email\":\"email\"}";
    private static final OkHttpClient OK_HTTP = new OkHttpClient.Builder().readTimeout(30, TimeUnit.SECONDS).build();

    @TempDir
    Path dir;

    private WireMockServer server;
    private LlmockWireMock llmock;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
        if (llmock != null) {
            llmock.close();
            llmock = null;
        }
    }

    private void start(LlmockConfig config, RecordMode mode) {
        stop();
        llmock = LlmockWireMock.newBuilder().config(config).cassettes(dir).mode(mode).cassette("Sse").build();
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
                .extensions(llmock.extensions()));
        server.start();
    }

    private String mock(String path) {
        return "http://127.0.0.1:" + server.port() + LlmockMockApi.PATH_PREFIX + path;
    }

    /** What an SSE client (OkHttp's) received: the events' data, and the response. */
    private record Received(List<String> data, Response response, Throwable failure) {
        List<JsonNode> json() {
            List<JsonNode> events = new ArrayList<>();
            for (String each : data) {
                try {
                    events.add(Json.MAPPER.readTree(each));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return events;
        }
    }

    private static Received listen(String url, String... headers) throws InterruptedException {
        Request.Builder request = new Request.Builder().url(url);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        List<String> data = new CopyOnWriteArrayList<>();
        CountDownLatch ended = new CountDownLatch(1);
        Response[] opened = new Response[1];
        Throwable[] failed = new Throwable[1];
        EventSources.createFactory(OK_HTTP).newEventSource(request.build(), new EventSourceListener() {
            @Override
            public void onOpen(EventSource source, Response response) {
                opened[0] = response;
            }

            @Override
            public void onEvent(EventSource source, String id, String type, String event) {
                data.add(event);
            }

            @Override
            public void onClosed(EventSource source) {
                ended.countDown();
            }

            @Override
            public void onFailure(EventSource source, Throwable t, Response response) {
                opened[0] = response;
                failed[0] = t;
                ended.countDown();
            }
        });
        assertThat(ended.await(30, TimeUnit.SECONDS)).as("the stream ended").isTrue();
        return new Received(data, opened[0], failed[0]);
    }

    @Test
    void tokenChunksAddUpToTheJsonAndTheDoneEventCarriesIt() throws Exception {
        start(LlmockConfig.none(), RecordMode.RECORD);

        Received stream = listen(mock("/stream/users/7?shape=" + encode(USER)));
        JsonNode plain = Http.get(mock("/users/7?shape=" + encode(USER))).json();

        List<JsonNode> events = stream.json();
        JsonNode done = events.get(events.size() - 1);
        StringBuilder chunks = new StringBuilder();
        events.subList(0, events.size() - 1).forEach(event -> {
            chunks.append(event.get("chunk").asText());
            assertThat(event.get("accumulated").asText()).isEqualTo(chunks.toString());
            assertThat(event.get("done").asBoolean()).isFalse();
        });
        assertThat(stream.failure()).isNull();
        assertThat(stream.response().header("Content-Type")).startsWith("text/event-stream");
        assertThat(events.size()).isGreaterThan(10);
        assertThat(events.get(0).get("chunk").asText()).isEqualTo("{");
        assertThat(done.get("done").asBoolean()).isTrue();
        assertThat(Json.MAPPER.readTree(done.get("content").asText())).isEqualTo(plain);
        assertThat(chunks.toString()).isEqualTo(done.get("content").asText());
        assertThat(plain.get("id").asInt()).isEqualTo(7);
    }

    @Test
    void completeObjectsSendsOneEventPerObjectTheLastOneDone() throws Exception {
        start(LlmockConfig.none(), RecordMode.LIVE);
        String shape = encode("[" + USER + "]");

        List<JsonNode> events = listen(mock("/stream/users?sseMode=CompleteObjects&shape=" + shape)).json();
        JsonNode list = Http.get(mock("/users?shape=" + shape)).json();

        assertThat(events).hasSize(list.size());
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).get("data")).isEqualTo(list.get(i));
            assertThat(events.get(i).get("index").asInt()).isEqualTo(i);
            assertThat(events.get(i).get("total").asInt()).isEqualTo(list.size());
            assertThat(events.get(i).get("done").asBoolean()).isEqualTo(i == list.size() - 1);
        }
    }

    @Test
    void arrayItemsNamesTheArrayAndSaysWhetherMoreFollow() throws Exception {
        start(LlmockConfig.none(), RecordMode.LIVE);
        String shape = encode("{\"page\":0,\"results\":[{\"title\":\"string\"}]}");

        List<JsonNode> events = listen(mock("/search?sseMode=arrayitems&shape=" + shape),
                "Accept", "text/event-stream").json();
        JsonNode page = Http.get(mock("/search?shape=" + shape)).json();

        JsonNode results = page.get("results");
        assertThat(events).hasSize(results.size());
        JsonNode last = events.get(events.size() - 1);
        assertThat(events.get(0).get("item")).isEqualTo(results.get(0));
        assertThat(events.get(0).get("arrayName").asText()).isEqualTo("results");
        assertThat(events.get(0).get("hasMore").asBoolean()).isEqualTo(results.size() > 1);
        assertThat(last.get("hasMore").asBoolean()).isFalse();
        assertThat(last.get("done").asBoolean()).isTrue();
        assertThat(last.get("total").asInt()).isEqualTo(results.size());
    }

    @Test
    void eachEventIsWrittenAsItsOwnFlushedChunk() throws Exception {
        start(LlmockConfig.none(), RecordMode.LIVE);

        List<String> chunks = rawChunks("/api/mock/stream/users/7?shape=" + encode(USER));

        assertThat(chunks.size()).isGreaterThan(10);
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(chunk).startsWith("data: {").endsWith("\n\n");
            assertThat(chunk.split("\n\n", -1)).hasSize(2);
        });
        assertThat(chunks.get(chunks.size() - 1)).contains("\"done\":true");
    }

    @Test
    void failuresStreamAsOneErrorEventWithTheirStatus() throws Exception {
        start(LlmockConfig.none(), RecordMode.LIVE);

        Http.Reply simulated = Http.get(mock("/stream/users?error=503&errorMessage=" + encode("Down")));
        Http.Reply badMode = Http.get(mock("/stream/users?sseMode=Sometimes"));

        assertThat(simulated.status()).isEqualTo(503);
        assertThat(simulated.header("Content-Type")).isEqualTo("text/event-stream");
        assertThat(simulated.text()).startsWith("data: {\"error\":{\"code\":503,\"type\":\"simulated\",\"message\":\"Down\"}}\n");
        assertThat(badMode.status()).isEqualTo(400);
        assertThat(badMode.text()).contains("The SSE mode \\\"Sometimes\\\" (from ?sseMode=) is unknown; use one of"
                + " LlmTokens, CompleteObjects, ArrayItems.");
    }

    @Test
    void aRecordedStreamReplaysByteForByteWithTheBackendUnreachable() throws Exception {
        start(LlmockConfig.parse("{\"backends\":[{\"name\":\"main\",\"provider\":\"synthetic\"}]}", "llmock.json"),
                RecordMode.RECORD);
        String tokens = Http.get(mock("/stream/users/7?shape=" + encode(USER))).text();
        String objects = Http.get(mock("/stream/users?sseMode=CompleteObjects&shape=" + encode("[" + USER + "]")))
                .text();
        stop();

        int port = Http.closedPort();
        start(LlmockConfig.parse("{\"backends\":[{\"name\":\"main\",\"provider\":\"openai\",\"baseUrl\":"
                + "\"http://127.0.0.1:" + port + "/v1\",\"model\":\"m\",\"apiKey\":\"k\"}]}", "llmock.json"),
                RecordMode.REPLAY);
        Http.Reply replayedTokens = Http.get(mock("/stream/users/7?shape=" + encode(USER)));
        Http.Reply replayedObjects = Http.get(mock("/stream/users?sseMode=CompleteObjects&shape="
                + encode("[" + USER + "]")));

        assertThat(replayedTokens.text()).isEqualTo(tokens);
        assertThat(replayedTokens.header("X-Llmock-Source")).isEqualTo("replayed");
        assertThat(replayedObjects.text()).isEqualTo(objects);
    }

    /** The chunks of a chunked HTTP/1.1 response body, read off the socket as sent. */
    private List<String> rawChunks(String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            boolean chunked = false;
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                chunked |= line.equalsIgnoreCase("Transfer-Encoding: chunked");
            }
            assertThat(chunked).as("Transfer-Encoding: chunked").isTrue();
            List<String> chunks = new ArrayList<>();
            for (String size = in.readLine(); size != null; size = in.readLine()) {
                int length = Integer.parseInt(size.trim(), 16);
                if (length == 0) {
                    break;
                }
                char[] chunk = new char[length];
                int read = 0;
                while (read < length) {
                    read += in.read(chunk, read, length - read);
                }
                chunks.add(new String(chunk));
                in.readLine(); // the CRLF after each chunk
            }
            return chunks;
        }
    }
}
