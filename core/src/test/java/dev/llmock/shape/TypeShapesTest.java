package dev.llmock.shape;

import static dev.llmock.shape.JsonSchemaTest.linked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.llmock.Shape;
import dev.llmock.ShapeException;
import dev.llmock.internal.shape.ShapeAccess;
import dev.llmock.internal.shape.ShapeNode.ArrayShape;
import dev.llmock.internal.shape.ShapeNode.BooleanShape;
import dev.llmock.internal.shape.ShapeNode.MapShape;
import dev.llmock.internal.shape.ShapeNode.NullableShape;
import dev.llmock.internal.shape.ShapeNode.NumberShape;
import dev.llmock.internal.shape.ShapeNode.ObjectShape;
import dev.llmock.internal.shape.ShapeNode.StringShape;
import dev.llmock.internal.shape.ShapeNode;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TypeShapesTest {

    enum Status { ACTIVE, SUSPENDED, @JsonProperty("gone") DELETED }

    record Everything(String name, int age, Integer count, long big, double ratio, Float small, BigDecimal price,
                      boolean active, UUID id, LocalDate born, Instant seen, OffsetDateTime updated, Status status,
                      List<String> tags, Set<Integer> codes, int[] numbers, Optional<String> nickname,
                      Map<String, Double> scores) {
    }

    @Test
    void recordBecomesAnObjectOfItsComponents() {
        Shape shape = Shape.of(Everything.class);

        Map<String, ShapeNode> expected = linked(
                "name", StringShape.plain(),
                "age", NumberShape.integerShape(),
                "count", NumberShape.integerShape(),
                "big", NumberShape.integerShape(),
                "ratio", NumberShape.decimal(),
                "small", NumberShape.decimal(),
                "price", NumberShape.decimal(),
                "active", new BooleanShape(),
                "id", StringShape.format("uuid"),
                "born", StringShape.format("date"),
                "seen", StringShape.format("date-time"),
                "updated", StringShape.format("date-time"),
                "status", StringShape.oneOf(List.of("ACTIVE", "SUSPENDED", "gone")),
                "tags", new ArrayShape(StringShape.plain(), null, null, false),
                "codes", new ArrayShape(NumberShape.integerShape(), null, null, true),
                "numbers", new ArrayShape(NumberShape.integerShape(), null, null, false),
                "nickname", new NullableShape(StringShape.plain()),
                "scores", new MapShape(NumberShape.decimal(), null));
        Set<String> required = new java.util.LinkedHashSet<>(expected.keySet());
        required.remove("nickname");
        assertThat(ShapeAccess.node(shape)).isEqualTo(new ObjectShape(expected, required, null));
    }

    public static class Bean {
        private String title;
        private short rank;
        private List<Inner> items;

        public String getTitle() {
            return title;
        }

        public void setTitle(String title) {
            this.title = title;
        }

        public short getRank() {
            return rank;
        }

        public void setRank(short rank) {
            this.rank = rank;
        }

        public List<Inner> getItems() {
            return items;
        }

        public void setItems(List<Inner> items) {
            this.items = items;
        }
    }

    record Inner(char grade, byte level) {
    }

    @Test
    void beanBecomesAnObjectOfItsProperties() {
        Shape shape = Shape.of(Bean.class);

        ObjectShape inner = new ObjectShape(linked(
                "grade", StringShape.plain().withLength(1, 1),
                "level", new NumberShape(true, BigDecimal.valueOf(-128), BigDecimal.valueOf(127))),
                Set.of("grade", "level"), null);
        ObjectShape node = (ObjectShape) ShapeAccess.node(shape);
        assertThat(node.properties()).isEqualTo(linked(
                "title", StringShape.plain(),
                "rank", new NumberShape(true, BigDecimal.valueOf(Short.MIN_VALUE), BigDecimal.valueOf(Short.MAX_VALUE)),
                "items", new ArrayShape(inner, null, null, false)));
        assertThat(node.required()).containsExactlyInAnyOrder("title", "rank", "items");
    }

    @Test
    void scalarsEnumsAndCollectionsHaveShapesOfTheirOwn() {
        assertThat(ShapeAccess.node(Shape.of(String.class))).isEqualTo(StringShape.plain());
        assertThat(ShapeAccess.node(Shape.of(long.class))).isEqualTo(NumberShape.integerShape());
        assertThat(ShapeAccess.node(Shape.of(BigDecimal.class))).isEqualTo(NumberShape.decimal());
        assertThat(ShapeAccess.node(Shape.of(Status.class))).isEqualTo(StringShape.oneOf(List.of("ACTIVE", "SUSPENDED", "gone")));
        assertThat(ShapeAccess.node(Shape.of(new TypeReference<List<Inner>>() { }.getType())))
                .isInstanceOf(ArrayShape.class);
        assertThat(ShapeAccess.node(Shape.of(new TypeReference<Optional<UUID>>() { }.getType())))
                .isEqualTo(new NullableShape(StringShape.format("uuid")));
        assertThat(ShapeAccess.node(Shape.of(String[].class))).isEqualTo(new ArrayShape(StringShape.plain(), null, null, false));
    }

    record Constrained(
            @NotNull @Size(min = 2, max = 20) String name,
            @Min(18) @Max(120) int age,
            @DecimalMax("99.5") BigDecimal price,
            @Email String email,
            @Pattern(regexp = "[A-Z]{3}-\\d{4}") String code,
            @Past LocalDate born,
            @Future Instant expires,
            @Size(min = 1, max = 3) List<String> tags,
            @Size(max = 2) Map<String, String> labels) {
    }

    @Test
    void beanValidationAnnotationsBecomeConstraints() {
        ObjectShape node = (ObjectShape) ShapeAccess.node(Shape.of(Constrained.class));

        assertThat(node.properties()).isEqualTo(linked(
                "name", StringShape.plain().withLength(2, 20),
                "age", new NumberShape(true, BigDecimal.valueOf(18), BigDecimal.valueOf(120)),
                "price", new NumberShape(false, null, new BigDecimal("99.5")),
                "email", StringShape.format("email"),
                "code", StringShape.plain().withPattern("^(?:[A-Z]{3}-\\d{4})$"),
                "born", StringShape.format("date").withTime(ShapeNode.Temporal.PAST),
                "expires", StringShape.format("date-time").withTime(ShapeNode.Temporal.FUTURE),
                "tags", new ArrayShape(StringShape.plain(), 1, 3, false),
                "labels", new MapShape(StringShape.plain(), 2)));
        assertThat(node.required()).hasSize(9);
    }

    public static class ConstrainedBean {
        @Size(max = 5)
        private String code;
        @Min(1)
        private long quantity;

        public String getCode() {
            return code;
        }

        public long getQuantity() {
            return quantity;
        }
    }

    @Test
    void constraintsOnPrivateFieldsOfBeansCount() {
        ObjectShape node = (ObjectShape) ShapeAccess.node(Shape.of(ConstrainedBean.class));

        assertThat(node.properties()).isEqualTo(linked(
                "code", StringShape.plain().withLength(null, 5),
                "quantity", new NumberShape(true, BigDecimal.ONE, null)));
    }

    record Exclusive(@jakarta.validation.constraints.DecimalMin(value = "0", inclusive = false) BigDecimal price,
                     @jakarta.validation.constraints.DecimalMax(value = "10", inclusive = false) int count,
                     @jakarta.validation.constraints.DecimalMin("2.5") double ratio) {
    }

    @Test
    void exclusiveDecimalBoundsBecomeTheNearestValueInside() {
        ObjectShape node = (ObjectShape) ShapeAccess.node(Shape.of(Exclusive.class));

        assertThat(node.properties()).isEqualTo(linked(
                "price", new NumberShape(false, new BigDecimal("0.01"), null),
                "count", new NumberShape(true, null, BigDecimal.valueOf(9)),
                "ratio", new NumberShape(false, new BigDecimal("2.5"), null)));
    }

    record Node(String name, Node next) {
    }

    @Test
    void typeThatContainsItselfFailsClearly() {
        assertThatThrownBy(() -> Shape.of(Node.class))
                .isInstanceOf(ShapeException.class)
                .hasMessage("Cannot derive a shape from " + Node.class.getName() + ".next: Node contains itself, so its"
                        + " data has no end. Hold the nested value in a List, or give the shape explicitly.");
    }

    record Category(String name, List<Category> children) {
    }

    @Test
    void treeThroughAListEndsInEmptyLists() {
        ObjectShape node = (ObjectShape) ShapeAccess.node(Shape.of(Category.class));

        ArrayShape children = (ArrayShape) node.properties().get("children");
        assertThat(children.maxItems()).isZero();
        assertThat(Shape.of(Category.class).validate(json("{\"name\":\"a\",\"children\":[]}"))).isEmpty();
    }

    record Keyed(Map<Integer, String> byNumber) {
    }

    @Test
    void mapKeyedByANonStringFailsClearly() {
        assertThatThrownBy(() -> Shape.of(Keyed.class))
                .isInstanceOf(ShapeException.class)
                .hasMessage("Cannot derive a shape from " + Keyed.class.getName() + ".byNumber: JSON object keys are"
                        + " strings, but this map is keyed by java.lang.Integer. Use Map<String, ...>.");
    }

    @Test
    void typeWithoutFieldsFailsClearly() {
        assertThatThrownBy(() -> Shape.of(Object.class))
                .hasMessage("Cannot derive a shape from java.lang.Object (java.lang.Object): the type says nothing about"
                        + " its fields. Give the shape explicitly, e.g. shape = \"{\\\"name\\\":\\\"string\\\"}\".");
    }

    @Test
    void typeShapesRoundTripThroughJsonSchema() {
        for (Class<?> type : List.of(Everything.class, Bean.class, Constrained.class, Category.class)) {
            Shape shape = Shape.of(type);
            Shape back = Shape.fromJsonSchema(shape.toJsonSchema());
            assertThat(ShapeAccess.node(back)).as(type.getSimpleName()).isEqualTo(ShapeAccess.node(shape));
            assertThat(back.canonical()).as(type.getSimpleName()).isEqualTo(shape.canonical());
        }
    }

    static com.fasterxml.jackson.databind.JsonNode json(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
