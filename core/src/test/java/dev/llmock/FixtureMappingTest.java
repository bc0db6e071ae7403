package dev.llmock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.llmock.internal.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Fixture#as} builds any type Jackson can build, with the user's mapper or one that has their modules. */
class FixtureMappingTest {
    private static final Provenance PROVENANCE = new Provenance(Provenance.Source.GENERATED, "b", "synthetic",
            "datafaker", 1, Duration.ZERO, null, null, Instant.EPOCH, null);

    /** As Lombok's {@code @Value} writes it: final fields, one all-arguments constructor, getters, no setters. */
    public static final class Money {
        private final String currency;
        private final BigDecimal amount;

        public Money(String currency, BigDecimal amount) {
            this.currency = currency;
            this.amount = amount;
        }

        public String getCurrency() {
            return currency;
        }

        public BigDecimal getAmount() {
            return amount;
        }
    }

    /** An immutable class with a constructor and accessors named as in records. */
    public static final class Invoice {
        private final String number;
        private final Money total;
        private final List<String> lines;

        public Invoice(String number, Money total, List<String> lines) {
            this.number = number;
            this.total = total;
            this.lines = List.copyOf(lines);
        }

        public String number() {
            return number;
        }

        public Money total() {
            return total;
        }

        public List<String> lines() {
            return lines;
        }
    }

    record Person(String firstName, String lastName) {
    }

    /** A value only a module registered through {@code META-INF/services} can read ("21.5 C"). */
    public record Temperature(double celsius) {
    }

    /** Listed in this module's test {@code META-INF/services/com.fasterxml.jackson.databind.Module}. */
    public static final class TemperatureModule extends SimpleModule {
        private static final long serialVersionUID = 1L;

        public TemperatureModule() {
            super("llmock-test-temperature");
            addDeserializer(Temperature.class, new StdDeserializer<>(Temperature.class) {
                private static final long serialVersionUID = 1L;

                @Override
                public Temperature deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                    String text = parser.getValueAsString();
                    return new Temperature(Double.parseDouble(text.substring(0, text.length() - 2)));
                }
            });
        }
    }

    @TempDir
    Path classes;

    @Test
    void immutableClassesWithoutSettersMapThroughTheirConstructor() {
        Fixture fixture = fixture("{\"number\":\"INV-7\",\"total\":{\"currency\":\"EUR\",\"amount\":12.50},"
                + "\"lines\":[\"coffee\",\"cake\"]}");

        Invoice invoice = fixture.as(Invoice.class);

        assertThat(invoice.number()).isEqualTo("INV-7");
        assertThat(invoice.total().getCurrency()).isEqualTo("EUR");
        assertThat(invoice.total().getAmount()).isEqualByComparingTo("12.50");
        assertThat(invoice.lines()).containsExactly("coffee", "cake");
    }

    @Test
    void modulesOnTheClassPathAreFound() {
        assertThat(fixture("\"21.5 C\"").as(Temperature.class)).isEqualTo(new Temperature(21.5));
    }

    @Test
    void theEnginesObjectMapperMapsItsFixtures() {
        JsonMapper snakeCase = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
        try (Llmock llmock = Llmock.newBuilder().objectMapper(snakeCase).build()) {
            Fixture fixture = llmock.generate(FixtureRequest.newBuilder()
                    .shape("{\"first_name\":\"string\",\"last_name\":\"string\"}").build());

            Person person = fixture.as(Person.class);

            assertThat(person.firstName()).isEqualTo(fixture.json().get("first_name").asText()).isNotBlank();
            assertThat(person.lastName()).isEqualTo(fixture.json().get("last_name").asText()).isNotBlank();
        }
    }

    @Test
    void theObjectMapperIsSetOnce() {
        Llmock.Builder builder = Llmock.newBuilder().objectMapper(JsonMapper.builder().build());

        assertThatThrownBy(() -> builder.objectMapper(JsonMapper.builder().build()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("objectMapper was already set on this builder; set each option once.");
    }

    @Test
    void aClassCompiledWithoutParameterNamesGetsAHintNamingTheCompilerFlag() throws Exception {
        Class<?> money = compile("acme.Money", """
                package acme;
                public final class Money {
                    private final String currency;
                    public Money(String currency) { this.currency = currency; }
                    public String getCurrency() { return currency; }
                }
                """);

        assertThatThrownBy(() -> fixture("{\"currency\":\"EUR\"}").as(money))
                .isInstanceOf(LlmockException.class)
                .hasMessage("The generated data does not map onto acme.Money: it has no no-argument constructor, and"
                        + " the names of its constructor's parameters are not in the class file, so Jackson cannot tell"
                        + " which value goes where. Compile it with -parameters (Maven: <parameters>true</parameters> in"
                        + " the maven-compiler-plugin's configuration; Gradle: options.compilerArgs.add(\"-parameters\")),"
                        + " or mark the constructor @JsonCreator and each parameter @JsonProperty(\"name\").");
    }

    @Test
    void aKotlinClassWithoutTheKotlinModuleGetsAHintNamingTheModule() throws Exception {
        // what kotlinc marks every class with; the real thing is tested in examples-kotlin
        Class<?> customer = compile("acme.Customer", """
                package acme;
                @kotlin.Metadata
                public final class Customer {
                    private final String name;
                    public Customer(String name) { this.name = name; }
                    public String getName() { return name; }
                }
                """, "kotlin.Metadata", """
                package kotlin;
                @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
                public @interface Metadata { }
                """);

        assertThatThrownBy(() -> fixture("{\"name\":\"Ada\"}").as(customer))
                .isInstanceOf(LlmockException.class)
                .hasMessage("The generated data does not map onto acme.Customer: it is a Kotlin class, which Jackson"
                        + " builds only with jackson-module-kotlin. Add com.fasterxml.jackson.module:jackson-module-kotlin"
                        + " (test scope, the version of your Jackson) to the build, and llmock finds it; or register"
                        + " KotlinModule on the ObjectMapper you give llmock.");
    }

    @Test
    void dataThatDoesNotFitStillPointsAtTheShape() {
        assertThatThrownBy(() -> fixture("{\"firstName\":[1]}").as(Person.class))
                .isInstanceOf(LlmockException.class)
                .hasMessageEndingWith(". Check that the shape matches the type (or leave the shape out, so llmock"
                        + " derives it from the type).");
    }

    private static Fixture fixture(String json) {
        try {
            return new Fixture(Json.MAPPER.readTree(json), PROVENANCE);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compiles the sources (name, text, name, text ...) without {@code -parameters} and loads the first. */
    private Class<?> compile(String... namesAndSources) throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Path sources = Files.createDirectories(classes.resolve("src"));
        Path output = Files.createDirectories(classes.resolve("out"));
        List<String> arguments = new ArrayList<>(List.of("-d", output.toString()));
        for (int i = 0; i < namesAndSources.length; i += 2) {
            Path file = sources.resolve(namesAndSources[i].replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, namesAndSources[i + 1]);
            arguments.add(file.toString());
        }
        assertThat(javac.run(null, null, null, arguments.toArray(String[]::new))).isZero();
        URLClassLoader loader = new URLClassLoader(new URL[] {output.toUri().toURL()}, getClass().getClassLoader());
        return loader.loadClass(namesAndSources[0]);
    }
}
