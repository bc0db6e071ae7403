package dev.llmock.cli.internal;

import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.HttpServer;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;

/** Builds WireMock's Jetty server with {@code llmock serve}'s guards: {@code wireMockConfig().httpServerFactory(...)}. */
public final class GuardedServerFactory implements HttpServerFactory {
    private final ServeSafety safety;

    public GuardedServerFactory(ServeSafety safety) {
        this.safety = safety;
    }

    @Override
    public String getName() {
        return "llmock-guarded-jetty";
    }

    @Override
    public HttpServer buildHttpServer(Options options, AdminRequestHandler adminRequestHandler,
                                      StubRequestHandler stubRequestHandler) {
        return new GuardedJettyServer(options, adminRequestHandler, stubRequestHandler, safety);
    }
}
