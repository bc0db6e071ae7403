package dev.llmock.shape;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
import dev.llmock.Llmock;
import dev.llmock.Shape;
import dev.llmock.Stage;
import dev.llmock.Violation;
import dev.llmock.internal.shape.ShapeAccess;
import dev.llmock.internal.synthetic.SyntheticBackend;
import dev.llmock.spi.BackendRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Property-style checks over a few hundred seeded random shapes; a failure names the seed to reproduce it. */
class ShapePropertiesTest {
    private static final int SHAPES = 400;

    @Test
    void everyShapeRoundTripsThroughJsonSchema() {
        for (long seed = 0; seed < SHAPES; seed++) {
            Shape shape = ShapeAccess.wrap(new RandomShapes(seed).root());

            // Read back, the schema is the same shape: the same model, the same canonical text (so the same key).
            for (Shape back : List.of(Shape.fromJsonSchema(shape.toJsonSchema()), Shape.parse(shape.toString()))) {
                assertThat(ShapeAccess.node(back)).as("seed %d: %s", seed, shape).isEqualTo(ShapeAccess.node(shape));
                assertThat(back.canonical()).as("seed %d: %s", seed, shape).isEqualTo(shape.canonical());
            }
        }
    }

    @Test
    void everythingTheSyntheticBackendProducesValidates() {
        SyntheticBackend backend = new SyntheticBackend("synthetic");
        for (long seed = 0; seed < SHAPES; seed++) {
            Shape shape = ShapeAccess.wrap(new RandomShapes(seed).root());
            for (int count : new int[] {1, 7}) {
                JsonNode output = backend.call(new BackendRequest(Stage.Role.GENERATE, shape, count, 0, null, List.of(),
                        null, List.of(), null, seed * 31 + count, null)).json();

                if (count == 1) {
                    assertThat(shape.validate(output)).as("seed %d, shape %s, output %s", seed, shape, output).isEmpty();
                } else {
                    assertThat(output.size()).isEqualTo(count);
                    for (JsonNode record : output) {
                        List<Violation> violations = shape.validate(record);
                        assertThat(violations).as("seed %d, shape %s, output %s", seed, shape, record).isEmpty();
                    }
                }
            }
        }
    }

    @Test
    void theEngineReturnsValidDataWithoutRepairForRandomShapes() {
        try (Llmock llmock = Llmock.newBuilder().seed(7).cache(false).build()) {
            for (long seed = 0; seed < 100; seed++) {
                Shape shape = ShapeAccess.wrap(new RandomShapes(1000 + seed).root());
                Fixture fixture;
                try {
                    fixture = llmock.generate(FixtureRequest.newBuilder().shape(shape).count(3).maxAttempts(1).build());
                } catch (RuntimeException e) {
                    throw new AssertionError("seed " + (1000 + seed) + ": " + shape, e);
                }

                assertThat(fixture.json().size()).isEqualTo(3);
                for (JsonNode record : fixture.json()) {
                    assertThat(shape.validate(record)).as("seed %d: %s", 1000 + seed, shape).isEmpty();
                }
            }
        }
    }
}
