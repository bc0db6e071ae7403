package dev.llmock.internal.synthetic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.llmock.BackendConfig;
import dev.llmock.LlmockConfig;
import dev.llmock.Shape;
import dev.llmock.internal.Json;
import dev.llmock.internal.engine.FreshOutput;
import dev.llmock.internal.engine.Seeds;
import dev.llmock.internal.shape.SchemaDocument;
import dev.llmock.internal.shape.ShapeAccess;
import dev.llmock.spi.Backend;
import dev.llmock.spi.BackendContext;
import dev.llmock.spi.BackendFactory;
import dev.llmock.spi.BackendLimits;
import dev.llmock.spi.BackendRequest;
import dev.llmock.spi.BackendResponse;
import java.util.Set;

/**
 * The embedded backend: realistic values from field names and types, no network, deterministic by seed.
 * Record {@code i} of a request depends only on the request's seed, {@code i} and the backend's locale.
 */
public final class SyntheticBackend implements FreshOutput {
    public static final String MODEL = "datafaker";
    /** Records per call: large, since a call costs no tokens; only the granularity of progress depends on it. */
    static final int RECORDS_PER_CALL = 250;
    private static final BackendLimits LIMITS = new BackendLimits(null,
            Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())), RECORDS_PER_CALL);
    private final String name;
    private final SyntheticLocale locale;

    /** The backend {@code name}, making data for the US. */
    public SyntheticBackend(String name) {
        this(name, SyntheticLocale.US);
    }

    private SyntheticBackend(String name, SyntheticLocale locale) {
        this.name = name;
        this.locale = locale;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String provider() {
        return LlmockConfig.SYNTHETIC;
    }

    @Override
    public String model() {
        return MODEL;
    }

    @Override
    public BackendLimits limits() {
        return LIMITS;
    }

    @Override
    public BackendResponse call(BackendRequest request) {
        // A repair asks again with a fresh seed: the same seed would give the same record.
        long seed = request.repair().isEmpty() ? request.seed() : Seeds.mix(request.seed() ^ request.repair().size());
        if (request.count() == 1) {
            JsonNode record = record(request.shape(), Seeds.forRecord(seed, request.firstIndex()), request.firstIndex(),
                    previous(request, 0), locale);
            return BackendResponse.of(this, record);
        }
        ArrayNode records = Json.MAPPER.createArrayNode();
        for (int i = 0; i < request.count(); i++) {
            int index = request.firstIndex() + i;
            records.add(record(request.shape(), Seeds.forRecord(seed, index), index, previous(request, i), locale));
        }
        return BackendResponse.of(this, records);
    }

    /** A JSON Schema shape is generated from its schema; templates and Java types from llmock's own model. */
    private static JsonNode record(Shape shape, long seed, int index, JsonNode previous, SyntheticLocale locale) {
        SchemaDocument schema = ShapeAccess.schema(shape);
        return schema != null ? SchemaInstances.record(shape, schema, seed, index, previous, locale)
                : SyntheticGenerator.record(ShapeAccess.node(shape), seed, index, previous, locale);
    }

    private static JsonNode previous(BackendRequest request, int offset) {
        JsonNode previous = request.previous();
        if (previous == null || !request.repair().isEmpty()) {
            return null;
        }
        if (request.count() == 1) {
            return previous;
        }
        return previous.isArray() && offset < previous.size() ? previous.get(offset) : null;
    }

    /**
     * Registered through {@code META-INF/services}. Its one option, {@code "locale"} (a language tag such as
     * {@code de-DE}), chooses the country the data is made for; the US by default.
     */
    public static final class Factory implements BackendFactory {
        @Override
        public String provider() {
            return LlmockConfig.SYNTHETIC;
        }

        @Override
        public Set<String> optionKeys() {
            return Set.of(SyntheticLocale.OPTION);
        }

        @Override
        public Backend create(BackendConfig config, BackendContext context) {
            SyntheticLocale locale = config.textOption(SyntheticLocale.OPTION)
                    .map(text -> SyntheticLocale.of(text, config.name())).orElse(SyntheticLocale.US);
            return new SyntheticBackend(config.name(), locale);
        }
    }
}
