package dev.llmock.junit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.llmock.Shape;
import dev.llmock.internal.Json;
import dev.llmock.internal.shape.ShapeAccess;
import dev.llmock.internal.shape.ShapeNode.ArrayShape;
import dev.llmock.internal.shape.ShapeNode.BooleanShape;
import dev.llmock.internal.shape.ShapeNode.MapShape;
import dev.llmock.internal.shape.ShapeNode.NullableShape;
import dev.llmock.internal.shape.ShapeNode.NumberShape;
import dev.llmock.internal.shape.ShapeNode.ObjectShape;
import dev.llmock.internal.shape.ShapeNode.StringShape;
import dev.llmock.internal.shape.ShapeNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Edge and invalid cases derived in code from a valid record and its shape. Each case changes one value; edge cases
 * are kept only when they still fit the shape, invalid cases only when they really break it, so every name is true.
 */
final class CaseFactory {
    /** Longest string an edge case uses when the shape sets no maxLength. */
    static final int LONG_STRING = 1_000;
    /** Most items an edge case uses when the shape sets no maxItems. */
    static final int MANY_ITEMS = 100;
    static final String UNICODE = "Zoë Ångström — 日本語 עברית 😀";

    record Case(String name, JsonNode value) {
    }

    private final Shape shape;
    private final JsonNode base;
    private final Map<String, JsonNode> cases = new LinkedHashMap<>();

    private CaseFactory(Shape shape, JsonNode base) {
        this.shape = shape;
        this.base = base;
    }

    static List<Case> edge(Shape shape, JsonNode base) {
        CaseFactory factory = new CaseFactory(shape, base);
        factory.walk(ShapeAccess.node(shape), "", true);
        return factory.keep(true);
    }

    static List<Case> invalid(Shape shape, JsonNode base) {
        CaseFactory factory = new CaseFactory(shape, base);
        if (ShapeAccess.node(shape) instanceof ObjectShape) {
            factory.replace("", "unexpected property \"unexpected\"", node -> ((ObjectNode) node).put("unexpected", true));
        }
        factory.walk(ShapeAccess.node(shape), "", false);
        return factory.keep(false);
    }

    private List<Case> keep(boolean valid) {
        List<Case> result = new ArrayList<>();
        cases.forEach((name, value) -> {
            if (shape.validate(value).isEmpty() == valid) {
                result.add(new Case(name, value));
            }
        });
        return result;
    }

    private void walk(ShapeNode node, String pointer, boolean edge) {
        String where = pointer.isEmpty() ? "(root)" : pointer;
        if (node instanceof NullableShape nullable) {
            if (edge) {
                set(pointer, "null " + where, Json.MAPPER.nullNode());
            }
            walk(nullable.value(), pointer, edge);
            return;
        }
        if (!edge && !pointer.isEmpty()) {
            set(pointer, "null " + where, Json.MAPPER.nullNode());
            set(pointer, "wrong type at " + where + " (" + wrongTypeName(node) + " instead of " + node.describe() + ")",
                    wrongType(node));
        }
        if (node instanceof ObjectShape object) {
            for (Map.Entry<String, ShapeNode> property : object.properties().entrySet()) {
                String child = pointer + "/" + property.getKey().replace("~", "~0").replace("/", "~1");
                if (!edge && object.required().contains(property.getKey())) {
                    String name = property.getKey();
                    replace(pointer, "missing required property " + child, parent -> ((ObjectNode) parent).remove(name));
                }
                walk(property.getValue(), child, edge);
            }
        } else if (node instanceof ArrayShape array) {
            array(array, pointer, where, edge);
        } else if (node instanceof StringShape string) {
            string(string, pointer, where, edge);
        } else if (node instanceof NumberShape number) {
            number(number, pointer, where, edge);
        } else if (node instanceof MapShape && edge) {
            set(pointer, "empty object " + where, Json.MAPPER.createObjectNode());
        } else if (node instanceof BooleanShape && edge) {
            set(pointer, "false " + where, Json.MAPPER.getNodeFactory().booleanNode(false));
        }
    }

    private void array(ArrayShape array, String pointer, String where, boolean edge) {
        JsonNode current = base.at(pointer);
        JsonNode first = current.isArray() && current.size() > 0 ? current.get(0) : null;
        int min = array.minItems() == null ? 0 : array.minItems();
        if (edge) {
            set(pointer, "empty array " + where, Json.MAPPER.createArrayNode());
            if (first != null && !array.uniqueItems()) {
                int many = array.maxItems() == null ? MANY_ITEMS : array.maxItems();
                set(pointer, many + " items in " + where, repeat(first, many));
            }
        } else if (first != null) {
            if (min > 0) {
                set(pointer, (min - 1) + " items in " + where + " (minItems " + min + ")", repeat(first, min - 1));
            }
            if (array.maxItems() != null) {
                set(pointer, (array.maxItems() + 1) + " items in " + where + " (maxItems " + array.maxItems() + ")",
                        repeat(first, array.maxItems() + 1));
            }
            if (array.uniqueItems()) {
                set(pointer, "duplicate items in " + where, repeat(first, Math.max(2, min)));
            }
        }
        if (first != null) {
            walk(array.items(), pointer + "/0", edge);
        }
    }

    private void string(StringShape string, String pointer, String where, boolean edge) {
        if (!string.enumValues().isEmpty()) {
            if (edge) {
                List<String> values = string.enumValues();
                set(pointer, where + " = " + values.get(values.size() - 1), TextNode.valueOf(values.get(values.size() - 1)));
            } else {
                set(pointer, where + " not one of " + String.join("|", string.enumValues()),
                        TextNode.valueOf("not-an-option"));
            }
            return;
        }
        if (string.format() != null) {
            format(string, pointer, where, edge);
            return;
        }
        int min = string.minLength() == null ? 0 : string.minLength();
        if (edge) {
            set(pointer, (min == 0 ? "empty string " : "shortest string (" + min + ") ") + where,
                    TextNode.valueOf("x".repeat(min)));
            int max = string.maxLength() == null ? LONG_STRING : string.maxLength();
            set(pointer, "longest string (" + max + ") " + where, TextNode.valueOf("x".repeat(max)));
            String unicode = string.maxLength() == null ? UNICODE
                    : UNICODE.substring(0, UNICODE.offsetByCodePoints(0, Math.min(string.maxLength(),
                    UNICODE.codePointCount(0, UNICODE.length()))));
            set(pointer, "unicode " + where, TextNode.valueOf(unicode));
        } else {
            if (min > 0) {
                set(pointer, where + " shorter than minLength " + min, TextNode.valueOf("x".repeat(min - 1)));
            }
            if (string.maxLength() != null) {
                set(pointer, where + " longer than maxLength " + string.maxLength(),
                        TextNode.valueOf("x".repeat(string.maxLength() + 1)));
            }
            if (string.pattern() != null) {
                set(pointer, where + " not matching " + string.pattern(), TextNode.valueOf("\u0000!"));
            }
        }
    }

    private void format(StringShape string, String pointer, String where, boolean edge) {
        String format = string.format();
        if (!edge) {
            set(pointer, where + " is not a valid " + format, TextNode.valueOf("not a " + format));
            return;
        }
        switch (format) {
            case "date-time" -> {
                set(pointer, "earliest date-time " + where, TextNode.valueOf("1970-01-01T00:00:00Z"));
                set(pointer, "latest date-time " + where, TextNode.valueOf("9999-12-31T23:59:59Z"));
                set(pointer, "date-time with offset " + where, TextNode.valueOf("2024-02-29T23:59:59.999+14:00"));
            }
            case "date" -> {
                set(pointer, "earliest date " + where, TextNode.valueOf("0001-01-01"));
                set(pointer, "leap day " + where, TextNode.valueOf("2024-02-29"));
                set(pointer, "latest date " + where, TextNode.valueOf("9999-12-31"));
            }
            case "email" -> {
                set(pointer, "shortest email " + where, TextNode.valueOf("a@b.co"));
                set(pointer, "long email with plus tag " + where,
                        TextNode.valueOf("first.last+" + "x".repeat(40) + "@sub.domain.example.com"));
            }
            case "uuid" -> set(pointer, "nil uuid " + where, TextNode.valueOf("00000000-0000-0000-0000-000000000000"));
            case "uri" -> set(pointer, "uri with query and fragment " + where,
                    TextNode.valueOf("https://example.com/a%20b?q=%C3%A9&x=1#top"));
            default -> {
                // an unknown format has no known boundary values
            }
        }
    }

    private void number(NumberShape number, String pointer, String where, boolean edge) {
        if (edge) {
            BigDecimal min = number.minimum() != null ? number.minimum()
                    : number.integer() ? BigDecimal.valueOf(Long.MIN_VALUE) : BigDecimal.valueOf(-Double.MAX_VALUE);
            BigDecimal max = number.maximum() != null ? number.maximum()
                    : number.integer() ? BigDecimal.valueOf(Long.MAX_VALUE) : BigDecimal.valueOf(Double.MAX_VALUE);
            set(pointer, "minimum " + min.toPlainString().replaceAll("0{8,}", "...") + " " + where, numberNode(min, number));
            set(pointer, "maximum " + max.toPlainString().replaceAll("0{8,}", "...") + " " + where, numberNode(max, number));
            set(pointer, "zero " + where, numberNode(BigDecimal.ZERO, number));
        } else {
            BigDecimal step = number.integer() ? BigDecimal.ONE : new BigDecimal("0.5");
            if (number.minimum() != null) {
                set(pointer, where + " below minimum " + number.minimum().toPlainString(),
                        numberNode(number.minimum().subtract(step), number));
            }
            if (number.maximum() != null) {
                set(pointer, where + " above maximum " + number.maximum().toPlainString(),
                        numberNode(number.maximum().add(step), number));
            }
            if (number.integer()) {
                set(pointer, where + " is a fraction", Json.MAPPER.getNodeFactory().numberNode(new BigDecimal("1.5")));
            }
        }
    }

    private static JsonNode numberNode(BigDecimal value, NumberShape number) {
        if (number.integer()) {
            BigInteger whole = value.toBigInteger();
            return Json.MAPPER.getNodeFactory().numberNode(whole);
        }
        return Json.MAPPER.getNodeFactory().numberNode(value);
    }

    private static String wrongTypeName(ShapeNode node) {
        return node instanceof StringShape ? "number" : "string";
    }

    private static JsonNode wrongType(ShapeNode node) {
        return node instanceof StringShape ? Json.MAPPER.getNodeFactory().numberNode(42)
                : TextNode.valueOf("not a " + node.describe());
    }

    private static ArrayNode repeat(JsonNode item, int times) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (int i = 0; i < times; i++) {
            array.add(item.deepCopy());
        }
        return array;
    }

    /** A copy of the base with the value at {@code pointer} replaced. */
    private void set(String pointer, String name, JsonNode value) {
        if (pointer.isEmpty()) {
            cases.putIfAbsent(name, value);
            return;
        }
        int cut = pointer.lastIndexOf('/');
        String parentPointer = pointer.substring(0, cut);
        String key = pointer.substring(cut + 1).replace("~1", "/").replace("~0", "~");
        replace(parentPointer, name, parent -> {
            if (parent instanceof ObjectNode object) {
                object.set(key, value);
            } else if (parent instanceof ArrayNode array) {
                array.set(Integer.parseInt(key), value);
            }
        });
    }

    private void replace(String parentPointer, String name, Consumer<JsonNode> change) {
        JsonNode copy = base.deepCopy();
        JsonNode parent = parentPointer.isEmpty() ? copy : copy.at(parentPointer);
        if (parent.isMissingNode() || !(parent.isObject() || parent.isArray())) {
            return;
        }
        change.accept(parent);
        cases.putIfAbsent(name, copy);
    }
}
