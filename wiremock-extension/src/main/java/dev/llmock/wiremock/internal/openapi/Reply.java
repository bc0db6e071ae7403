package dev.llmock.wiremock.internal.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.llmock.internal.Json;
import dev.llmock.wiremock.internal.Answer;
import java.util.ArrayList;
import java.util.List;

/**
 * What an operation sends back: status, media type (null for no body), body text, how the body was made (for the
 * {@code X-Llmock-Source} header) and any other headers.
 */
record Reply(int status, String mediaType, String body, String source, List<HttpHeader> headers) {
    static final String SOURCE_HEADER = "X-Llmock-Source";

    Reply {
        headers = List.copyOf(headers);
    }

    static Reply json(int status, String mediaType, JsonNode body, String source) {
        return new Reply(status, mediaType, Json.compact(body), source, List.of());
    }

    static Reply empty(int status) {
        return new Reply(status, null, null, null, List.of());
    }

    static Reply problem(int status, JsonNode problem) {
        return json(status, Problem.MEDIA_TYPE, problem, Answer.Source.ERROR.id());
    }

    Reply withHeader(String name, String value) {
        List<HttpHeader> more = new ArrayList<>(headers);
        more.add(new HttpHeader(name, value));
        return new Reply(status, mediaType, body, source, more);
    }

    ResponseDefinition toResponse() {
        List<HttpHeader> all = new ArrayList<>(headers);
        if (mediaType != null) {
            all.add(new HttpHeader("Content-Type", mediaType));
        }
        if (source != null) {
            all.add(new HttpHeader(SOURCE_HEADER, source));
        }
        ResponseDefinitionBuilder response = new ResponseDefinitionBuilder().withStatus(status)
                .withHeaders(new HttpHeaders(all));
        if (body != null) {
            response.withBody(body);
        }
        return response.build();
    }
}
