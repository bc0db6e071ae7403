package dev.llmock.shape;

import dev.llmock.internal.shape.ShapeNode;
import dev.llmock.internal.shape.ShapeNode.ArrayShape;
import dev.llmock.internal.shape.ShapeNode.BooleanShape;
import dev.llmock.internal.shape.ShapeNode.MapShape;
import dev.llmock.internal.shape.ShapeNode.NullableShape;
import dev.llmock.internal.shape.ShapeNode.NumberShape;
import dev.llmock.internal.shape.ShapeNode.ObjectShape;
import dev.llmock.internal.shape.ShapeNode.StringShape;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A seeded generator of random, satisfiable shapes: objects, maps, arrays, enums, formats, bounds, lengths,
 * patterns and nullables, nested a few levels. Property names mix ones the synthetic backend knows (so its named
 * values must honour the constraints too) with arbitrary ones, including {@code /} and {@code ~}.
 */
final class RandomShapes {
    private static final List<String> NAMES = List.of("id", "userId", "name", "firstName", "lastName", "email",
            "phone", "street", "city", "state", "zip", "country", "company", "jobTitle", "price", "amount", "currency",
            "sku", "url", "username", "title", "description", "createdAt", "updatedAt", "birthDate", "age", "quantity",
            "rating", "latitude", "longitude", "ip", "color", "status", "tags", "year", "score", "percent", "code",
            "a/b", "x~y", "weird name", "value", "items", "note", "isActive", "deleted", "type");
    private static final List<String> FORMATS = List.of("date-time", "date", "email", "uuid", "uri");
    private static final List<String> PATTERNS = List.of("^[A-Z]{3}-[0-9]{4}$", "^[a-z]{5,8}$", "^\\d{3}-\\d{2}$",
            "^(red|green|blue)$", "^[A-Z][a-z]{2,6}$", "^ORD-[0-9]{6}$");
    private static final List<String> ENUM_WORDS = List.of("active", "inactive", "pending", "Gold", "silver",
            "two words", "a|b", "ünïcode", "x/y", "");

    private final Random random;

    RandomShapes(long seed) {
        this.random = new Random(seed);
    }

    ShapeNode root() {
        return random.nextInt(5) == 0 ? any(0) : object(0);
    }

    private ShapeNode any(int depth) {
        int kind = random.nextInt(depth >= 3 ? 6 : 10);
        ShapeNode node = switch (kind) {
            case 0, 1 -> string();
            case 2 -> number();
            case 3 -> new BooleanShape();
            case 4 -> enumeration();
            case 5 -> format();
            case 6, 7 -> object(depth + 1);
            case 8 -> array(depth + 1);
            default -> new MapShape(any(depth + 1), random.nextBoolean() ? null : 1 + random.nextInt(5));
        };
        return random.nextInt(8) == 0 ? new NullableShape(node) : node;
    }

    private ObjectShape object(int depth) {
        Map<String, ShapeNode> properties = new LinkedHashMap<>();
        int size = random.nextInt(7);
        for (int i = 0; i < size; i++) {
            String name = NAMES.get(random.nextInt(NAMES.size()));
            properties.put(random.nextInt(6) == 0 ? name + i : name, any(depth));
        }
        Set<String> required = new LinkedHashSet<>();
        for (String name : properties.keySet()) {
            if (random.nextInt(4) != 0) {
                required.add(name);
            }
        }
        return new ObjectShape(properties, required, random.nextInt(6) == 0 ? "Described " + random.nextInt(99) : null);
    }

    private ArrayShape array(int depth) {
        ShapeNode items = any(depth);
        Integer min = random.nextBoolean() ? null : random.nextInt(4);
        Integer max = random.nextBoolean() ? null : (min == null ? 0 : min) + random.nextInt(5);
        if (max != null && max == 0 && random.nextBoolean()) {
            max = 1;
        }
        // Uniqueness only where the items have room for it.
        boolean unique = random.nextInt(4) == 0 && (min == null || min <= 1);
        return new ArrayShape(items, min, max, unique);
    }

    private StringShape string() {
        StringShape shape = StringShape.plain();
        switch (random.nextInt(5)) {
            case 0 -> {
                Integer min = random.nextBoolean() ? null : random.nextInt(30);
                Integer max = random.nextBoolean() ? null : (min == null ? 1 : Math.max(1, min)) + random.nextInt(40);
                shape = shape.withLength(min, max);
            }
            case 1 -> shape = shape.withPattern(PATTERNS.get(random.nextInt(PATTERNS.size())));
            case 2 -> shape = new StringShape(null, List.of(), null, null, null, ShapeNode.Temporal.ANY,
                    "example " + random.nextInt(100));
            default -> {
                // plain
            }
        }
        return shape;
    }

    private StringShape enumeration() {
        List<String> values = new ArrayList<>();
        int size = 1 + random.nextInt(4);
        while (values.size() < size) {
            String word = ENUM_WORDS.get(random.nextInt(ENUM_WORDS.size()));
            if (!values.contains(word)) {
                values.add(word);
            }
        }
        return StringShape.oneOf(values);
    }

    private StringShape format() {
        String format = FORMATS.get(random.nextInt(FORMATS.size()));
        StringShape shape = StringShape.format(format);
        if ((format.equals("date") || format.equals("date-time")) && random.nextBoolean()) {
            shape = shape.withTime(random.nextBoolean() ? ShapeNode.Temporal.PAST : ShapeNode.Temporal.FUTURE);
        }
        if (random.nextInt(4) == 0) {
            // Realistic limits a schema puts on formatted strings, e.g. "format": "email", "maxLength": 254.
            shape = shape.withLength(null, 40 + random.nextInt(60));
        }
        return shape;
    }

    private NumberShape number() {
        boolean integer = random.nextBoolean();
        BigDecimal min = null;
        BigDecimal max = null;
        if (random.nextBoolean()) {
            min = bound(integer);
        }
        if (random.nextBoolean()) {
            max = bound(integer);
            if (min != null && max.compareTo(min) < 0) {
                BigDecimal swap = min;
                min = max;
                max = swap;
            }
        }
        if (integer && min != null && max != null && random.nextInt(5) == 0) {
            max = min;
        }
        return new NumberShape(integer, min, max);
    }

    private BigDecimal bound(boolean integer) {
        long whole = random.nextInt(5) == 0 ? random.nextInt(2_000_000) - 1_000_000L : random.nextInt(200) - 50L;
        if (integer) {
            return BigDecimal.valueOf(whole);
        }
        return BigDecimal.valueOf(whole * 100 + random.nextInt(100), 2);
    }
}
