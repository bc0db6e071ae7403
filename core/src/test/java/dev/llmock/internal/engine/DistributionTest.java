package dev.llmock.internal.engine;

import static dev.llmock.internal.engine.Simulated.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
import dev.llmock.Llmock;
import dev.llmock.Shape;
import dev.llmock.internal.shape.ShapeAccess;
import dev.llmock.ShapeException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.junit.jupiter.api.Test;

class DistributionTest {

    private static DescriptiveStatistics stats(JsonNode records, String field) {
        DescriptiveStatistics stats = new DescriptiveStatistics();
        records.forEach(r -> stats.addValue(r.get(field).asDouble()));
        return stats;
    }

    @Test
    void aThousandUsersHaveNormalAgesWithinTheExpectedErrorOfTheirMeanAndDeviation() {
        try (Llmock llmock = Llmock.newBuilder().build()) {
            Fixture fixture = llmock.generate(FixtureRequest.newBuilder()
                    .shape("{\"name\":\"string\",\"email\":\"email\",\"age\":\"int ~ normal(35, 12) in [0, 120]\"}")
                    .count(1000).build());

            DescriptiveStatistics ages = stats(fixture.json(), "age");
            assertThat(ages.getN()).isEqualTo(1000);
            // three standard errors: 12 / sqrt(1000) for the mean, 12 / sqrt(2 * 999) for the deviation
            assertThat(ages.getMean()).isCloseTo(35.0, within(3 * 12 / Math.sqrt(1000)));
            assertThat(ages.getStandardDeviation()).isCloseTo(12.0, within(3 * 12 / Math.sqrt(2 * 999)));
            JsonNode test = fixture.provenance().details().at("/distributions/fields/0");
            assertThat(test.get("pointer").asText()).isEqualTo("/age");
            assertThat(test.get("test").asText()).isEqualTo("kolmogorov-smirnov");
            assertThat(test.get("pValue").asDouble()).isGreaterThan(0.01);
        }
    }

    @Test
    void boundsTruncateTheDistributionSoTheSampleFollowsTheTruncatedNormal() {
        try (Llmock llmock = Llmock.newBuilder().build()) {
            Fixture fixture = llmock.generate(FixtureRequest.newBuilder()
                    .shape("{\"name\":\"string\",\"age\":\"int ~ normal(35, 12) in [18, 100]\"}").count(1000).build());

            DescriptiveStatistics ages = stats(fixture.json(), "age");
            assertThat(ages.getMin()).isGreaterThanOrEqualTo(18);
            assertThat(ages.getMax()).isLessThanOrEqualTo(100);
            // the normal(35, 12) truncated below at 18: mean 35 + 12 * phi(a) / (1 - Phi(a)) with a = -17/12
            NormalDistribution unit = new NormalDistribution();
            double a = (18 - 0.5 - 35) / 12.0;
            double lambda = unit.density(a) / (1 - unit.cumulativeProbability(a));
            double mean = 35 + 12 * lambda;
            double sd = 12 * Math.sqrt(1 + a * lambda - lambda * lambda);
            assertThat(ages.getMean()).isCloseTo(mean, within(3 * sd / Math.sqrt(1000)));
            assertThat(ages.getStandardDeviation()).isCloseTo(sd, within(3 * sd / Math.sqrt(2 * 999) + 0.3));
        }
    }

    @Test
    void weightedCategoriesComeOutInTheirSharesAndPassTheChiSquaredTest() {
        try (Llmock llmock = Llmock.newBuilder().build()) {
            Fixture fixture = llmock.generate(FixtureRequest.newBuilder()
                    .shape("{\"name\":\"string\",\"tier\":\"free:70|premium:25|enterprise:5\"}").count(1000).build());

            List<String> tiers = fixture.json().findValuesAsText("tier");
            assertThat(tiers.stream().filter("free"::equals).count()).isEqualTo(700);
            assertThat(tiers.stream().filter("premium"::equals).count()).isEqualTo(250);
            assertThat(tiers.stream().filter("enterprise"::equals).count()).isEqualTo(50);
            JsonNode test = fixture.provenance().details().at("/distributions/fields/0");
            assertThat(test.get("test").asText()).isEqualTo("chi-squared");
            assertThat(test.get("pValue").asDouble()).isGreaterThan(0.01);
        }
    }

    @Test
    void aMixtureGivesBimodalData() {
        try (Llmock llmock = Llmock.newBuilder().build()) {
            Fixture fixture = llmock.generate(FixtureRequest.newBuilder()
                    .shape("{\"spend\":\"number ~ mix(0.6 normal(30, 5), 0.4 normal(60, 8)) in [0, 200]\"}")
                    .count(500).build());

            DescriptiveStatistics spend = stats(fixture.json(), "spend");
            long low = fixture.json().findValues("spend").stream().filter(v -> v.asDouble() < 45).count();
            assertThat(low).isBetween(280L, 320L);
            assertThat(spend.getMean()).isCloseTo(0.6 * 30 + 0.4 * 60, within(1.5));
        }
    }

    @Test
    void codeFixesTheValuesBeforeTheBackendRunsAndPutsBackWhatItChanges() {
        List<JsonNode> seen = new ArrayList<>();
        Simulated careless = Simulated.answering("careless", request -> {
            synchronized (seen) {
                seen.add(request.previous());
            }
            return Simulated.records(request, i -> json("{'name':'N" + i + "','age':999}"));
        });
        try (Llmock llmock = Llmock.newBuilder().backend(careless).build()) {
            Fixture fixture = llmock.generate(FixtureRequest.newBuilder().backend("careless")
                    .shape("{\"name\":\"string\",\"age\":\"int ~ uniform(20, 30) in [20, 30]\"}").count(5).build());

            assertThat(seen.get(0)).hasSize(5);
            assertThat(seen.get(0).get(0).fieldNames()).toIterable().containsExactly("age");
            for (int i = 0; i < 5; i++) {
                assertThat(fixture.json().get(i).get("age")).isEqualTo(seen.get(0).get(i).get("age"));
                assertThat(fixture.json().get(i).get("age").asInt()).isBetween(20, 30);
            }
            assertThat(fixture.provenance().details().at("/distributions/restored").asInt()).isEqualTo(5);
        }
    }

    @Test
    void sampledValuesAreDeterministicForTheSameRequestAndSeed() {
        FixtureRequest request = FixtureRequest.newBuilder().shape("{\"age\":\"int ~ lognormal(3.5, 0.3)\"}").count(20)
                .build();
        try (Llmock one = Llmock.newBuilder().seed(7).build(); Llmock two = Llmock.newBuilder().seed(7).build()) {
            assertThat(one.generate(request).json()).isEqualTo(two.generate(request).json());
        }
    }

    @Test
    void directivesRoundTripThroughJsonSchema() {
        Shape shape = Shape.parse("{\"age\":\"int ~ normal(35.0, 12) in [18, 100]\",\"tier\":\"free:70|premium:30\","
                + "\"spend\":\"number ~ mix(6 normal(30,5), 4 normal(60,8))\"}");
        ObjectNode schema = shape.toJsonSchema();

        assertThat(schema.at("/properties/age").toString()).isEqualTo("{\"type\":\"integer\",\"minimum\":18,"
                + "\"maximum\":100,\"x-llmock-distribution\":\"normal(35, 12)\"}");
        assertThat(schema.at("/properties/tier").toString()).isEqualTo("{\"type\":\"string\",\"enum\":[\"free\","
                + "\"premium\"],\"x-llmock-distribution\":\"free:70|premium:30\"}");
        assertThat(schema.at("/properties/spend/x-llmock-distribution").asText())
                .isEqualTo("mix(0.6 normal(30, 5), 0.4 normal(60, 8))");
        Shape back = Shape.fromJsonSchema(schema);
        assertThat(ShapeAccess.node(back)).isEqualTo(ShapeAccess.node(shape));
        assertThat(back.canonical()).isEqualTo(shape.canonical());
    }

    @Test
    void aMalformedDirectiveNamesItsPosition() {
        assertThatThrownBy(() -> Shape.parse("{\"age\":\"int ~ normal(35) in [18, 100]\"}"))
                .isInstanceOf(ShapeException.class)
                .hasMessage("Malformed shape at line 1, column 8: expected a distribution directive such as"
                        + " \"int ~ normal(35, 12) in [18, 100]\", but in \"int ~ normal(35) in [18, 100]\":"
                        + " normal(...) takes 2 numbers separated by commas.\n"
                        + "  {\"age\":\"int ~ normal(35) in\n"
                        + "         ^");
    }

    @Test
    void plainEnumsAndExampleTextKeepTheirMeaning() {
        Shape shape = Shape.parse("{\"status\":\"active|inactive\",\"path\":\"~/home\",\"at\":\"10:30|later\"}");

        assertThat(shape.toJsonSchema().at("/properties/status").toString())
                .isEqualTo("{\"type\":\"string\",\"enum\":[\"active\",\"inactive\"]}");
        assertThat(shape.toJsonSchema().at("/properties/path/examples/0").asText()).isEqualTo("~/home");
        assertThat(shape.toJsonSchema().at("/properties/at/enum").toString()).isEqualTo("[\"10:30\",\"later\"]");
    }
}
