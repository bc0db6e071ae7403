package dev.llmock.wiremock.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequestPathTest {

    @Test
    void identifierSegmentsBecomeNamedParametersAndTheLastIsId() {
        RequestPath path = RequestPath.parse("/users/42/orders/ORD-12345?x=1");

        assertThat(path.normalized()).isEqualTo("/users/{userId}/orders/{id}");
        assertThat(path.parameters()).containsExactly(Map.entry("userId", "42"), Map.entry("id", "ORD-12345"));
        assertThat(path.collection()).isFalse();
    }

    @Test
    void namesVersionsAndEmptySegmentsAreKept() {
        RequestPath path = RequestPath.parse("//v2/categories/");

        assertThat(path.normalized()).isEqualTo("/v2/categories");
        assertThat(path.parameters()).isEmpty();
        assertThat(path.collection()).isTrue();
        assertThat(RequestPath.parse("/items/3fa85f64-5717-4562-b3fc-2c963f66afa6").normalized())
                .isEqualTo("/items/{id}");
        assertThat(RequestPath.parse("/companies/9/people/3").parameters()).containsKey("companyId");
    }

    @Test
    void factsSortTheQueryAndLeaveOutControlParameters() {
        var facts = HttpFacts.of("get", "/users/{id}", Map.of("id", "42"), "z=2&a=1&a=0&shape=%7B%7D&q=a%20b",
                Set.of("shape"), null);

        assertThat(facts.toString()).isEqualTo("{\"method\":\"GET\",\"path\":\"/users/{id}\","
                + "\"pathParameters\":{\"id\":\"42\"},\"query\":{\"a\":[\"1\",\"0\"],\"q\":[\"a b\"],\"z\":[\"2\"]}}");
    }

    @Test
    void aCleanPathIsThePathAloneWithoutEmptySegmentsAndDecoded() {
        assertThat(RequestPath.clean("/api/mock/users/42?shape=%7B%22id%22%3A0%7D#top")).isEqualTo("/api/mock/users/42");
        assertThat(RequestPath.clean("/api/mock/a+b")).isEqualTo("/api/mock/a+b");
        assertThat(RequestPath.clean("/api//mock/users/")).isEqualTo("/api/mock/users");
        assertThat(RequestPath.clean("/api/mock/caf%C3%A9%2Fs?x=1")).isEqualTo("/api/mock/caf\u00e9/s");
        assertThat(RequestPath.clean("/?x=1")).isEqualTo("/");
        assertThat(RequestPath.clean("")).isEqualTo("/");
        assertThat(RequestPath.clean(null)).isEqualTo("/");
    }
}
