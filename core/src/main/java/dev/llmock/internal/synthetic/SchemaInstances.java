package dev.llmock.internal.synthetic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.Shape;
import dev.llmock.ShapeException;
import dev.llmock.Violation;
import dev.llmock.internal.engine.Seeds;
import dev.llmock.internal.shape.SchemaDocument;
import dev.llmock.internal.shape.ShapeAccess;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import net.datafaker.Faker;

/**
 * Instances of a JSON Schema shape, deterministic by seed: each is checked against the whole schema before it is
 * returned; when a few seeds give nothing that fits, llmock refuses, naming the keyword and its JSON Pointer.
 */
final class SchemaInstances {
    private static final int ATTEMPTS = 6;
    /** Per thread, one for each locale that thread has used. */
    private static final ThreadLocal<Map<SyntheticLocale, SchemaInstances>> PER_THREAD =
            ThreadLocal.withInitial(HashMap::new);

    private final Random random = new Random(0);
    private final SyntheticLocale locale;
    private final Faker faker;

    private SchemaInstances(SyntheticLocale locale) {
        this.locale = locale;
        this.faker = new Faker(locale.dataLocale(), random);
    }

    /**
     * Record {@code index} of {@code shape}, keeping the values of {@code previous} (an earlier stage's record) that
     * still fit.
     *
     * @throws ShapeException when llmock cannot make data that fits the schema
     */
    static JsonNode record(Shape shape, SchemaDocument document, long seed, int index, JsonNode previous,
                           SyntheticLocale locale) {
        return PER_THREAD.get().computeIfAbsent(locale, SchemaInstances::new)
                .generate(shape, document, seed, index, previous);
    }

    private JsonNode generate(Shape shape, SchemaDocument document, long seed, int index, JsonNode previous) {
        Unsatisfied unsatisfied = null;
        List<Violation> violations = List.of();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            random.setSeed(attempt == 0 ? seed : Seeds.mix(seed + attempt));
            RecordContext record = new RecordContext(faker, index, locale);
            try {
                JsonNode value = new SchemaGenerator(document, faker, random, record).root();
                if (previous != null) {
                    JsonNode kept = Keep.validValues(ShapeAccess.node(shape), value, previous);
                    value = shape.validate(kept).isEmpty() ? kept : value;
                }
                violations = shape.validate(value);
                if (violations.isEmpty()) {
                    return value;
                }
            } catch (Unsatisfied e) {
                unsatisfied = e;
            }
        }
        throw new ShapeException(unsatisfied != null ? Messages.cannotGenerate(unsatisfied)
                : Messages.cannotGenerate(violations));
    }
}
