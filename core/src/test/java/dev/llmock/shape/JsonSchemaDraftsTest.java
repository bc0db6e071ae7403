package dev.llmock.shape;

import static dev.llmock.shape.JsonSchemaValidationTest.json;
import static dev.llmock.shape.JsonSchemaValidationTest.schema;
import static dev.llmock.shape.suite.Tally.Outcome.RIGHT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.shape.suite.JsonSchemaSuite.Group;
import dev.llmock.FixtureRequest;
import dev.llmock.Llmock;
import dev.llmock.shape.suite.JsonSchemaSuite;
import dev.llmock.shape.suite.JsonSchemaSuiteValidationTest;
import dev.llmock.shape.suite.Tally;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code $schema} naming draft 4, 6, 7 or 2019-09 gives that draft's meaning, where it differs from 2020-12. */
class JsonSchemaDraftsTest {
    private static final String DRAFT4 = "http://json-schema.org/draft-04/schema#";
    private static final String DRAFT6 = "http://json-schema.org/draft-06/schema#";
    private static final String DRAFT7 = "http://json-schema.org/draft-07/schema#";
    private static final String DRAFT201909 = "https://json-schema.org/draft/2019-09/schema";
    /** Suite files whose keywords mean the same in every draft from 4 on. */
    private static final Set<String> SAME_IN_EVERY_DRAFT = Set.of("type.json", "minimum.json", "maximum.json",
            "minLength.json", "maxLength.json", "pattern.json", "required.json", "enum.json", "multipleOf.json",
            "minItems.json", "maxItems.json", "uniqueItems.json", "allOf.json", "anyOf.json", "oneOf.json", "not.json",
            "minProperties.json", "maxProperties.json", "properties.json", "patternProperties.json",
            "additionalProperties.json");

    @Test
    void draft4ReadsExclusiveMaximumAsABooleanBesideMaximum() {
        String body = "\"type\":\"number\",\"maximum\":10,\"exclusiveMaximum\":true}";

        assertThat(schema("{\"$schema\":\"" + DRAFT4 + "\"," + body).validate(json("10"))).hasSize(1);
        assertThat(schema("{\"$schema\":\"" + DRAFT4 + "\"," + body).validate(json("9.5"))).isEmpty();
    }

    @Test
    void drafts6And2019ReadItemsAsATupleWithAdditionalItems() {
        for (String draft : List.of(DRAFT6, DRAFT201909)) {
            var shape = schema("{\"$schema\":\"" + draft + "\",\"items\":[{\"type\":\"integer\"}],"
                    + "\"additionalItems\":false}");

            assertThat(shape.validate(json("[1]"))).as(draft).isEmpty();
            assertThat(shape.validate(json("[\"a\"]"))).as(draft).hasSize(1);
            assertThat(shape.validate(json("[1,2]"))).as(draft).hasSize(1);
        }
    }

    @Test
    void draft7IgnoresKeywordsBesideRefWhere2020_12AppliesThem() {
        String body = "\"definitions\":{\"n\":{\"type\":\"integer\"}},"
                + "\"properties\":{\"x\":{\"$ref\":\"#/definitions/n\",\"type\":\"string\"}}}";

        assertThat(schema("{\"$schema\":\"" + DRAFT7 + "\"," + body).validate(json("{\"x\":1}"))).isEmpty();
        assertThat(schema("{" + body).validate(json("{\"x\":1}"))).hasSize(1);
    }

    @Test
    void draft2019_09FollowsRecursiveRefForValidationAndGeneration() throws Exception {
        var shape = schema("{\"$schema\":\"" + DRAFT201909 + "\",\"$recursiveAnchor\":true,\"type\":\"object\","
                + "\"properties\":{\"name\":{\"type\":\"string\"},\"children\":{\"type\":\"array\","
                + "\"items\":{\"$recursiveRef\":\"#\"}}},\"required\":[\"name\"]}");

        assertThat(shape.validate(json("{\"name\":\"a\",\"children\":[{\"name\":\"b\",\"children\":[]}]}"))).isEmpty();
        assertThat(shape.validate(json("{\"name\":\"a\",\"children\":[{\"children\":[]}]}"))).hasSize(1);
        try (Llmock llmock = Llmock.newBuilder().build()) {
            JsonNode tree = llmock.generate(FixtureRequest.newBuilder().shape(shape).maxAttempts(1).build()).json();
            assertThat(shape.validate(tree)).isEmpty();
            assertThat(tree.path("children").path(0).has("name")).isTrue();
        }
    }

    @Test
    void drafts4To7AssertFormatsWhere2019_09AndLaterAnnotate() {
        String body = "\"type\":\"string\",\"format\":\"email\"}";

        for (String draft : List.of(DRAFT4, DRAFT6, DRAFT7)) {
            assertThat(schema("{\"$schema\":\"" + draft + "\"," + body).validate(json("\"no mail\""))).as(draft).hasSize(1);
        }
        assertThat(schema("{\"$schema\":\"" + DRAFT201909 + "\"," + body).validate(json("\"no mail\""))).isEmpty();
        assertThat(schema("{" + body).validate(json("\"no mail\""))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {DRAFT4, DRAFT6, DRAFT7, DRAFT201909})
    void answersTheSuiteFilesWhoseKeywordsEveryDraftSharesRightUnderEachDraft(String draft) {
        List<Group> groups = new ArrayList<>();
        for (Group group : JsonSchemaSuite.groups("draft2020-12", JsonSchemaSuite.NOT_COUNTED)) {
            String file = group.file().substring(group.file().lastIndexOf('/') + 1);
            if (SAME_IN_EVERY_DRAFT.contains(file) && group.schema().isObject() && noBooleanSchema(group.schema())) {
                ObjectNode schema = ((ObjectNode) group.schema()).deepCopy();
                schema.put("$schema", draft);
                // Draft 4 counts 1.0 as no integer (later drafts do): that one case differs by design.
                List<JsonSchemaSuite.Case> tests = group.tests().stream().filter(test -> !(draft.equals(DRAFT4)
                        && test.description().equals("a float with zero fractional part is an integer"))).toList();
                groups.add(new Group(group.file(), group.description(), schema, tests));
            }
        }

        Tally tally = JsonSchemaSuiteValidationTest.run(groups);

        assertThat(tally.total()).isGreaterThan(150);
        assertThat(tally.count(RIGHT)).as(draft + ": " + tally.summary("cases", "right", "wrong", "refused",
                "crashed") + tally.list(Tally.Outcome.WRONG, 20) + tally.list(Tally.Outcome.REFUSED, 20))
                .isEqualTo(tally.total());
    }

    /** Draft 4 has no boolean schemas; groups that use them say nothing about the other drafts either. */
    private static boolean noBooleanSchema(JsonNode schema) {
        for (var fields = schema.fields(); fields.hasNext(); ) {
            var field = fields.next();
            JsonNode value = field.getValue();
            String key = field.getKey();
            if (Set.of("enum", "const", "default", "examples").contains(key)) {
                continue;
            }
            boolean schemaList = Set.of("allOf", "anyOf", "oneOf", "prefixItems", "items").contains(key);
            boolean schemaMap = Set.of("properties", "patternProperties", "$defs", "definitions").contains(key);
            if (value.isBoolean() && Set.of("not", "items", "contains", "propertyNames", "if", "then", "else")
                    .contains(key)) {
                return false;
            }
            for (JsonNode child : value.isContainerNode() ? value : List.<JsonNode>of()) {
                if (child.isBoolean() && (schemaList || schemaMap)) {
                    return false;
                }
                if (child.isObject() && !noBooleanSchema(child)) {
                    return false;
                }
            }
            if (value.isObject() && !noBooleanSchema(value)) {
                return false;
            }
        }
        return true;
    }
}
