package dev.llmock.llamacpp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.spi.Backend;
import dev.llmock.spi.BackendLimits;
import dev.llmock.spi.BackendRequest;
import dev.llmock.spi.BackendResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A backend that passes every call on to another and keeps what it was asked and what it answered. */
final class RecordingBackend implements Backend {
    private final Backend real;
    private final List<BackendRequest> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<JsonNode> answers = Collections.synchronizedList(new ArrayList<>());

    RecordingBackend(Backend real) {
        this.real = real;
    }

    List<BackendRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    List<JsonNode> answers() {
        synchronized (answers) {
            return List.copyOf(answers);
        }
    }

    @Override
    public String name() {
        return real.name();
    }

    @Override
    public String provider() {
        return real.provider();
    }

    @Override
    public String model() {
        return real.model();
    }

    @Override
    public BackendLimits limits() {
        return real.limits();
    }

    @Override
    public BackendResponse call(BackendRequest request) {
        requests.add(request);
        BackendResponse response = real.call(request);
        answers.add(response.json());
        return response;
    }

    @Override
    public void close() {
        real.close();
    }
}
