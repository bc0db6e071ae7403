package dev.llmock.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.llmock.ConfigException;
import dev.llmock.FixtureRequest;
import dev.llmock.Llmock;
import dev.llmock.LlmockConfig;
import dev.llmock.Shape;
import dev.llmock.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.datafaker.Faker;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** Every item of an array is someone of its own; the synthetic backend's {@code locale} chooses the country. */
class IdentityAndLocaleTest {
    private static final String PERSON = "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},"
            + "\"email\":{\"type\":\"string\",\"format\":\"email\"}},\"required\":[\"name\",\"email\"],"
            + "\"additionalProperties\":false}";
    private static final List<String> GERMAN_STATES = List.of("Baden-Württemberg", "Bayern", "Berlin", "Brandenburg",
            "Bremen", "Hamburg", "Hessen", "Mecklenburg-Vorpommern", "Niedersachsen", "Nordrhein-Westfalen",
            "Rheinland-Pfalz", "Saarland", "Sachsen", "Sachsen-Anhalt", "Schleswig-Holstein", "Thüringen");

    private static Llmock engine(String config, long seed) {
        return Llmock.newBuilder().config(LlmockConfig.parse(config, "llmock.json")).seed(seed).build();
    }

    private static JsonNode generate(Llmock llmock, String backend, String shape, int count) {
        return llmock.generate(FixtureRequest.newBuilder().shape(shape).backend(backend).count(count).build()).json();
    }

    private static JsonNode generate(String shape, int count) {
        try (Llmock llmock = Llmock.newBuilder().seed(3).build()) {
            return generate(llmock, "", shape, count);
        }
    }

    private static String ascii(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("[^\\p{ASCII}]", "")
                .replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    }

    /** The email belongs to the item's own name, and no two items share a name or an email. */
    private static void assertDifferentPeople(JsonNode people) {
        Set<String> names = new HashSet<>();
        Set<String> emails = new HashSet<>();
        for (JsonNode person : people) {
            String name = person.get("name").asText();
            String email = person.get("email").asText();
            assertThat(names.add(name)).as("a second %s in %s", name, people).isTrue();
            assertThat(emails.add(email)).as("a second %s in %s", email, people).isTrue();
            String last = name.substring(name.lastIndexOf(' ') + 1);
            assertThat(email.substring(0, email.indexOf('@'))).as(person.toString()).contains(ascii(last));
        }
    }

    @Test
    void eachPersonInATemplatesArrayHasANameAndEmailOfTheirOwn() {
        JsonNode teams = generate("{\"team\":\"string\",\"members\":[{\"name\":\"string\",\"email\":\"email\"}]}", 40);

        int checked = 0;
        for (JsonNode team : teams) {
            if (team.get("members").size() > 1) {
                assertDifferentPeople(team.get("members"));
                checked++;
            }
        }
        assertThat(checked).as("teams with more than one member").isGreaterThan(10);
    }

    @Test
    void eachPersonInAJsonSchemasArrayHasANameAndEmailOfTheirOwn() {
        JsonNode team = generate("{\"type\":\"object\",\"properties\":{\"members\":{\"type\":\"array\",\"minItems\":6,"
                + "\"maxItems\":6,\"items\":" + PERSON + "}},\"required\":[\"members\"]}", 1);

        assertThat(team.get("members")).hasSize(6);
        assertDifferentPeople(team.get("members"));
    }

    @Test
    void theRecordKeepsItsOwnPersonBesideTheArrayOfOthers() {
        JsonNode owner = generate("{\"name\":\"string\",\"email\":\"email\",\"friends\":[{\"name\":\"string\","
                + "\"email\":\"email\"}]}", 1);

        String name = owner.get("name").asText();
        assertThat(owner.get("email").asText()).contains(ascii(name.substring(name.lastIndexOf(' ') + 1)));
        owner.get("friends").forEach(friend -> assertThat(friend.get("name").asText()).isNotEqualTo(name));
    }

    @Test
    void aUniqueItemsArrayOfPeopleIsGeneratedAndDuplicatesAreCaught() {
        String schema = "{\"type\":\"array\",\"uniqueItems\":true,\"minItems\":8,\"maxItems\":8,\"items\":" + PERSON
                + "}";
        Shape shape = Shape.parse(schema);

        JsonNode people = generate(schema, 1);

        assertThat(people).hasSize(8);
        assertThat(shape.validate(people)).isEmpty();
        assertDifferentPeople(people);
        JsonNode twice = Json.MAPPER.createArrayNode().add(people.get(0)).add(people.get(0)).add(people.get(1))
                .add(people.get(2)).add(people.get(3)).add(people.get(4)).add(people.get(5)).add(people.get(6));
        assertThat(shape.validate(twice)).singleElement()
                .hasToString("(root): duplicate items; the items must be unique");
    }

    record Member(String name, String email) {
    }

    record Team(String name, Set<Member> members) {
    }

    @Test
    void aSetOfPeopleInAJavaTypeHoldsDifferentPeople() {
        try (Llmock llmock = Llmock.newBuilder().seed(11).build()) {
            List<Team> teams = llmock.generate(FixtureRequest.newBuilder().shape(Shape.of(Team.class)).count(30)
                    .build()).as(new TypeReference<List<Team>>() { });

            int checked = 0;
            for (Team team : teams) {
                List<String> names = team.members().stream().map(Member::name).toList();
                assertThat(new HashSet<>(names)).hasSameSizeAs(names);
                checked += names.size() > 1 ? 1 : 0;
            }
            assertThat(checked).isGreaterThan(5);
        }
    }

    private static final String GERMAN = "{\"backends\": [{\"name\": \"de\", \"provider\": \"synthetic\","
            + " \"locale\": \"de-DE\"}, {\"name\": \"us\", \"provider\": \"synthetic\"}]}";
    private static final String CUSTOMER = "{\"firstName\":\"string\",\"lastName\":\"string\",\"email\":\"email\","
            + "\"phone\":\"string\",\"street\":\"string\",\"city\":\"string\",\"state\":\"string\",\"zip\":\"string\","
            + "\"country\":\"string\",\"countryCode\":\"string\",\"currency\":\"string\",\"locale\":\"string\"}";

    @SuppressWarnings("unchecked")
    private static Set<String> datafakerGermanLastNames() throws IOException {
        try (InputStream in = Faker.class.getClassLoader().getResourceAsStream("de.yml")) {
            Map<String, Object> root = new Yaml().load(in);
            Map<String, Object> faker = (Map<String, Object>) ((Map<String, Object>) root.get("de")).get("faker");
            return new HashSet<>((List<String>) ((Map<String, Object>) faker.get("name")).get("last_name"));
        }
    }

    @Test
    void deDeGivesGermanNamesAddressesAndPhones() throws Exception {
        Set<String> germanLastNames = datafakerGermanLastNames();
        JsonNode customers;
        try (Llmock llmock = engine(GERMAN, 5)) {
            customers = generate(llmock, "de", CUSTOMER, 25);
        }

        PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
        List<String> problems = new ArrayList<>();
        for (JsonNode customer : customers) {
            assertThat(germanLastNames).as(customer.toString()).contains(customer.get("lastName").asText());
            assertThat(customer.get("email").asText()).contains(ascii(customer.get("lastName").asText()));
            assertThat(GERMAN_STATES).as(customer.toString()).contains(customer.get("state").asText());
            assertThat(customer.get("zip").asText()).matches("\\d{5}");
            assertThat(customer.get("country").asText()).isEqualTo("Deutschland");
            assertThat(customer.get("countryCode").asText()).isEqualTo("DE");
            assertThat(customer.get("currency").asText()).isEqualTo("EUR");
            assertThat(customer.get("locale").asText()).isEqualTo("de-DE");
            try {
                if (!phones.isPossibleNumber(phones.parse(customer.get("phone").asText(), "DE"))) {
                    problems.add(customer.get("phone").asText());
                }
            } catch (NumberParseException e) {
                problems.add(customer.get("phone").asText() + ": " + e.getMessage());
            }
        }
        assertThat(problems).as("phone numbers that are not German").isEmpty();
    }

    @Test
    void aLocaleIsDeterministicBySeedAndChangesTheData() {
        JsonNode german;
        JsonNode again;
        JsonNode american;
        try (Llmock llmock = engine(GERMAN, 9)) {
            german = generate(llmock, "de", CUSTOMER, 5);
            american = generate(llmock, "us", CUSTOMER, 5);
        }
        try (Llmock llmock = engine(GERMAN, 9)) {
            again = generate(llmock, "de", CUSTOMER, 5);
        }

        assertThat(again).isEqualTo(german);
        assertThat(american.get(0).get("country").asText()).isEqualTo("United States");
        assertThat(american.get(0).get("currency").asText()).isEqualTo("USD");
        assertThat(american).isNotEqualTo(german);
    }

    @Test
    void anyDatafakerLocaleWorksAlsoForJsonSchemaShapes() {
        try (Llmock llmock = engine("{\"backends\": [{\"name\": \"fr\", \"provider\": \"synthetic\","
                + " \"locale\": \"fr_FR\"}, {\"name\": \"ja\", \"provider\": \"synthetic\", \"locale\": \"ja-JP\"}]}", 1)) {
            JsonNode french = generate(llmock, "fr", "{\"type\":\"object\",\"properties\":{\"country\":"
                    + "{\"type\":\"string\"},\"email\":{\"type\":\"string\",\"format\":\"email\"}},"
                    + "\"required\":[\"country\",\"email\"]}", 1);
            JsonNode japanese = generate(llmock, "ja", "{\"name\":\"string\",\"email\":\"email\",\"currency\":\"string\"}",
                    1);

            assertThat(french.get("country").asText()).isEqualTo("France");
            assertThat(japanese.get("currency").asText()).isEqualTo("JPY");
            assertThat(japanese.get("email").asText()).matches("[a-z0-9.]+@[a-z0-9.]+\\.example\\.com");
        }
    }

    @Test
    void aLocaleDatafakerDoesNotKnowIsAConfigurationErrorNamingIt() {
        try (Llmock llmock = engine("{\"backends\": [{\"name\": \"fake\", \"provider\": \"synthetic\","
                + " \"locale\": \"xx-YY\"}]}", 1)) {
            assertThatThrownBy(() -> generate(llmock, "fake", "{\"name\":\"string\"}", 1))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("Backend \"fake\" (synthetic): \"locale\" is \"xx-YY\", for which Datafaker has no data."
                            + " Use a language tag of a locale it knows, such as \"en-US\", \"en-GB\", \"de-DE\","
                            + " \"fr-FR\", \"es-MX\" or \"ja-JP\".");
        }
        try (Llmock llmock = engine("{\"backends\": [{\"name\": \"fake\", \"provider\": \"synthetic\","
                + " \"locale\": 49}]}", 1)) {
            assertThatThrownBy(() -> generate(llmock, "fake", "{\"name\":\"string\"}", 1))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("Backend \"fake\" (synthetic): \"locale\" is 49; expected a string.");
        }
    }
}
