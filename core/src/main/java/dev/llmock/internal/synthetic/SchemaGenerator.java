package dev.llmock.internal.synthetic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.llmock.internal.Json;
import dev.llmock.internal.shape.SchemaDocument;
import dev.llmock.internal.shape.SchemaIndex;
import dev.llmock.internal.shape.SchemaIndex.Located;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.datafaker.Faker;

/**
 * Generates one instance of a JSON Schema: each place gets a value for every schema that applies there (see
 * {@link Conjunction}), chosen from the field name where the schema leaves room (names, emails, cities ...), and
 * checked against those schemas before the generator moves on; a value that does not fit is tried again with other
 * choices. What still does not fit is {@link Unsatisfied}, naming the keyword. Objects, arrays and the trying live
 * here; numbers and strings in their own classes.
 */
final class SchemaGenerator {
    /** Tries per place before giving up there. */
    private static final int TRIES = 6;
    /** From this depth on only what the schema requires is generated, so recursive schemas end. */
    private static final int DEEP = 4;
    private static final int TOO_DEEP = 40;
    /** Values one record may try in all, so that nested retries cannot multiply without end. */
    private static final int BUDGET = 20_000;
    private static final List<JsonTypes> DEFAULT_ORDER = List.of(JsonTypes.STRING, JsonTypes.INTEGER,
            JsonTypes.NUMBER, JsonTypes.BOOLEAN, JsonTypes.OBJECT, JsonTypes.ARRAY, JsonTypes.NULL);

    private final SchemaDocument document;
    private final SchemaIndex index;
    private final Faker faker;
    private final Random random;
    private final RecordContext record;
    private final SchemaStrings strings;
    private int budget = BUDGET;

    SchemaGenerator(SchemaDocument document, Faker faker, Random random, RecordContext record) {
        this.document = document;
        this.index = document.index();
        this.faker = faker;
        this.random = random;
        this.record = record;
        this.strings = new SchemaStrings(faker, random, record);
    }

    /** One instance of the whole document. */
    JsonNode root() {
        return value(new Place(List.of(index.root()), List.of(), "", "", ObjectKind.OTHER,
                new NamedValues.AddressHolder(record), List.of(), 0));
    }

    /** What applies at one place of the instance: the schemas it must match and those it must not. */
    private record Place(List<Located> schemas, List<Located> avoid, String at, String name, ObjectKind kind,
                         NamedValues.AddressHolder address, List<URI> scope, int depth) {
        Place child(List<Located> childSchemas, List<Located> childAvoid, String pointer, String childName,
                    ObjectKind childKind, NamedValues.AddressHolder childAddress, List<URI> childScope) {
            return new Place(childSchemas, childAvoid, pointer, childName, childKind, childAddress, childScope,
                    depth + 1);
        }
    }

    private JsonNode value(Place place) {
        if (place.depth() > TOO_DEEP) {
            throw new Unsatisfied("$ref", place.schemas().get(0).pointer(), place.at(),
                    "the schema requires values nested deeper than " + TOO_DEEP + " levels", true);
        }
        if (--budget < 0) {
            throw new Unsatisfied(place.schemas().isEmpty() ? "" : "anyOf", place.schemas().isEmpty() ? ""
                    : place.schemas().get(0).pointer(), place.at(), "no combination of choices fitted within "
                    + BUDGET + " tries", true);
        }
        Unsatisfied last = null;
        for (int attempt = 0; attempt < TRIES; attempt++) {
            try {
                Conjunction conjunction = Conjunction.of(place.schemas(), index, random, place.scope(), place.at());
                for (JsonNode candidate : candidates(conjunction, place, attempt)) {
                    Unsatisfied problem = check(place, conjunction, candidate);
                    if (problem == null) {
                        return candidate;
                    }
                    last = problem;
                }
            } catch (Unsatisfied e) {
                if (e.last()) {
                    throw e;
                }
                last = e;
            }
        }
        throw last;
    }

    private Unsatisfied check(Place place, Conjunction conjunction, JsonNode candidate) {
        for (Located schema : place.schemas()) {
            SchemaDocument.Problem problem = document.problem(schema.pointer(), candidate);
            if (problem != null) {
                return new Unsatisfied(problem.keyword(), problem.schemaPointer(), place.at(),
                        problem.violation().reason());
            }
        }
        List<Located> avoid = new ArrayList<>(conjunction.nots());
        avoid.addAll(place.avoid());
        for (Located not : avoid) {
            if (document.fits(not.pointer(), candidate)) {
                return new Unsatisfied("not", not.pointer(), place.at(), Json.compact(candidate)
                        + " matches a schema it must not match");
            }
        }
        return null;
    }

    /** The values to try: every allowed constant, else one generated value of a type the schema allows. */
    private List<JsonNode> candidates(Conjunction conjunction, Place place, int attempt) {
        List<Map.Entry<Located, JsonNode>> consts = conjunction.values("const");
        if (!consts.isEmpty()) {
            return List.of(consts.get(0).getValue().deepCopy());
        }
        List<Map.Entry<Located, JsonNode>> enums = conjunction.values("enum");
        if (!enums.isEmpty()) {
            List<JsonNode> options = new ArrayList<>();
            for (JsonNode option : enums.get(0).getValue()) {
                if (enums.stream().allMatch(e -> contains(e.getValue(), option))) {
                    options.add(option.deepCopy());
                }
            }
            if (options.isEmpty()) {
                throw new Unsatisfied("enum", enums.get(0).getKey().pointer() + "/enum", place.at(),
                        "no value is in every enum that applies here");
            }
            Collections.shuffle(options, random);
            return options;
        }
        EnumSet<JsonTypes> allowed = JsonTypes.allowed(conjunction);
        if (allowed.isEmpty()) {
            Located typed = conjunction.values("type").isEmpty() ? place.schemas().get(0)
                    : conjunction.values("type").get(0).getKey();
            throw new Unsatisfied("type", typed.pointer() + "/type", place.at(),
                    "the types that apply here have none in common");
        }
        List<JsonTypes> order = JsonTypes.order(allowed, conjunction, DEFAULT_ORDER);
        JsonTypes type = order.get(attempt % order.size());
        return List.of(typed(type, conjunction, place, attempt));
    }

    private JsonNode typed(JsonTypes type, Conjunction conjunction, Place place, int attempt) {
        return switch (type) {
            case OBJECT -> object(conjunction, place, attempt);
            case ARRAY -> array(conjunction, place, attempt);
            case STRING -> TextNode.valueOf(strings.string(conjunction, place.name(), place.kind(), place.address(),
                    place.at()));
            case INTEGER -> SchemaNumbers.number(conjunction, true, named(true, place.name()), random, place.at());
            case NUMBER -> SchemaNumbers.number(conjunction, false, named(false, place.name()), random, place.at());
            case BOOLEAN -> {
                Boolean named = NamedValues.bool(place.name(), faker);
                yield BooleanNode.valueOf(named != null ? named : random.nextBoolean());
            }
            case NULL -> NullNode.getInstance();
        };
    }

    private BigDecimal named(boolean integer, String name) {
        if (name.isEmpty()) {
            return null;
        }
        if (integer) {
            Long value = NamedValues.integer(name, faker, record);
            return value == null ? null : BigDecimal.valueOf(value);
        }
        Double value = NamedValues.decimal(name, faker);
        return value == null ? null : BigDecimal.valueOf(value);
    }

    private ObjectNode object(Conjunction conjunction, Place place, int attempt) {
        ObjectPlan plan = new ObjectPlan(conjunction, document, strings, place.at());
        plan.choose(place.depth() >= DEEP, attempt, this::propertyName);
        ObjectKind kind = ObjectKind.of(plan.names());
        NamedValues.AddressHolder address = new NamedValues.AddressHolder(record, AddressPart.of(plan.names()));
        ObjectNode node = Json.MAPPER.createObjectNode();
        for (String name : plan.names()) {
            node.set(name, value(place.child(plan.schemasOf(name), List.of(), place.at() + "/" + escape(name), name,
                    kind, address, conjunction.scope())));
        }
        return node;
    }

    /** A new property name that the {@code propertyNames} schemas accept, or a plain word when there are none. */
    private String propertyName(List<Located> propertyNames, String at) {
        if (propertyNames.isEmpty()) {
            return faker.lorem().word();
        }
        JsonNode name = value(new Place(propertyNames, List.of(), at, "", ObjectKind.OTHER,
                new NamedValues.AddressHolder(record), List.of(), DEEP));
        return name.isTextual() ? name.asText() : null;
    }

    private ArrayNode array(Conjunction conjunction, Place place, int attempt) {
        ArrayPlan plan = new ArrayPlan(conjunction, place.at());
        int size = plan.size(place.depth() >= DEEP, attempt, random);
        String itemName = FieldNames.singular(place.name());
        ArrayNode node = Json.MAPPER.createArrayNode();
        for (int i = 0; i < size; i++) {
            JsonNode item = null;
            for (int tries = 0; tries < 10 && item == null; tries++) {
                // each item is someone else, somewhere else: an array of people holds different people
                Place itemPlace = place.child(plan.schemasAt(i, size), plan.avoidAt(i, size), place.at() + "/" + i,
                        itemName, place.kind(), new NamedValues.AddressHolder(record), conjunction.scope());
                JsonNode candidate = record.asAnotherIdentity(() -> value(itemPlace));
                if (!plan.unique() || !contains(node, candidate)) {
                    item = candidate;
                }
            }
            if (item == null) {
                throw new Unsatisfied("uniqueItems", plan.uniquePointer(), place.at(),
                        "no further distinct item could be made");
            }
            node.add(item);
        }
        return node;
    }

    private static boolean contains(JsonNode values, JsonNode option) {
        for (JsonNode value : values) {
            if (SameValue.of(value, option)) {
                return true;
            }
        }
        return false;
    }

    static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
