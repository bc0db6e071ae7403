package dev.llmock.internal.engine;

import static dev.llmock.internal.engine.Simulated.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
import dev.llmock.Llmock;
import dev.llmock.Merge;
import dev.llmock.internal.Json;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ParallelPartsTest {

    private static Llmock engine() {
        return engine(new CountDownLatch(0));
    }

    /** Each part's backend answers only once {@code started} is counted down by every part. */
    private static Llmock engine(CountDownLatch started) {
        return Llmock.newBuilder()
                .backend(answering("fast", "{'name':'Desk lamp','description':'A warm light'}").withStartGate(started))
                .backend(answering("quality", "{'price':39.5,'currency':'EUR'}").withStartGate(started))
                .backend(answering("premium", "{'stock':12,'warehouse':'Berlin'}").withStartGate(started))
                .build();
    }

    private static Simulated answering(String name, String record) {
        return Simulated.answering(name, request -> Simulated.records(request, i -> json(record)));
    }

    private static FixtureRequest.Builder threeParts() {
        return FixtureRequest.newBuilder()
                .part("details", "{\"name\":\"string\",\"description\":\"string\"}", "fast")
                .part("pricing", "{\"price\":0.0,\"currency\":\"EUR|USD\"}", "quality")
                .part("inventory", "{\"stock\":0,\"warehouse\":\"string\"}", "premium");
    }

    @Test
    void partsRunConcurrentlySoEveryPartStartsBeforeAnyFinishes() {
        CountDownLatch allStarted = new CountDownLatch(3);
        try (Llmock llmock = engine(allStarted)) {
            Fixture fixture = llmock.generate(threeParts().build());

            // each part's backend answered only after all three had been called
            assertThat(allStarted.getCount()).isZero();
            assertThat(fixture.provenance().details().get("parts").findValuesAsText("backend"))
                    .containsExactly("fast", "quality", "premium");
        }
    }

    @Test
    void partsMergeUnderTheirNamesByDefault() {
        try (Llmock llmock = engine()) {
            Fixture fixture = llmock.generate(threeParts().build());

            assertThat(fixture.json()).isEqualTo(json("{'details':{'name':'Desk lamp','description':'A warm light'},"
                    + "'pricing':{'price':39.5,'currency':'EUR'},'inventory':{'stock':12,'warehouse':'Berlin'}}"));
            assertThat(fixture.provenance().details().get("merge").asText()).isEqualTo("under_keys");
            assertThat(fixture.provenance().backend()).isEqualTo("fast+quality+premium");
        }
    }

    @Test
    void deepMergeCombinesThePartsIntoOneObject() {
        try (Llmock llmock = engine()) {
            Fixture fixture = llmock.generate(threeParts().merge(Merge.DEEP).count(2).build());

            assertThat(fixture.json()).hasSize(2);
            assertThat(fixture.json().get(1)).isEqualTo(json("{'name':'Desk lamp','description':'A warm light',"
                    + "'price':39.5,'currency':'EUR','stock':12,'warehouse':'Berlin'}"));
        }
    }

    @Test
    void deepMergeRejectsTwoPartsDefiningTheSameValue() {
        assertThatThrownBy(() -> FixtureRequest.newBuilder().part("a", "{\"id\":0}", "fast")
                .part("b", "{\"id\":\"string\"}", "quality").merge(Merge.DEEP).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Merge.DEEP cannot merge /id: the parts \"a\" and \"b\" both define it (integer and string)."
                        + " Rename one, or use Merge.UNDER_KEYS.");
    }

    @Test
    void partsAndTheirBackendsArePartOfTheCassetteKey() {
        FixtureRequest fastPricing = FixtureRequest.newBuilder().part("details", "{\"name\":\"string\"}", "fast")
                .part("pricing", "{\"price\":0.0}", "fast").build();
        FixtureRequest qualityPricing = FixtureRequest.newBuilder().part("details", "{\"name\":\"string\"}", "fast")
                .part("pricing", "{\"price\":0.0}", "quality").build();

        assertThat(fastPricing.key()).isNotEqualTo(qualityPricing.key());
        assertThat(qualityPricing.key().json().get("parts").findValuesAsText("backend")).containsExactly("fast", "quality");
        assertThat(qualityPricing.key().json().get("merge").asText()).isEqualTo("under_keys");
    }

    @Test
    void aRequestWithoutTheNewPatternsKeepsItsKeyJson() {
        FixtureRequest plain = FixtureRequest.newBuilder().shape("{\"name\":\"string\"}").backend("fast").enrich("quality")
                .rule("names are short").build();

        assertThat(Json.canonical(plain.key().json())).isEqualTo("{\"backend\":\"fast\",\"count\":1,"
                + "\"rules\":[\"names are short\"],\"shape\":{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\","
                + "\"additionalProperties\":false,\"properties\":{\"name\":{\"type\":\"string\"}},\"required\":[\"name\"],"
                + "\"type\":\"object\"},\"stages\":[{\"backend\":\"quality\",\"role\":\"enrich\"}],\"variant\":0}");
    }

    @Test
    void aRequestWithPartsTakesNoShapeOfItsOwn() {
        assertThatThrownBy(() -> FixtureRequest.newBuilder().shape("{\"a\":0}").part("b", "{\"c\":0}", "fast").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("A request with parts takes its shape from the parts; leave shape(...) out, or drop the parts.");
    }
}
