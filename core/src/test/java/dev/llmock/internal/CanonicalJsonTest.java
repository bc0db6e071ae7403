package dev.llmock.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    @Test
    void writesWhatJacksonWritesForRandomTrees() {
        Random random = new Random(17);
        for (int i = 0; i < 3_000; i++) {
            JsonNode tree = tree(random, 0);

            assertThat(CanonicalJson.write(tree)).as("tree %d: %s", i, tree).isEqualTo(Json.jacksonCanonical(tree));
        }
    }

    @Test
    void writesWhatJacksonWritesForEveryControlAndAsciiCharacter() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x100; c++) {
            all.append(c);
        }
        ObjectNode tree = NODES.objectNode().put(all.toString(), all.toString() + "\u2028\ud83d\ude00\ud800x");

        assertThat(CanonicalJson.write(tree)).isEqualTo(Json.jacksonCanonical(tree));
    }

    @Test
    void leavesOutTheKnownSubtreeOnlyAndGivesTheTextBeforeAndAfterIt() {
        ObjectNode schema = NODES.objectNode().put("type", "string");
        ObjectNode request = NODES.objectNode().put("count", 1).put("variant", 2);
        request.set("shape", schema);
        request.set("other", schema.deepCopy());

        Json.TextAround around = CanonicalJson.around(request, schema);

        assertThat(around.before()).isEqualTo("{\"count\":1,\"other\":{\"type\":\"string\"},\"shape\":");
        assertThat(around.after()).isEqualTo(",\"variant\":2}");
        assertThat(around.before() + CanonicalJson.write(schema) + around.after())
                .isEqualTo(CanonicalJson.write(request));
    }

    @Test
    void aKnownSubtreeMetTwiceIsLeftOutOnlyWhereFirstMet() {
        ObjectNode schema = NODES.objectNode().put("type", "string");
        ObjectNode request = NODES.objectNode();
        request.set("a", schema);
        request.set("b", schema);

        Json.TextAround around = CanonicalJson.around(request, schema);

        assertThat(around.before() + CanonicalJson.write(schema) + around.after())
                .isEqualTo(CanonicalJson.write(request))
                .isEqualTo("{\"a\":{\"type\":\"string\"},\"b\":{\"type\":\"string\"}}");
    }

    @Test
    void aKnownSubtreeThatIsNotInTheTreeIsAnError() {
        ObjectNode request = NODES.objectNode().put("count", 1);

        assertThatThrownBy(() -> CanonicalJson.around(request, NODES.objectNode()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The known subtree is not part of the tree.");
    }

    /** Objects, arrays, strings with escapes and non-ASCII, numbers of every node type, booleans and nulls. */
    private static JsonNode tree(Random random, int depth) {
        int kind = random.nextInt(depth > 4 ? 7 : 9);
        switch (kind) {
            case 0:
                return NODES.textNode(text(random));
            case 1:
                return NODES.numberNode(random.nextInt());
            case 2:
                return NODES.numberNode(random.nextLong());
            case 3:
                return NODES.numberNode(new BigInteger(80, random).negate());
            case 4:
                return floating(random);
            case 5:
                return NODES.booleanNode(random.nextBoolean());
            case 6:
                return NODES.nullNode();
            case 7: {
                ObjectNode object = NODES.objectNode();
                int size = random.nextInt(6);
                for (int i = 0; i < size; i++) {
                    object.set(text(random), tree(random, depth + 1));
                }
                return object;
            }
            default: {
                ArrayNode array = NODES.arrayNode();
                int size = random.nextInt(5);
                for (int i = 0; i < size; i++) {
                    array.add(tree(random, depth + 1));
                }
                return array;
            }
        }
    }

    private static JsonNode floating(Random random) {
        switch (random.nextInt(5)) {
            case 0:
                return NODES.numberNode(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20));
            case 1:
                return NODES.numberNode((float) random.nextGaussian());
            case 2:
                return NODES.numberNode(new BigDecimal(BigInteger.valueOf(random.nextLong()), random.nextInt(30) - 10));
            case 3:
                return NODES.numberNode(new BigDecimal("1.50"));
            default:
                return NODES.numberNode(random.nextInt(100) / 1.0);
        }
    }

    private static String text(Random random) {
        int length = random.nextInt(8);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(4)) {
                case 0 -> text.append((char) random.nextInt(0x20));
                case 1 -> text.append("\"\\/'".charAt(random.nextInt(4)));
                case 2 -> text.append((char) random.nextInt(0x10000));
                default -> text.append((char) ('a' + random.nextInt(3)));
            }
        }
        return text.toString();
    }
}
