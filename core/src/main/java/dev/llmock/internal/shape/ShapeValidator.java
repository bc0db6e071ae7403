package dev.llmock.internal.shape;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.Violation;
import dev.llmock.internal.shape.ShapeNode.ArrayShape;
import dev.llmock.internal.shape.ShapeNode.BooleanShape;
import dev.llmock.internal.shape.ShapeNode.MapShape;
import dev.llmock.internal.shape.ShapeNode.NullableShape;
import dev.llmock.internal.shape.ShapeNode.NumberShape;
import dev.llmock.internal.shape.ShapeNode.ObjectShape;
import dev.llmock.internal.shape.ShapeNode.StringShape;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks a JSON value against a shape and lists every violation, each with its JSON Pointer. */
public final class ShapeValidator {
    private static final Pattern UUID = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private final Clock clock;
    private final boolean timesOnly;
    private final List<Violation> violations = new ArrayList<>();

    private ShapeValidator(Clock clock, boolean timesOnly) {
        this.clock = clock;
        this.timesOnly = timesOnly;
    }

    public static List<Violation> validate(ShapeNode shape, JsonNode value, Clock clock) {
        ShapeValidator validator = new ShapeValidator(clock, false);
        validator.check(shape, value, At.ROOT);
        return List.copyOf(validator.violations);
    }

    /**
     * Only llmock's past/future rule ({@code x-llmock-time}, from {@code @Past}/{@code @Future}), which JSON Schema
     * validators do not know; the schema's own validator judges everything else.
     */
    static List<Violation> times(ShapeNode shape, JsonNode value, Clock clock) {
        ShapeValidator validator = new ShapeValidator(clock, true);
        validator.check(shape, value, At.ROOT);
        return List.copyOf(validator.violations);
    }

    private void check(ShapeNode shape, JsonNode value, At pointer) {
        if (shape instanceof ShapeNode.AnyShape) {
            return;
        }
        if (shape instanceof NullableShape nullable) {
            if (!value.isNull()) {
                check(nullable.value(), value, pointer);
            }
        } else if (value.isNull()) {
            fail(pointer, "expected " + shape.describe() + " but was null");
        } else if (shape instanceof ObjectShape object) {
            object(object, value, pointer);
        } else if (shape instanceof MapShape map) {
            map(map, value, pointer);
        } else if (shape instanceof ArrayShape array) {
            array(array, value, pointer);
        } else if (shape instanceof StringShape string) {
            string(string, value, pointer);
        } else if (shape instanceof NumberShape number) {
            number(number, value, pointer);
        } else if (shape instanceof ShapeNode.DistributionShape distribution) {
            number(distribution.number(), value, pointer);
        } else if (shape instanceof ShapeNode.WeightedShape weighted) {
            string(weighted.string(), value, pointer);
        } else if (shape instanceof BooleanShape && !value.isBoolean()) {
            fail(pointer, "expected boolean but was " + describe(value));
        }
    }

    private void object(ObjectShape shape, JsonNode value, At pointer) {
        if (!value.isObject()) {
            fail(pointer, "expected object but was " + describe(value));
            return;
        }
        int present = 0;
        for (Map.Entry<String, ShapeNode> property : shape.properties().entrySet()) {
            JsonNode child = value.get(property.getKey());
            At childPointer = pointer.child(property.getKey());
            if (child == null) {
                if (shape.required().contains(property.getKey())) {
                    fail(childPointer, "missing required property \"" + property.getKey() + "\" ("
                            + property.getValue().describe() + ")");
                }
            } else {
                present++;
                check(property.getValue(), child, childPointer);
            }
        }
        if (present == value.size()) {
            return; // every property of the value is one of the shape's: none is unexpected
        }
        for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!shape.properties().containsKey(name)) {
                fail(pointer.child(name), "unexpected property \"" + name + "\"; the shape allows only "
                        + shape.properties().keySet());
            }
        }
    }

    private void map(MapShape shape, JsonNode value, At pointer) {
        if (!value.isObject()) {
            fail(pointer, "expected object but was " + describe(value));
            return;
        }
        if (shape.maxProperties() != null && value.size() > shape.maxProperties()) {
            fail(pointer, value.size() + " properties, expected at most " + shape.maxProperties());
        }
        value.fields().forEachRemaining(e -> check(shape.values(), e.getValue(), pointer.child(e.getKey())));
    }

    private void array(ArrayShape shape, JsonNode value, At pointer) {
        if (!value.isArray()) {
            fail(pointer, "expected array but was " + describe(value));
            return;
        }
        if (shape.minItems() != null && value.size() < shape.minItems()) {
            fail(pointer, value.size() + " items, expected at least " + shape.minItems());
        }
        if (shape.maxItems() != null && value.size() > shape.maxItems()) {
            fail(pointer, value.size() + " items, expected at most " + shape.maxItems());
        }
        Set<JsonNode> seen = new HashSet<>();
        for (int i = 0; i < value.size(); i++) {
            check(shape.items(), value.get(i), pointer.item(i));
            if (shape.uniqueItems() && !seen.add(value.get(i))) {
                fail(pointer.item(i), "duplicate item; the items must be unique");
            }
        }
    }

    private void string(StringShape shape, JsonNode value, At pointer) {
        if (!value.isTextual()) {
            fail(pointer, "expected " + shape.describe() + " but was " + describe(value));
            return;
        }
        String text = value.asText();
        if (!shape.enumValues().isEmpty() && !shape.enumValues().contains(text)) {
            fail(pointer, "\"" + text + "\" is not one of " + String.join("|", shape.enumValues()));
        }
        int length = text.codePointCount(0, text.length());
        if (shape.minLength() != null && length < shape.minLength()) {
            fail(pointer, "length " + length + " is below minLength " + shape.minLength());
        }
        if (shape.maxLength() != null && length > shape.maxLength()) {
            fail(pointer, "length " + length + " is above maxLength " + shape.maxLength());
        }
        if (shape.pattern() != null && !EcmaRegex.finds(shape.pattern(), text)) {
            fail(pointer, "\"" + text + "\" does not match the pattern " + shape.pattern());
        }
        if (shape.format() != null) {
            format(shape, text, pointer);
        }
    }

    private void format(StringShape shape, String text, At pointer) {
        switch (shape.format()) {
            case "date-time" -> {
                Instant instant = parseDateTime(text);
                if (instant == null && !timesOnly) {
                    fail(pointer, "\"" + text + "\" is not an ISO-8601 date-time such as 2024-05-01T12:30:00Z");
                } else if (instant != null) {
                    when(shape, instant, text, pointer);
                }
            }
            case "date" -> {
                try {
                    when(shape, LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC), text, pointer);
                } catch (DateTimeParseException e) {
                    fail(pointer, "\"" + text + "\" is not an ISO-8601 date such as 2024-05-01");
                }
            }
            case "email" -> {
                if (!isEmail(text)) {
                    fail(pointer, "\"" + text + "\" is not an email address");
                }
            }
            case "uuid" -> {
                if (!UUID.matcher(text).matches()) {
                    fail(pointer, "\"" + text + "\" is not a UUID");
                }
            }
            case "uri" -> {
                if (!isAbsoluteUri(text)) {
                    fail(pointer, "\"" + text + "\" is not an absolute URI such as https://example.com/x");
                }
            }
            default -> {
                // Formats llmock does not know are annotations, as JSON Schema says by default.
            }
        }
    }

    private void when(StringShape shape, Instant instant, String text, At pointer) {
        Instant now = clock.instant();
        if (shape.time() == ShapeNode.Temporal.PAST && !instant.isBefore(now)) {
            violations.add(new Violation(pointer.toString(), "\"" + text + "\" must be in the past"));
        } else if (shape.time() == ShapeNode.Temporal.FUTURE && !instant.isAfter(now)) {
            violations.add(new Violation(pointer.toString(), "\"" + text + "\" must be in the future"));
        }
    }

    private void number(NumberShape shape, JsonNode value, At pointer) {
        if (!value.isNumber()) {
            fail(pointer, "expected " + shape.describe() + " but was " + describe(value));
            return;
        }
        BigDecimal number = value.decimalValue();
        if (shape.integer() && !isWhole(value, number)) {
            fail(pointer, "expected integer but was " + value.asText());
        }
        if (shape.minimum() != null && number.compareTo(shape.minimum()) < 0) {
            fail(pointer, value.asText() + " is below the minimum " + shape.minimum().toPlainString());
        }
        if (shape.maximum() != null && number.compareTo(shape.maximum()) > 0) {
            fail(pointer, value.asText() + " is above the maximum " + shape.maximum().toPlainString());
        }
    }

    private static boolean isWhole(JsonNode value, BigDecimal number) {
        return value.isIntegralNumber() || number.stripTrailingZeros().scale() <= 0;
    }

    static Instant parseDateTime(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * Whether {@code text} is what {@code ^[^@\s]+@[^@\s]+\.[^@\s]+$} matches (a test compares the two): one {@code @}
     * with text before it, a dot after it with text on both sides, and no white space.
     */
    static boolean isEmail(String text) {
        int at = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r') {
                return false;
            }
            if (c == '@') {
                if (at >= 0) {
                    return false;
                }
                at = i;
            }
        }
        if (at <= 0) {
            return false;
        }
        int dot = text.indexOf('.', at + 2);
        return dot > 0 && dot < text.length() - 1;
    }

    private static boolean isAbsoluteUri(String text) {
        try {
            URI uri = new URI(text);
            return uri.isAbsolute() && uri.getScheme() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private void fail(At pointer, String reason) {
        if (timesOnly) {
            return;
        }
        violations.add(new Violation(pointer.toString(), reason));
    }

    static String describe(JsonNode value) {
        String text = value.isTextual() ? "\"" + value.asText() + "\"" : value.toString();
        if (text.length() > 60) {
            text = text.substring(0, 57) + "...";
        }
        return value.getNodeType().toString().toLowerCase() + " " + text;
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    /** Where a value is, written as a JSON Pointer only for a violation: most records have none. */
    private record At(At parent, String name) {
        static final At ROOT = new At(null, null);

        At child(String property) {
            return new At(this, property);
        }

        At item(int index) {
            return new At(this, Integer.toString(index));
        }

        @Override
        public String toString() {
            return parent == null ? "" : parent + "/" + escape(name);
        }
    }
}
