package dev.llmock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.internal.Json;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FixtureTest {
    record Address(String city, String zip) {
    }

    record User(UUID id, String name, String email, int age, BigDecimal balance, LocalDate birthDate, Instant createdAt,
                List<String> tags, Optional<String> nickname, Address address) {
    }

    private static final Provenance PROVENANCE = new Provenance(Provenance.Source.GENERATED, "b", "synthetic",
            "datafaker", 1, Duration.ofMillis(3), null, null, Instant.EPOCH, null);

    @Test
    void mapsOntoTheTypeItsShapeCameFrom() {
        try (Llmock llmock = Llmock.newBuilder().build()) {
            User user = llmock.generate(FixtureRequest.newBuilder().shapeOf(User.class).build()).as(User.class);

            assertThat(user.id()).isNotNull();
            assertThat(user.email()).contains("@");
            assertThat(user.age()).isBetween(18, 90);
            assertThat(user.birthDate()).isBefore(LocalDate.of(2010, 1, 1));
            assertThat(user.address().city()).isNotBlank();
        }
    }

    @Test
    void mapsManyRecordsOntoAGenericList() {
        try (Llmock llmock = Llmock.newBuilder().build()) {
            Fixture fixture = llmock.generate(FixtureRequest.newBuilder().shapeOf(User.class).count(4).build());

            List<User> users = fixture.as(new TypeReference<List<User>>() { });
            assertThat(users).hasSize(4).doesNotContainNull();
            List<User> again = fixture.as(new TypeReference<List<User>>() { }.getType());
            assertThat(again).isEqualTo(users);
        }
    }

    @Test
    void mappingErrorSaysWhatDidNotMapAndHowToFixIt() {
        Fixture fixture = new Fixture(json("{\"age\":\"old\"}"), PROVENANCE);

        assertThatThrownBy(() -> fixture.as(User.class))
                .isInstanceOf(LlmockException.class)
                .hasMessageStartingWith("The generated data does not map onto " + User.class.getName() + ": ")
                .hasMessageContaining("\"old\"")
                .hasMessageEndingWith(". Check that the shape matches the type (or leave the shape out, so llmock"
                        + " derives it from the type).")
                .hasMessageNotContaining("\n");
    }

    @Test
    void jsonIsACopyThatCallersMayChange() {
        Fixture fixture = new Fixture(json("{\"a\":1}"), PROVENANCE);

        ((ObjectNode) fixture.json()).put("a", 2);

        assertThat(fixture.json()).isEqualTo(json("{\"a\":1}"));
        assertThat(fixture.toString()).isEqualTo("{\"a\":1}");
    }

    @Test
    void provenanceRoundTripsThroughJsonAndSummarises() {
        Provenance provenance = new Provenance(Provenance.Source.GENERATED, "fast", "ollama", "llama3.2", 2,
                Duration.ofMillis(1234), 100L, null, Instant.parse("2025-01-02T03:04:05Z"), null)
                .withDetail("route", json("\"simple\""));

        assertThat(provenance.summary())
                .isEqualTo("generated backend=fast provider=ollama model=llama3.2 attempts=2 latency=1234ms tokens=100/?");
        assertThat(provenance.toJson().toString()).isEqualTo(json("{\"backend\":\"fast\",\"provider\":\"ollama\",\"model\":"
                + "\"llama3.2\",\"attempts\":2,\"latencyMs\":1234,\"promptTokens\":100,"
                + "\"recordedAt\":\"2025-01-02T03:04:05Z\",\"details\":{\"route\":\"simple\"}}").toString());
        assertThat(Provenance.fromJson(provenance.toJson(), Provenance.Source.REPLAYED))
                .isEqualTo(provenance.withSource(Provenance.Source.REPLAYED));
    }

    @Test
    void provenanceDetailsCannotBeChangedFromOutside() {
        Provenance provenance = PROVENANCE.withDetail("k", json("1"));

        provenance.details().put("k", 2);

        assertThat(provenance.details().get("k").asInt()).isEqualTo(1);
    }

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
