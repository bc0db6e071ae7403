package dev.llmock.wiremock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.extension.MappingsLoaderExtension;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;
import dev.llmock.wiremock.internal.MockApiResponder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The LLMockApi-compatible mock API: any method under {@value #PATH_PREFIX} answers with generated JSON.
 *
 * <pre>
 * curl 'http://localhost:5116/api/mock/users/42?shape={"id":0,"name":"string","email":"email"}'
 * curl -H 'X-Response-Shape: {"orders":[{"id":0,"total":0.0}]}' http://localhost:5116/api/mock/orders
 * curl -X POST -d '{"shape":{"id":0,"name":"string"},"name":"Ada"}' http://localhost:5116/api/mock/users
 * curl 'http://localhost:5116/api/mock/users?error=503&amp;errorMessage=Down+for+maintenance'
 * </pre>
 *
 * <ul>
 * <li>Shape from {@code ?shape=}, else the header {@code X-Response-Shape}, else the JSON body field {@code shape}
 *     (template or JSON Schema; {@code "$cache": N} serves N variants in turn). With none, the structure first
 *     answered for the normalized path ({@code /users/{id}}) is reused; the first answer takes its structure from the
 *     JSON body, or is a generic record (a list of them for a collection path).</li>
 * <li>Backend from the header {@code X-LLM-Backend}, else {@code ?backend=}.</li>
 * <li>Simulated errors: {@code ?error=<code>&errorMessage=...} or the headers {@code X-Error-Code} and
 *     {@code X-Error-Message}.</li>
 * <li>Failures answer in JSON, {@code {"error": {"code", "type", "message", ...}}}: invalid shape 400 with line and
 *     column, unknown backend 400 listing the configured ones, body too large 413, backend failure 502 naming the
 *     backend, replay miss 404 with the request key.</li>
 * </ul>
 * It registers itself as a stub of low priority, so your own stubs under the same path win; the stub survives
 * {@code resetAll()}.
 *
 * @since 0.1.0
 */
public final class LlmockMockApi implements ResponseDefinitionTransformerV2, MappingsLoaderExtension {
    /** The extension's name: {@value}. */
    public static final String NAME = "llmock-mock-api";
    /** Where the mock API lives: {@value}. */
    public static final String PATH_PREFIX = "/api/mock";
    /** The catch-all stub's priority; stubs with a smaller number (the default is 5) win: {@value}. */
    public static final int PRIORITY = 1000;

    /**
     * Where API contexts are listed and cleared: {@value}.
     *
     * @since 0.2.0
     */
    public static final String CONTEXTS_PATH = "/api/contexts";

    private static final UUID STUB_ID = UUID.nameUUIDFromBytes(NAME.getBytes(StandardCharsets.UTF_8));
    /**
     * Where GraphQL queries are answered besides {@value #PATH_PREFIX}{@code /graphql}: {@value}.
     *
     * @since 0.2.0
     */
    public static final String GRAPHQL_PATH = "/graphql";

    private static final UUID GRAPHQL_STUB_ID = UUID.nameUUIDFromBytes(GRAPHQL_PATH.getBytes(StandardCharsets.UTF_8));
    private static final UUID CONTEXTS_STUB_ID = UUID.nameUUIDFromBytes(CONTEXTS_PATH.getBytes(StandardCharsets.UTF_8));

    private final LlmockWireMock llmock;
    private final MockApiResponder responder;

    /** The mock API on {@link LlmockWireMock}'s defaults; for the standalone runner's {@code --extensions}. */
    public LlmockMockApi() {
        this(LlmockWireMock.shared());
    }

    LlmockMockApi(LlmockWireMock llmock) {
        this.llmock = llmock;
        this.responder = new MockApiResponder(PATH_PREFIX, llmock.engineHandle(), llmock.apiFeatures());
    }

    @Override
    public String getName() {
        return NAME;
    }

    /**
     * The catch-all stub: any method, any path under {@value #PATH_PREFIX}, answered by this extension.
     *
     * @return a new stub mapping
     */
    public static StubMapping stub() {
        StubMapping stub = any(urlPathMatching(PATH_PREFIX + "(/.*)?"))
                .atPriority(PRIORITY)
                .willReturn(aResponse().withTransformers(NAME))
                .build();
        stub.setId(STUB_ID);
        stub.setName("llmock mock API (" + PATH_PREFIX + "/**)");
        return stub;
    }

    /** The management API of API contexts under {@value #CONTEXTS_PATH}, answered by this extension. */
    static StubMapping contextsStub() {
        StubMapping stub = any(urlPathMatching(CONTEXTS_PATH + "(/.*)?"))
                .atPriority(PRIORITY)
                .willReturn(aResponse().withTransformers(NAME))
                .build();
        stub.setId(CONTEXTS_STUB_ID);
        stub.setName("llmock API contexts (" + CONTEXTS_PATH + "/**)");
        return stub;
    }

    /** The GraphQL endpoint at {@value #GRAPHQL_PATH}, answered by this extension. */
    static StubMapping graphQlStub() {
        StubMapping stub = any(urlPathEqualTo(GRAPHQL_PATH))
                .atPriority(PRIORITY)
                .willReturn(aResponse().withTransformers(NAME))
                .build();
        stub.setId(GRAPHQL_STUB_ID);
        stub.setName("llmock GraphQL (" + GRAPHQL_PATH + ")");
        return stub;
    }

    /**
     * Synchronized: concurrent tests reset WireMock's mappings concurrently, and the stubs must be added once. The
     * catch-all goes in last: of stubs with the same priority WireMock tries the newest first, and most requests are
     * for the catch-all, so they are not matched against the other two first.
     */
    @Override
    public synchronized void loadMappingsInto(StubMappings stubMappings) {
        if (stubMappings.get(GRAPHQL_STUB_ID).isEmpty()) { // WireMock may load default mappings more than once
            stubMappings.addMapping(graphQlStub());
        }
        if (stubMappings.get(CONTEXTS_STUB_ID).isEmpty()) {
            stubMappings.addMapping(contextsStub());
        }
        if (stubMappings.get(STUB_ID).isEmpty()) {
            stubMappings.addMapping(stub());
        }
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        return responder.respond(serveEvent);
    }

    /** Only stubs that name this transformer use it. */
    @Override
    public boolean applyGlobally() {
        return false;
    }

    /** Saves the cassette when the server stops. */
    @Override
    public void stop() {
        llmock.save();
    }
}
