package dev.llmock.wiremock.internal;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.llmock.internal.Json;
import java.util.ArrayList;
import java.util.List;

/** Turns an {@link Answer} into WireMock's response definition. */
final class Responses {
    /** Response header saying how the body was obtained: generated, replayed, cached, simulated or error. */
    static final String SOURCE_HEADER = "X-Llmock-Source";

    private Responses() {
    }

    /**
     * The stub's own response with the answer's body; a failure also takes the answer's status.
     *
     * @param base the stub's response definition, whose status and headers a successful answer keeps
     */
    static ResponseDefinition of(Answer answer, ResponseDefinition base) {
        return of(answer, base, "application/json");
    }

    /** As {@link #of(Answer, ResponseDefinition)}, with the body's media type. */
    static ResponseDefinition of(Answer answer, ResponseDefinition base, String contentType) {
        List<HttpHeader> headers = new ArrayList<>();
        if (base.getHeaders() != null) {
            for (HttpHeader header : base.getHeaders().all()) {
                if (!header.keyEquals("Content-Type") && !header.keyEquals(SOURCE_HEADER)) {
                    headers.add(header);
                }
            }
        }
        headers.add(new HttpHeader("Content-Type", contentType));
        headers.add(new HttpHeader(SOURCE_HEADER, answer.source().id()));
        boolean failed = answer.source().failure();
        return ResponseDefinitionBuilder.like(base)
                .withStatus(failed ? answer.status() : base.getStatus())
                .withHeaders(new HttpHeaders(headers))
                .withBody(Json.compact(answer.body()))
                .build();
    }
}
