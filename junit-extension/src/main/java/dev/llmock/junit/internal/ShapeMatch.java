package dev.llmock.junit.internal;

import dev.llmock.internal.shape.ShapeNode;
import dev.llmock.internal.shape.ShapeNode.ArrayShape;
import dev.llmock.internal.shape.ShapeNode.BooleanShape;
import dev.llmock.internal.shape.ShapeNode.MapShape;
import dev.llmock.internal.shape.ShapeNode.NullableShape;
import dev.llmock.internal.shape.ShapeNode.NumberShape;
import dev.llmock.internal.shape.ShapeNode.ObjectShape;
import dev.llmock.internal.shape.ShapeNode.StringShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Compares a given shape with the shape of the target type, before the test runs, so mismatches fail early. */
final class ShapeMatch {
    private ShapeMatch() {
    }

    static List<String> problems(ShapeNode given, ShapeNode expected, String path) {
        List<String> problems = new ArrayList<>();
        compare(unwrap(given), unwrap(expected), path, problems);
        return problems;
    }

    private static void compare(ShapeNode given, ShapeNode expected, String path, List<String> problems) {
        if (given instanceof ShapeNode.AnyShape) {
            return; // a part of a JSON Schema the view cannot express: the schema itself judges the data
        }
        String have = kind(given);
        String want = kind(expected);
        if (!have.equals(want) && !(want.equals("number") && have.equals("integer"))) {
            problems.add(path + " is " + want + " in the type but " + have + " in the shape");
            return;
        }
        if (given instanceof ObjectShape object && expected instanceof ObjectShape type) {
            for (Map.Entry<String, ShapeNode> property : object.properties().entrySet()) {
                ShapeNode wanted = type.properties().get(property.getKey());
                if (wanted == null) {
                    problems.add("the shape has \"" + property.getKey() + "\", which " + path + " does not have");
                } else {
                    compare(unwrap(property.getValue()), unwrap(wanted), path + "." + property.getKey(), problems);
                }
            }
            for (String required : type.required()) {
                if (!object.properties().containsKey(required)) {
                    problems.add(path + "." + required + " (" + kind(unwrap(type.properties().get(required)))
                            + ") is missing from the shape");
                }
            }
        } else if (given instanceof ArrayShape array && expected instanceof ArrayShape type) {
            compare(unwrap(array.items()), unwrap(type.items()), path + "[]", problems);
        }
    }

    private static ShapeNode unwrap(ShapeNode node) {
        return node instanceof NullableShape nullable ? nullable.value() : node;
    }

    private static String kind(ShapeNode node) {
        if (node instanceof ObjectShape || node instanceof MapShape) {
            return "object";
        }
        if (node instanceof ArrayShape) {
            return "array";
        }
        if (node instanceof StringShape) {
            return "string";
        }
        if (node instanceof NumberShape number) {
            return number.integer() ? "integer" : "number";
        }
        if (node instanceof BooleanShape) {
            return "boolean";
        }
        return "value";
    }
}
