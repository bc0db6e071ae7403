package dev.llmock.synthetic;

import dev.llmock.FixtureRequest;
import dev.llmock.Llmock;

/** Run in a second JVM by {@link SyntheticBackendTest}: prints the fixture for the shared request. */
public final class DeterminismMain {
    static final String SHAPE = "{\"id\":0,\"firstName\":\"string\",\"lastName\":\"string\",\"email\":\"email\","
            + "\"address\":{\"street\":\"string\",\"city\":\"string\",\"state\":\"string\",\"zip\":\"string\"},"
            + "\"price\":0.0,\"createdAt\":\"ISO-8601\",\"status\":\"active|inactive\",\"tags\":[\"string\"],"
            + "\"uuid\":\"uuid\",\"active\":true}";

    private DeterminismMain() {
    }

    static FixtureRequest request() {
        return FixtureRequest.newBuilder().shape(SHAPE).count(5).variant(2).build();
    }

    public static void main(String[] args) {
        try (Llmock llmock = Llmock.newBuilder().seed(42).build()) {
            System.out.println(llmock.generate(request()).json());
        }
    }
}
