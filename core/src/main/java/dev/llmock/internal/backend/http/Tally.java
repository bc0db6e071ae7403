package dev.llmock.internal.backend.http;

import dev.llmock.spi.Backend;
import dev.llmock.spi.CallCost;

/** Attempts, retries and tokens of one call as it goes, until they become its {@link CallCost}. */
final class Tally {
    private int attempts;
    private int retries;
    private Long promptTokens;
    private Long completionTokens;
    private String model;

    int attempts() {
        return attempts;
    }

    void attempted() {
        attempts++;
    }

    void retried(int count) {
        retries += count;
    }

    void answered(Provider.Reply reply) {
        promptTokens = sum(promptTokens, reply.promptTokens());
        completionTokens = sum(completionTokens, reply.completionTokens());
        if (reply.model() != null) {
            model = reply.model();
        }
    }

    CallCost cost(Backend backend, boolean truncated) {
        return new CallCost(backend.name(), backend.provider(), model != null ? model : backend.model(), attempts,
                retries, promptTokens, completionTokens, truncated);
    }

    private static Long sum(Long a, Long b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + b;
    }
}
