package dev.llmock.internal.synthetic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.llmock.internal.Json;
import dev.llmock.internal.shape.EcmaRegex;
import dev.llmock.internal.shape.ShapeNode;
import dev.llmock.internal.shape.ShapeNode.ArrayShape;
import dev.llmock.internal.shape.ShapeNode.BooleanShape;
import dev.llmock.internal.shape.ShapeNode.MapShape;
import dev.llmock.internal.shape.ShapeNode.NullableShape;
import dev.llmock.internal.shape.ShapeNode.NumberShape;
import dev.llmock.internal.shape.ShapeNode.ObjectShape;
import dev.llmock.internal.shape.ShapeNode.StringShape;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.datafaker.Faker;

/**
 * Fills a shape with realistic values: by field name first (through Datafaker), by type otherwise, always
 * within the shape's enums, formats, bounds and lengths. One generator per thread; it is reseeded per record,
 * so a record depends only on its seed.
 */
final class SyntheticGenerator {
    private static final int DEFAULT_MIN_ITEMS = 1;
    private static final int DEFAULT_MAX_ITEMS = 3;
    /** Per thread, one generator for each locale that thread has used. */
    private static final ThreadLocal<Map<SyntheticLocale, SyntheticGenerator>> PER_THREAD =
            ThreadLocal.withInitial(HashMap::new);

    /** Object shapes whose facts one thread keeps; past that it starts over (shapes come and go in a long run). */
    static final int MAX_OBJECT_SHAPES = 256;

    private final Random random = new Random(0);
    private final SyntheticLocale locale;
    private final Faker faker;
    /** By shape instance: records of one shape ask again and again, and a record may not compare shapes deeply. */
    private final Map<ObjectShape, ObjectFacts> objects = new IdentityHashMap<>();

    /** What an object shape's property names say: its kind and the address parts its fields ask for. */
    private record ObjectFacts(ObjectKind kind, Set<AddressPart> addressParts) {
    }

    private SyntheticGenerator(SyntheticLocale locale) {
        this.locale = locale;
        this.faker = new Faker(locale.dataLocale(), random);
    }

    static JsonNode record(ShapeNode shape, long seed, int index, JsonNode previous, SyntheticLocale locale) {
        return PER_THREAD.get().computeIfAbsent(locale, SyntheticGenerator::new).generate(shape, seed, index, previous);
    }

    private JsonNode generate(ShapeNode shape, long seed, int index, JsonNode previous) {
        random.setSeed(seed);
        RecordContext record = new RecordContext(faker, index, locale);
        JsonNode value = value(shape, "", ObjectKind.OTHER, record, new NamedValues.AddressHolder(record));
        return previous == null ? value : Keep.validValues(shape, value, previous);
    }

    private JsonNode value(ShapeNode shape, String name, ObjectKind kind, RecordContext record,
                           NamedValues.AddressHolder address) {
        if (shape instanceof NullableShape nullable) {
            return value(nullable.value(), name, kind, record, address);
        }
        if (shape instanceof ShapeNode.AnyShape) {
            // Only a JSON Schema's view has these, and its schema generates them; a merged view gets a named string.
            return TextNode.valueOf(string(StringShape.plain(), name, kind, record, address));
        }
        if (shape instanceof ShapeNode.DistributionShape distribution) {
            // The engine samples these from the distribution and fixes them; this is only a value in bounds.
            return number(distribution.number(), name, record);
        }
        if (shape instanceof ShapeNode.WeightedShape weighted) {
            return TextNode.valueOf(string(weighted.string(), name, kind, record, address));
        }
        if (shape instanceof ObjectShape object) {
            return object(object, record);
        }
        if (shape instanceof MapShape map) {
            ObjectNode node = Json.MAPPER.createObjectNode();
            int size = between(1, map.maxProperties() == null ? 3 : Math.min(3, map.maxProperties()));
            for (int i = 0; i < size; i++) {
                node.set(faker.lorem().word() + (i == 0 ? "" : String.valueOf(i)),
                        value(map.values(), name, kind, record, address));
            }
            return node;
        }
        if (shape instanceof ArrayShape array) {
            return array(array, name, kind, record);
        }
        if (shape instanceof StringShape string) {
            return TextNode.valueOf(string(string, name, kind, record, address));
        }
        if (shape instanceof NumberShape number) {
            return number(number, name, record);
        }
        if (shape instanceof BooleanShape) {
            Boolean named = NamedValues.bool(name, faker);
            return BooleanNode.valueOf(named != null ? named : random.nextBoolean());
        }
        throw new IllegalStateException("Unknown shape node " + shape);
    }

    private ObjectNode object(ObjectShape object, RecordContext record) {
        ObjectFacts facts = facts(object);
        ObjectKind kind = facts.kind();
        NamedValues.AddressHolder address = new NamedValues.AddressHolder(record, facts.addressParts());
        ObjectNode node = Json.MAPPER.createObjectNode();
        for (Map.Entry<String, ShapeNode> property : object.properties().entrySet()) {
            node.set(property.getKey(), value(property.getValue(), property.getKey(), kind, record, address));
        }
        return node;
    }

    private ObjectFacts facts(ObjectShape object) {
        ObjectFacts facts = objects.get(object);
        if (facts == null) {
            if (objects.size() >= MAX_OBJECT_SHAPES) {
                objects.clear();
            }
            Set<String> names = object.properties().keySet();
            facts = new ObjectFacts(ObjectKind.of(names), Collections.unmodifiableSet(AddressPart.of(names)));
            objects.put(object, facts);
        }
        return facts;
    }

    private ArrayNode array(ArrayShape array, String name, ObjectKind kind, RecordContext record) {
        int min = array.minItems() != null ? array.minItems()
                : array.maxItems() == null ? DEFAULT_MIN_ITEMS : Math.min(DEFAULT_MIN_ITEMS, array.maxItems());
        int max = array.maxItems() == null ? Math.max(min, DEFAULT_MAX_ITEMS) : array.maxItems();
        int size = between(min, Math.max(min, Math.min(max, Math.max(min, DEFAULT_MAX_ITEMS))));
        String itemName = FieldNames.singular(name);
        ArrayNode node = Json.MAPPER.createArrayNode();
        Set<JsonNode> seen = new HashSet<>();
        int tries = 0;
        while (node.size() < size && tries < size * 20) {
            tries++;
            // each item is someone else, somewhere else: an array of people holds different people
            JsonNode item = record.asAnotherIdentity(() -> value(array.items(), itemName, kind, record,
                    new NamedValues.AddressHolder(record)));
            if (!array.uniqueItems() || seen.add(item)) {
                node.add(item);
            }
        }
        return node;
    }

    private String string(StringShape shape, String name, ObjectKind kind, RecordContext record,
                          NamedValues.AddressHolder address) {
        if (!shape.enumValues().isEmpty()) {
            return shape.enumValues().get(random.nextInt(shape.enumValues().size()));
        }
        String text;
        if (shape.pattern() != null) {
            text = fromPattern(shape.pattern());
            if (text != null) {
                return text;
            }
        }
        if (shape.format() != null) {
            text = formatted(shape, name, record);
            if (text != null) {
                return fitFormatted(text, shape.format(), shape.maxLength());
            }
        }
        text = NamedValues.string(name, kind, faker, record, address);
        if (text == null) {
            text = faker.lorem().word() + " " + faker.lorem().word();
        }
        return fitLength(text, shape.minLength(), shape.maxLength());
    }

    private String formatted(StringShape shape, String name, RecordContext record) {
        switch (shape.format()) {
            case "date-time":
                return instant(shape, record).toString();
            case "date": {
                if (shape.time() == ShapeNode.Temporal.ANY || shape.time() == ShapeNode.Temporal.PAST) {
                    var birth = NamedValues.date(name, faker, record);
                    if (birth != null) {
                        return birth.toString();
                    }
                }
                return Values.toDate(instant(shape, record)).toString();
            }
            case "email":
                return record.person().email();
            case "uuid":
                return Values.uuid(faker.random()).toString();
            case "uri":
                return "https://www." + record.person().domain() + "/" + faker.internet().slug();
            default:
                return null;
        }
    }

    /** Shortens an email or URI to a schema's {@code maxLength} while keeping it an email or URI. */
    static String fitFormatted(String text, String format, Integer max) {
        if (max == null || text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        if ("email".equals(format) && text.indexOf('@') > 0) {
            String domain = "example.com";
            String local = text.substring(0, text.indexOf('@'));
            int room = max - domain.length() - 1;
            if (room < 1) {
                return text; // no address fits; validation names the violation
            }
            String cut = local.substring(0, Math.min(local.length(), room)).replaceAll("\\.+$", "");
            return (cut.isEmpty() ? local.substring(0, 1) : cut) + "@" + domain;
        }
        if ("uri".equals(format)) {
            int path = text.indexOf('/', "https://".length());
            String site = path < 0 ? text : text.substring(0, path);
            return site.length() <= max ? site : "https://example.com";
        }
        return text;
    }

    private Instant instant(StringShape shape, RecordContext record) {
        return shape.time() == ShapeNode.Temporal.FUTURE ? Values.futureInstant(faker.random())
                : Values.pastInstant(faker.random(), record);
    }

    private String fromPattern(String pattern) {
        String regex = pattern;
        if (regex.startsWith("^")) {
            regex = regex.substring(1);
        }
        if (regex.endsWith("$") && !regex.endsWith("\\$")) {
            regex = regex.substring(0, regex.length() - 1);
        }
        try {
            String text = faker.regexify(regex);
            return EcmaRegex.finds(pattern, text) ? text : null;
        } catch (RuntimeException e) {
            return null; // a pattern Datafaker cannot invert: fall back to a named value and let validation judge
        }
    }

    private String fitLength(String text, Integer minLength, Integer maxLength) {
        if (minLength == null && (maxLength == null || text.length() <= maxLength)) {
            return text; // no char sequence has more code points than chars
        }
        StringBuilder result = new StringBuilder(text);
        if (minLength != null) {
            while (result.codePointCount(0, result.length()) < minLength) {
                result.append(' ').append(faker.lorem().word());
            }
        }
        if (maxLength != null && result.codePointCount(0, result.length()) > maxLength) {
            int end = result.offsetByCodePoints(0, maxLength);
            String cut = result.substring(0, end).stripTrailing();
            int cutLength = cut.codePointCount(0, cut.length());
            if (minLength != null && cutLength < minLength) {
                cut = result.substring(0, end);
            }
            return cut;
        }
        return result.toString();
    }

    private JsonNode number(NumberShape shape, String name, RecordContext record) {
        if (shape.integer()) {
            Long named = NamedValues.integer(name, faker, record);
            long min = shape.minimum() == null ? Long.MIN_VALUE : shape.minimum().setScale(0, RoundingMode.CEILING).longValue();
            long max = shape.maximum() == null ? Long.MAX_VALUE : shape.maximum().setScale(0, RoundingMode.FLOOR).longValue();
            long value = named != null ? named : faker.number().numberBetween(1L, 1001L);
            if (value < min || value > max) {
                long low = Math.max(min, shape.maximum() == null ? min : max - 1000);
                long high = Math.min(max, shape.minimum() == null ? max : min + 1000);
                value = low >= high ? low : low + Math.floorMod(random.nextLong(), high - low + 1);
            }
            return LongNode.valueOf(value);
        }
        Double named = NamedValues.decimal(name, faker);
        double value = named != null ? named : faker.number().numberBetween(0, 100_000) / 100.0;
        BigDecimal exact = BigDecimal.valueOf(value);
        BigDecimal decimal = exact.setScale(Math.max(2, exact.scale()), RoundingMode.HALF_UP);
        BigDecimal min = shape.minimum();
        BigDecimal max = shape.maximum();
        if (min != null && decimal.compareTo(min) < 0 || max != null && decimal.compareTo(max) > 0) {
            BigDecimal low = min != null ? min : max.subtract(BigDecimal.valueOf(1000));
            BigDecimal high = max != null ? max : min.add(BigDecimal.valueOf(1000));
            decimal = low.add(high.subtract(low).multiply(BigDecimal.valueOf(random.nextDouble())))
                    .setScale(2, RoundingMode.DOWN);
            if (decimal.compareTo(low) < 0) {
                decimal = low;
            }
        }
        return DecimalNode.valueOf(decimal);
    }

    private int between(int min, int max) {
        return max <= min ? min : min + random.nextInt(max - min + 1);
    }
}
