package dev.llmock.wiremock;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.llmock.wiremock.internal.StubResponder;

/**
 * A WireMock response transformer, named {@value #NAME}, that answers a stub with data generated from a shape.
 *
 * <pre>{@code
 * stubFor(get(urlPathTemplate("/users/{id}")).willReturn(aResponse()
 *         .withTransformers("llmock")
 *         .withTransformerParameter("shape", "{\"id\":0,\"name\":\"string\",\"email\":\"email\"}")));
 * // GET /users/42 answers {"id":42,"name":"...","email":"..."}
 * }</pre>
 *
 * Parameters: {@value #SHAPE} (template or JSON Schema, as text or JSON), {@value #SHAPE_RESOURCE} (a classpath
 * resource or file holding the shape), {@value #BACKEND}, {@value #PROMPT}, {@value #COUNT}, {@value #IGNORE}. The
 * request's method, path, path and query parameters and JSON body are the facts the data agrees with ({@code id} from
 * the path, fields a POST sent) and, with the shape and prompt, the cassette key, so answers replay offline; the parts
 * named by {@value #IGNORE} (and {@code cassettes.ignore}) stay out of the key and are still echoed.
 *
 * <p>Register it with {@code wireMockConfig().extensions(llmock.extensions())} (see {@link LlmockWireMock}), by
 * class name for the standalone runner, or through WireMock's extension scanning; the no-argument constructor uses
 * the default configuration and the cassette {@value LlmockWireMock#DEFAULT_CASSETTE}.
 *
 * @since 0.1.0
 */
public final class LlmockResponseTransformer implements ResponseDefinitionTransformerV2 {
    /** The transformer's name, for {@code withTransformers(...)}: {@value}. */
    public static final String NAME = "llmock";
    /** Parameter holding the shape: {@value}. */
    public static final String SHAPE = "shape";
    /** Parameter naming a classpath resource or file that holds the shape: {@value}. */
    public static final String SHAPE_RESOURCE = "shapeResource";
    /** Parameter naming the backend: {@value}. */
    public static final String BACKEND = "backend";
    /** Parameter with extra instructions for LLM backends: {@value}. */
    public static final String PROMPT = "prompt";
    /** Parameter with the number of records (more than 1 gives a JSON array): {@value}. */
    public static final String COUNT = "count";
    /**
     * Parameter naming parts of the request left out of the cassette key, besides {@code cassettes.ignore} in
     * {@code llmock.json}: {@code body.<field path>}, {@code query.<name>}, {@code header.<name>}, as a string
     * (several separated by commas) or a list: {@value}.
     *
     * @since 0.2.0
     */
    public static final String IGNORE = "ignore";

    private final LlmockWireMock llmock;
    private final StubResponder responder;

    /** The transformer on {@link LlmockWireMock}'s defaults; for WireMock's extension loading. */
    public LlmockResponseTransformer() {
        this(LlmockWireMock.shared());
    }

    LlmockResponseTransformer(LlmockWireMock llmock) {
        this.llmock = llmock;
        this.responder = new StubResponder(llmock.engineHandle());
    }

    @Override
    public String getName() {
        return NAME;
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
