package dev.llmock.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmock.FixtureRequest;
import dev.llmock.Llmock;
import dev.llmock.Shape;
import dev.llmock.ShapeException;
import dev.llmock.shape.suite.IndependentJudge;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The synthetic backend generates JSON Schema shapes from the schema itself: every record fits the schema (checked by
 * llmock's validator and by an independent one), at the first try, deterministic by seed.
 */
class SchemaGenerationTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final IndependentJudge JUDGE = new IndependentJudge();

    @Test
    void anEnumOfIntegersGivesOnlyItsValues() {
        JsonNode records = generate("{\"type\":\"integer\",\"enum\":[100,200,300]}", 20);

        Set<Integer> seen = new HashSet<>();
        records.forEach(record -> seen.add(record.asInt()));
        assertThat(seen).isSubsetOf(100, 200, 300).hasSizeGreaterThan(1);
    }

    @Test
    void constOfAnyTypeIsGivenAsIs() {
        JsonNode records = generate("{\"type\":\"object\",\"properties\":{\"kind\":{\"const\":{\"a\":[1,null]}},"
                + "\"n\":{\"const\":null}},\"required\":[\"kind\",\"n\"]}", 3);

        records.forEach(record -> assertThat(record.toString()).isEqualTo("{\"kind\":{\"a\":[1,null]},\"n\":null}"));
    }

    @Test
    void multipleOfAndExclusiveBoundsAreMetExactly() {
        JsonNode quarters = generate("{\"type\":\"number\",\"exclusiveMinimum\":0,\"exclusiveMaximum\":1,"
                + "\"multipleOf\":0.25}", 20);
        JsonNode tiny = generate("{\"type\":\"number\",\"exclusiveMinimum\":0,\"maximum\":0.001}", 5);

        quarters.forEach(value -> assertThat(value.decimalValue()).isIn(new BigDecimal("0.25"), new BigDecimal("0.50"),
                new BigDecimal("0.5"), new BigDecimal("0.75")));
        tiny.forEach(value -> assertThat(value.decimalValue()).isStrictlyBetween(BigDecimal.ZERO,
                new BigDecimal("0.0011")));
    }

    @Test
    void oneOfGivesValuesThatMatchExactlyOneOptionAndAnyOfUsesEveryOption() {
        JsonNode oneOf = generate("{\"oneOf\":[{\"type\":\"integer\",\"multipleOf\":2},"
                + "{\"type\":\"integer\",\"multipleOf\":3}]}", 20);
        JsonNode anyOf = generate("{\"anyOf\":[{\"type\":\"string\",\"maxLength\":3},{\"type\":\"boolean\"}]}", 20);

        oneOf.forEach(value -> assertThat(value.asInt() % 2 == 0 ^ value.asInt() % 3 == 0).as(value.toString())
                .isTrue());
        Set<String> types = new HashSet<>();
        anyOf.forEach(value -> types.add(value.getNodeType().toString()));
        assertThat(types).containsExactlyInAnyOrder("STRING", "BOOLEAN");
    }

    @Test
    void objectKeywordsAreHonoured() {
        generate("{\"type\":\"object\",\"properties\":{\"card\":{\"type\":\"string\"},\"cvc\":{\"type\":\"string\"},"
                + "\"zip\":{\"type\":\"string\"}},"
                + "\"dependentRequired\":{\"card\":[\"cvc\"]},\"dependentSchemas\":{\"card\":{\"required\":[\"zip\"],"
                + "\"properties\":{\"zip\":{\"type\":\"string\",\"pattern\":\"^[0-9]{5}$\"}}}},"
                + "\"if\":{\"required\":[\"card\"]},\"then\":{\"properties\":{\"cvc\":{\"minLength\":3,\"maxLength\":3}}},"
                + "\"patternProperties\":{\"^x-[a-z]+$\":{\"type\":\"integer\"}},\"minProperties\":5,"
                + "\"propertyNames\":{\"maxLength\":10},\"additionalProperties\":{\"type\":\"boolean\"}}", 10)
                .forEach(record -> assertThat(record.size()).isGreaterThanOrEqualTo(5));
    }

    @Test
    void arrayKeywordsAreHonoured() {
        generate("{\"type\":\"array\",\"prefixItems\":[{\"const\":\"head\"},{\"type\":\"integer\"}],"
                + "\"items\":{\"type\":\"integer\",\"minimum\":0},\"contains\":{\"type\":\"integer\",\"minimum\":100},"
                + "\"minContains\":2,\"maxContains\":3,\"uniqueItems\":true,\"maxItems\":6}", 10)
                .forEach(record -> assertThat(record.get(0).asText()).isEqualTo("head"));
    }

    @Test
    void recursiveReferencesEndAtABoundedDepth() {
        JsonNode records = generate("{\"$ref\":\"#/$defs/node\",\"$defs\":{\"node\":{\"type\":\"object\","
                + "\"properties\":{\"value\":{\"type\":\"integer\"},\"children\":{\"type\":\"array\","
                + "\"items\":{\"$ref\":\"#/$defs/node\"}}},\"required\":[\"value\"]}}}", 5);

        records.forEach(record -> assertThat(depth(record)).isBetween(2, 12));
    }

    @Test
    void formatsGiveStringsOfThatFormat() {
        String schema = "{\"type\":\"object\",\"properties\":{\"at\":{\"format\":\"date-time\"},\"day\":{\"format\":"
                + "\"date\"},\"time\":{\"format\":\"time\"},\"mail\":{\"format\":\"email\"},\"id\":{\"format\":\"uuid\"},"
                + "\"v4\":{\"format\":\"ipv4\"},\"v6\":{\"format\":\"ipv6\"},\"host\":{\"format\":\"hostname\"},"
                + "\"site\":{\"format\":\"uri\"},\"path\":{\"format\":\"json-pointer\"},\"took\":{\"format\":\"duration\"}},"
                + "\"required\":[\"at\",\"day\",\"time\",\"mail\",\"id\",\"v4\",\"v6\",\"host\",\"site\",\"path\",\"took\"]}";
        Shape asserting = Shape.fromJsonSchema(json(schema)).assertingFormats();

        for (JsonNode record : generate(schema, 10)) {
            assertThat(asserting.validate(record)).as(record.toString()).isEmpty();
        }
    }

    @Test
    void ordinaryObjectSchemasGetRealisticValuesFromTheirFieldNamesAndNoExtraProperties() {
        String schema = "{\"type\":\"object\",\"properties\":{\"firstName\":{\"type\":\"string\"},"
                + "\"lastName\":{\"type\":\"string\"},\"email\":{\"type\":\"string\",\"format\":\"email\"},"
                + "\"city\":{\"type\":\"string\"},\"age\":{\"type\":\"integer\",\"minimum\":18,\"maximum\":99}},"
                + "\"required\":[\"firstName\",\"email\"]}";

        for (JsonNode person : generate(schema, 5)) {
            assertThat(person.size()).isEqualTo(5);
            assertThat(person.get("email").asText()).startsWith(RecordNames.ascii(person.get("firstName").asText()));
            assertThat(person.get("city").asText()).matches("[A-Z][a-z]+( [A-Z][a-z.]*)*");
            assertThat(person.get("age").asInt()).isBetween(18, 99);
        }
    }

    @Test
    void aValueChosenByTheFieldNameIsKeptWhenItFitsThePatternAndANumberStaysADecimal() {
        String schema = "{\"type\":\"object\",\"properties\":{\"state\":{\"type\":\"string\"},"
                + "\"zip\":{\"type\":\"string\",\"pattern\":\"^[0-9]{5}$\"},"
                + "\"price\":{\"type\":\"number\",\"exclusiveMinimum\":0,\"multipleOf\":0.01}},"
                + "\"required\":[\"state\",\"zip\",\"price\"]}";

        for (JsonNode record : generate(schema, 10)) {
            SyntheticBackendTest.assertZipInState(record.get("zip").asText(), record.get("state").asText(), record);
            assertThat(record.get("price").isFloatingPointNumber()).as(record.toString()).isTrue();
        }
    }

    @Test
    void theSameSeedGivesTheSameRecordsAndAnotherSeedOthers() {
        String schema = "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},"
                + "\"score\":{\"anyOf\":[{\"type\":\"integer\"},{\"type\":\"string\",\"pattern\":\"^[A-F]$\"}]}}}";

        assertThat(generate(schema, 5, 7)).isEqualTo(generate(schema, 5, 7)).isNotEqualTo(generate(schema, 5, 8));
    }

    @Test
    void whatItCannotGenerateItRefusesNamingTheKeywordAndItsPointer() {
        assertThatThrownBy(() -> generate("{\"type\":\"object\",\"properties\":{\"code\":{\"type\":\"string\","
                + "\"pattern\":\"^[a-z]+$\",\"maxLength\":0}},\"required\":[\"code\"]}", 1))
                .isInstanceOf(ShapeException.class)
                .hasMessage("The synthetic backend cannot generate data for this JSON Schema: keyword \"pattern\" at"
                        + " /properties/code/pattern (instance /code): llmock could not make a string that matches"
                        + " ^[a-z]+$ with a length of 0 to 0. Loosen that part of the schema, or generate this shape"
                        + " with an LLM backend (llmock checks its output against the schema too).");
        assertThatThrownBy(() -> generate("{\"$defs\":{\"node\":{\"type\":\"object\",\"properties\":{\"next\":"
                + "{\"$ref\":\"#/$defs/node\"}},\"required\":[\"next\"]}},\"$ref\":\"#/$defs/node\"}", 1))
                .isInstanceOf(ShapeException.class)
                .hasMessageStartingWith("The synthetic backend cannot generate data for this JSON Schema: keyword"
                        + " \"$ref\" at /$defs/node/properties/next (instance /next/next/next/next/next/next/next/next/");
        assertThatThrownBy(() -> generate("{\"allOf\":[{\"type\":\"string\"},{\"type\":\"integer\"}]}", 1))
                .hasMessage("The synthetic backend cannot generate data for this JSON Schema: keyword \"type\" at"
                        + " /allOf/0/type (instance (root)): the types that apply here have none in common. Loosen"
                        + " that part of the schema, or generate this shape with an LLM backend (llmock checks its"
                        + " output against the schema too).");
    }

    private static int depth(JsonNode node) {
        int deepest = 0;
        for (JsonNode child : node) {
            deepest = Math.max(deepest, depth(child));
        }
        return node.isContainerNode() ? deepest + 1 : 0;
    }

    private static JsonNode generate(String schema, int count) {
        return generate(schema, count, 0);
    }

    /** {@code count} records made at the first try (no repair), each judged by llmock's and an independent validator. */
    private static JsonNode generate(String schema, int count, long seed) {
        Shape shape = Shape.fromJsonSchema(json(schema));
        try (Llmock llmock = Llmock.newBuilder().seed(seed).build()) {
            JsonNode records = llmock.generate(FixtureRequest.newBuilder().shape(shape).count(count).maxAttempts(1)
                    .build()).json();
            List<JsonNode> each = count == 1 ? List.of(records) : iterable(records);
            for (JsonNode record : each) {
                assertThat(shape.validate(record)).as(record.toString()).isEmpty();
                assertThat(JUDGE.problem(json(schema), record)).as(record.toString()).isNull();
            }
            return records;
        }
    }

    private static List<JsonNode> iterable(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The email's local part is the person's name in ASCII, as the synthetic backend writes it. */
    private static final class RecordNames {
        static String ascii(String name) {
            return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("[^A-Za-z]", "")
                    .toLowerCase(Locale.ROOT);
        }
    }
}
