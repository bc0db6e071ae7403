package dev.llmock.internal.shape;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import dev.llmock.Violation;

/** Turns the validator's errors into llmock's violations: JSON Pointer, what was expected, what was found. */
final class ViolationText {
    private ViolationText() {
    }

    static Violation of(Error error) {
        String at = error.getInstanceLocation() == null ? "" : error.getInstanceLocation().toString();
        JsonNode found = error.getInstanceNode();
        JsonNode schema = error.getSchemaNode();
        Object[] args = error.getArguments() == null ? new Object[0] : error.getArguments();
        String property = error.getProperty();
        String value = found == null ? "the value" : ShapeValidator.describe(found);
        String keyword = error.getKeyword() == null ? "" : error.getKeyword();
        return switch (keyword) {
            case "type" -> new Violation(at, "expected " + types(schema) + " but was " + value);
            case "required" -> new Violation(child(at, property), "missing required property \"" + property + "\"");
            case "additionalProperties" -> new Violation(child(at, property), "unexpected property \"" + property
                    + "\"; the schema allows no properties besides those it names");
            case "unevaluatedProperties" -> new Violation(child(at, property), "unexpected property \"" + property
                    + "\"; the schema allows no unevaluated properties");
            case "items", "unevaluatedItems", "additionalItems" -> new Violation(child(at, arg(args, 0)),
                    "unexpected item; the schema allows no further items here");
            case "const" -> new Violation(at, "expected the constant " + schema + " but was " + value);
            case "enum" -> new Violation(at, value + " is not one of " + schema);
            case "minimum" -> new Violation(at, value + " is below the minimum " + schema);
            case "maximum" -> new Violation(at, value + " is above the maximum " + schema);
            case "exclusiveMinimum" -> new Violation(at, value + " is not above the exclusive minimum " + arg(args, 0));
            case "exclusiveMaximum" -> new Violation(at, value + " is not below the exclusive maximum " + arg(args, 0));
            case "multipleOf" -> new Violation(at, value + " is not a multiple of " + schema);
            case "minLength" -> new Violation(at, value + " is shorter than minLength " + schema);
            case "maxLength" -> new Violation(at, value + " is longer than maxLength " + schema);
            case "pattern" -> new Violation(at, value + " does not match the pattern " + arg(args, 0));
            case "format" -> new Violation(at, value + " is not a valid " + schema.asText());
            case "minItems" -> new Violation(at, found.size() + " items, expected at least " + schema);
            case "maxItems" -> new Violation(at, found.size() + " items, expected at most " + schema);
            case "minProperties" -> new Violation(at, found.size() + " properties, expected at least " + schema);
            case "maxProperties" -> new Violation(at, found.size() + " properties, expected at most " + schema);
            case "uniqueItems" -> new Violation(at, "duplicate items; the items must be unique");
            case "minContains", "contains" -> new Violation(at, "expected at least " + arg(args, 0)
                    + " item(s) matching " + arg(args, 1));
            case "maxContains" -> new Violation(at, "expected at most " + arg(args, 0) + " item(s) matching "
                    + arg(args, 1));
            case "not" -> new Violation(at, value + " must not match " + schema);
            case "oneOf" -> new Violation(at, value + " matches " + arg(args, 0)
                    + " of the oneOf options; exactly one must match");
            case "anyOf" -> new Violation(at, value + " matches none of the anyOf options");
            case "dependentRequired" -> new Violation(child(at, arg(args, 0)), "missing property \"" + arg(args, 0)
                    + "\", required because \"" + arg(args, 1) + "\" is present");
            case "propertyNames" -> new Violation(child(at, property), "the property name \"" + property
                    + "\" is not valid: " + arg(args, 1));
            case "false" -> new Violation(at, "no value is allowed here: the schema is false");
            default -> new Violation(at, error.getMessage());
        };
    }

    private static String types(JsonNode schema) {
        if (schema != null && schema.isArray()) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < schema.size(); i++) {
                text.append(i == 0 ? "" : i == schema.size() - 1 ? " or " : ", ").append(schema.get(i).asText());
            }
            return text.toString();
        }
        return schema == null ? "another type" : schema.asText();
    }

    private static String arg(Object[] args, int index) {
        return index < args.length ? String.valueOf(args[index]) : "?";
    }

    private static String child(String at, String name) {
        return name == null ? at : at + "/" + name.replace("~", "~0").replace("/", "~1");
    }
}
