package dev.llmock.wiremock.internal.openapi;

import com.github.tomakehurst.wiremock.extension.MappingsLoaderExtension;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;

/**
 * The WireMock extension serving {@link OpenApiMocks}: it adds the operations' stubs with WireMock's default
 * mappings (so they come back after every reset) and answers them.
 */
public final class OpenApiExtension implements ResponseDefinitionTransformerV2, MappingsLoaderExtension {
    /** The extension's name: {@value}. */
    public static final String NAME = "llmock-openapi";

    private final OpenApiMocks mocks;

    public OpenApiExtension(OpenApiMocks mocks) {
        this.mocks = mocks;
    }

    @Override
    public String getName() {
        return NAME;
    }

    /** Synchronized: concurrent tests reset WireMock's mappings concurrently, and each stub must be added once. */
    @Override
    public synchronized void loadMappingsInto(StubMappings stubMappings) {
        for (StubMapping stub : mocks.stubs()) {
            if (stubMappings.get(stub.getId()).isEmpty()) {
                stubMappings.addMapping(stub);
            }
        }
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        return mocks.respond(serveEvent);
    }

    /** Only the operations' stubs use it. */
    @Override
    public boolean applyGlobally() {
        return false;
    }
}
