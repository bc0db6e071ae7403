package dev.llmock.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
import dev.llmock.Llmock;
import dev.llmock.Shape;
import dev.llmock.Stage;
import dev.llmock.internal.synthetic.SyntheticBackend;
import dev.llmock.spi.BackendRequest;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SyntheticBackendTest {
    /** The places the synthetic backend draws from, with each state's code and the first digit of its zip codes. */
    private static final Map<String, String> CITY_STATE = new LinkedHashMap<>();
    private static final Map<String, String> STATE_CODE = new LinkedHashMap<>();

    private static final Map<String, String> ZIP_PREFIXES = Map.ofEntries(Map.entry("NY", "00 06 10 11 12 13 14"),
            Map.entry("CA", "90 91 92 93 94 95 96"), Map.entry("IL", "60 61 62"), Map.entry("TX", "73 75 76 77 78 79 88"),
            Map.entry("AZ", "85 86"), Map.entry("PA", "15 16 17 18 19"), Map.entry("WA", "98 99"), Map.entry("CO", "80 81"),
            Map.entry("MA", "01 02 05"), Map.entry("FL", "32 33 34"), Map.entry("GA", "30 31 39"), Map.entry("OR", "97"),
            Map.entry("TN", "37 38"), Map.entry("MI", "48 49"), Map.entry("MN", "55 56"), Map.entry("OH", "43 44 45"),
            Map.entry("NC", "27 28"), Map.entry("NV", "88 89"), Map.entry("UT", "84"), Map.entry("MO", "63 64 65"),
            Map.entry("MD", "20 21"), Map.entry("WI", "53 54"), Map.entry("NM", "87 88"), Map.entry("LA", "70 71"),
            Map.entry("IN", "46 47"), Map.entry("VA", "20 22 23 24"), Map.entry("NE", "68 69"), Map.entry("ID", "83"));

    static {
        String[][] places = {
                {"New York", "New York", "NY"}, {"Buffalo", "New York", "NY"},
                {"Los Angeles", "California", "CA"}, {"San Francisco", "California", "CA"},
                {"San Diego", "California", "CA"}, {"Chicago", "Illinois", "IL"},
                {"Houston", "Texas", "TX"}, {"Austin", "Texas", "TX"}, {"Dallas", "Texas", "TX"},
                {"Phoenix", "Arizona", "AZ"}, {"Tucson", "Arizona", "AZ"},
                {"Philadelphia", "Pennsylvania", "PA"}, {"Pittsburgh", "Pennsylvania", "PA"},
                {"Seattle", "Washington", "WA"}, {"Spokane", "Washington", "WA"},
                {"Denver", "Colorado", "CO"}, {"Boston", "Massachusetts", "MA"},
                {"Miami", "Florida", "FL"}, {"Orlando", "Florida", "FL"}, {"Atlanta", "Georgia", "GA"},
                {"Portland", "Oregon", "OR"}, {"Nashville", "Tennessee", "TN"},
                {"Detroit", "Michigan", "MI"}, {"Minneapolis", "Minnesota", "MN"},
                {"Columbus", "Ohio", "OH"}, {"Cleveland", "Ohio", "OH"},
                {"Charlotte", "North Carolina", "NC"}, {"Raleigh", "North Carolina", "NC"},
                {"Las Vegas", "Nevada", "NV"}, {"Salt Lake City", "Utah", "UT"},
                {"Kansas City", "Missouri", "MO"}, {"St. Louis", "Missouri", "MO"},
                {"Baltimore", "Maryland", "MD"}, {"Milwaukee", "Wisconsin", "WI"},
                {"Albuquerque", "New Mexico", "NM"}, {"New Orleans", "Louisiana", "LA"},
                {"Indianapolis", "Indiana", "IN"}, {"Richmond", "Virginia", "VA"},
                {"Omaha", "Nebraska", "NE"}, {"Boise", "Idaho", "ID"}};
        for (String[] place : places) {
            CITY_STATE.put(place[0], place[1]);
            STATE_CODE.put(place[1], place[2]);
        }
    }

    /** The zip belongs to the state: its first two digits are among the state's real USPS prefixes. */
    static void assertZipInState(String zip, String stateName, JsonNode where) {
        assertThat(zip).as(where.toString()).matches("\\d{5}");
        assertThat(ZIP_PREFIXES.get(STATE_CODE.get(stateName)).split(" ")).as(where.toString())
                .contains(zip.substring(0, 2));
    }

    private static JsonNode generate(String shape, int count, long seed) {
        try (Llmock llmock = Llmock.newBuilder().seed(seed).build()) {
            return llmock.generate(FixtureRequest.newBuilder().shape(shape).count(count).maxAttempts(1).build()).json();
        }
    }

    @Test
    void emailBelongsToThePersonsName() {
        JsonNode people = generate("{\"name\":\"string\",\"firstName\":\"string\",\"lastName\":\"string\","
                + "\"email\":\"email\",\"username\":\"string\",\"contactEmail\":\"string\"}", 100, 1);

        for (JsonNode person : people) {
            String first = person.get("firstName").asText();
            String last = person.get("lastName").asText();
            String email = person.get("email").asText();
            assertThat(email).as(person.toString())
                    .startsWith(ascii(first) + "." + ascii(last) + "@")
                    .endsWith(".example.com")
                    .isEqualTo(person.get("contactEmail").asText());
            assertThat(person.get("name").asText()).isEqualTo(first + " " + last);
            assertThat(person.get("username").asText()).startsWith(ascii(first.substring(0, 1) + last));
        }
    }

    @Test
    void cityStateAndZipAgreeWithinEveryAddress() {
        JsonNode records = generate("{\"home\":{\"street\":\"string\",\"city\":\"string\",\"state\":\"string\","
                + "\"stateCode\":\"string\",\"zip\":\"string\"},\"work\":{\"city\":\"string\",\"state\":\"string\","
                + "\"postalCode\":\"string\"},\"city\":\"string\",\"state\":\"string\",\"zipCode\":\"string\"}", 100, 2);

        Set<String> cities = new HashSet<>();
        for (JsonNode record : records) {
            JsonNode home = record.get("home");
            String state = home.get("state").asText();
            assertThat(CITY_STATE).as(home.toString()).containsEntry(home.get("city").asText(), state);
            assertThat(STATE_CODE).as(home.toString()).containsEntry(state, home.get("stateCode").asText());
            assertZipInState(home.get("zip").asText(), state, home);
            assertThat(home.get("street").asText()).matches("\\d+ .+");

            JsonNode work = record.get("work");
            assertThat(CITY_STATE).as(work.toString()).containsEntry(work.get("city").asText(), work.get("state").asText());
            assertZipInState(work.get("postalCode").asText(), work.get("state").asText(), work);

            assertThat(CITY_STATE).containsEntry(record.get("city").asText(), record.get("state").asText());
            assertZipInState(record.get("zipCode").asText(), record.get("state").asText(), record);
            cities.add(home.get("city").asText());
        }
        assertThat(cities).as("a spread of places, not one").hasSizeGreaterThan(15);
    }

    @Test
    void atLeastFortyFieldNamesProduceRealisticValues() {
        Map<String, Predicate<JsonNode>> expected = new LinkedHashMap<>();
        expected.put("firstName", text("[A-Z][A-Za-z' -]+"));
        expected.put("lastName", text("[A-Z][A-Za-z' -]+"));
        expected.put("fullName", text("[A-Z][A-Za-z'.-]+ [A-Z][A-Za-z' .-]+"));
        expected.put("username", text("[a-z0-9]+\\d+"));
        expected.put("email", text("[a-z0-9.]+@[a-z0-9.]+\\.example\\.com"));
        expected.put("phone", text(".*\\d{3}.*\\d{4}.*"));
        expected.put("street", text("\\d+ [A-Z].+"));
        expected.put("address2", text("(Apt\\.|Suite) \\d+"));
        expected.put("city", v -> CITY_STATE.containsKey(v.asText()));
        expected.put("state", v -> STATE_CODE.containsKey(v.asText()));
        expected.put("stateCode", v -> STATE_CODE.containsValue(v.asText()));
        expected.put("zip", text("\\d{5}"));
        expected.put("country", text("United States"));
        expected.put("countryCode", text("US"));
        expected.put("company", text("[A-Z].+"));
        expected.put("jobTitle", text("[A-Z][A-Za-z-]+( [A-Za-z-]+)*"));
        expected.put("department", text("[A-Z][A-Za-z, &]+"));
        expected.put("industry", text("[A-Z].+"));
        expected.put("currency", text("USD"));
        expected.put("sku", text("[A-Z]{3}-\\d{5}"));
        expected.put("brand", text("[A-Z].*"));
        expected.put("color", text("[a-z]+( [a-z]+)?"));
        expected.put("website", text("https://www\\.[a-z0-9]+\\.example\\.com"));
        expected.put("avatarUrl", text("https://images\\.example\\.com/[a-z0-9]{12}\\.jpg"));
        expected.put("description", text("[A-Z][a-z]*( [a-z]+){7,}\\."));
        expected.put("comment", text("[A-Z][a-z]*( [a-z]+){6,}\\."));
        expected.put("tag", text("[a-z]+"));
        expected.put("ipAddress", text("\\d{1,3}(\\.\\d{1,3}){3}"));
        expected.put("ipv6", text("[0-9a-f:]+:[0-9a-f:]+"));
        expected.put("macAddress", text("[0-9a-f]{2}(:[0-9a-f]{2}){5}"));
        expected.put("domain", text("[a-z0-9-]+(\\.[a-z0-9-]+)+"));
        expected.put("password", text(".{12,20}"));
        expected.put("slug", text("[a-z]+([_-][a-z]+)+"));
        expected.put("gender", text("Male|Female"));
        expected.put("locale", text("en-US"));
        expected.put("timezone", text("[A-Z][A-Za-z]+/.+"));
        expected.put("iban", text("[A-Z]{2}\\d{2}[A-Za-z0-9]+"));
        expected.put("creditCardNumber", text("\\d{4}(-?\\d{2,6})+"));
        expected.put("isbn", text("97[89]-[0-9-]+"));
        expected.put("version", text("\\d+\\.\\d+(\\.\\d+)?"));
        expected.put("fileName", text("[a-z_/]+\\.[a-z0-9]+"));
        expected.put("mimeType", text("[a-z]+/[a-z0-9.+-]+"));
        expected.put("status", text("active|inactive|pending"));
        expected.put("customerId", text("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
        expected.put("createdAt", text("20(1[5-9]|2[0-4])-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z"));
        expected.put("age", v -> v.isIntegralNumber() && v.asInt() >= 18 && v.asInt() <= 90);
        expected.put("quantity", v -> v.isIntegralNumber() && v.asInt() >= 0 && v.asInt() <= 500);
        expected.put("rating", v -> v.isIntegralNumber() && v.asInt() >= 1 && v.asInt() <= 5);
        expected.put("year", v -> v.isIntegralNumber() && v.asInt() >= 1970 && v.asInt() <= 2024);
        expected.put("port", v -> v.isIntegralNumber() && v.asInt() >= 1024 && v.asInt() <= 65535);
        expected.put("salary", v -> v.isIntegralNumber() && v.asInt() % 1000 == 0 && v.asInt() >= 30_000);
        expected.put("price", v -> v.isNumber() && !v.isIntegralNumber() && v.decimalValue().scale() == 2
                && v.asDouble() >= 1 && v.asDouble() <= 1000);
        expected.put("latitude", v -> v.isNumber() && Math.abs(v.asDouble()) <= 90);
        expected.put("longitude", v -> v.isNumber() && Math.abs(v.asDouble()) <= 180);

        StringBuilder shape = new StringBuilder("{");
        for (String name : expected.keySet()) {
            JsonNode probe = null;
            String type = switch (name) {
                case "age", "quantity", "rating", "year", "port", "salary" -> "0";
                case "price", "latitude", "longitude" -> "0.0";
                default -> "\"string\"";
            };
            shape.append(shape.length() > 1 ? "," : "").append('"').append(name).append("\":").append(type);
        }
        JsonNode records = generate(shape.append('}').toString(), 30, 3);

        assertThat(expected).hasSizeGreaterThanOrEqualTo(40);
        for (JsonNode record : records) {
            expected.forEach((name, check) -> assertThat(check.test(record.get(name)))
                    .as("%s = %s", name, record.get(name)).isTrue());
        }
    }

    @Test
    void honoursEnumsRangesFormatsLengthsAndPatternsEvenForKnownFieldNames() {
        String shape = "{\"type\":\"object\",\"properties\":{"
                + "\"age\":{\"type\":\"integer\",\"minimum\":100,\"maximum\":105},"
                + "\"price\":{\"type\":\"number\",\"maximum\":0.5},"
                + "\"quantity\":{\"type\":\"integer\",\"minimum\":1000000},"
                + "\"status\":{\"enum\":[\"open\",\"closed\"]},"
                + "\"zip\":{\"type\":\"string\",\"pattern\":\"^Z[0-9]{3}$\"},"
                + "\"name\":{\"type\":\"string\",\"minLength\":40,\"maxLength\":45},"
                + "\"description\":{\"type\":\"string\",\"maxLength\":10},"
                + "\"email\":{\"type\":\"string\",\"format\":\"email\",\"maxLength\":20},"
                + "\"website\":{\"type\":\"string\",\"format\":\"uri\",\"maxLength\":25},"
                + "\"city\":{\"type\":\"string\",\"format\":\"date\",\"x-llmock-time\":\"future\"},"
                + "\"tags\":{\"type\":\"array\",\"items\":{\"type\":\"string\"},\"minItems\":4,\"maxItems\":4,"
                + "\"uniqueItems\":true},"
                + "\"none\":{\"type\":\"array\",\"items\":{\"type\":\"integer\"},\"maxItems\":0}},"
                + "\"required\":[\"age\",\"price\",\"quantity\",\"status\",\"zip\",\"name\",\"description\",\"email\","
                + "\"website\",\"city\",\"tags\",\"none\"]}";
        Shape parsed = Shape.parse(shape);

        JsonNode records = generate(shape, 50, 4);

        for (JsonNode record : records) {
            assertThat(parsed.validate(record)).as(record.toString()).isEmpty();
            assertThat(record.get("email").asText()).matches("[a-z0-9.]+@[a-z0-9.]+");
        }
    }

    @Test
    void countGivesExactlyThatManyValidRecords() {
        Shape shape = Shape.parse(DeterminismMain.SHAPE);
        try (Llmock llmock = Llmock.newBuilder().build()) {
            for (int count : new int[] {2, 17, 250, 600}) {
                JsonNode records = llmock.generate(FixtureRequest.newBuilder().shape(shape).count(count).build()).json();

                assertThat(records.isArray()).isTrue();
                assertThat(records.size()).isEqualTo(count);
                records.forEach(record -> assertThat(shape.validate(record)).isEmpty());
                assertThat(records.get(0).get("id").asInt()).isEqualTo(1);
                assertThat(records.get(count - 1).get("id").asInt()).isEqualTo(count);
            }
            assertThat(llmock.generate(FixtureRequest.newBuilder().shape(shape).build()).json().isObject()).isTrue();
        }
    }

    @Test
    void countOneMoreThanABatchStillGivesAnArray() {
        try (Llmock llmock = Llmock.newBuilder().build()) {
            JsonNode records = llmock.generate(FixtureRequest.newBuilder().shape(DeterminismMain.SHAPE).count(251).build())
                    .json();

            assertThat(records.size()).isEqualTo(251);
        }
    }

    @Test
    void sameRequestAndSeedGiveTheSameJsonInTwoEngines() {
        String first;
        String second;
        try (Llmock one = Llmock.newBuilder().seed(42).build(); Llmock two = Llmock.newBuilder().seed(42).build()) {
            first = one.generate(DeterminismMain.request()).json().toString();
            second = two.generate(DeterminismMain.request()).json().toString();
        }
        assertThat(second).isEqualTo(first);
        try (Llmock other = Llmock.newBuilder().seed(43).build()) {
            assertThat(other.generate(DeterminismMain.request()).json().toString()).isNotEqualTo(first);
        }
    }

    @Test
    void aSecondJvmProducesTheSameJson() throws Exception {
        String expected;
        try (Llmock llmock = Llmock.newBuilder().seed(42).build()) {
            expected = llmock.generate(DeterminismMain.request()).json().toString();
        }
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Duser.timezone=Pacific/Auckland", "-Duser.language=tr", "-Duser.country=TR",
                DeterminismMain.class.getName()).redirectErrorStream(false).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(errors).isZero();
        assertThat(output).isEqualTo(expected);
    }

    @Test
    void differentVariantsGiveDifferentRecords() {
        try (Llmock llmock = Llmock.newBuilder().build()) {
            Set<String> seen = new HashSet<>();
            for (int variant = 0; variant < 10; variant++) {
                seen.add(llmock.generate(FixtureRequest.newBuilder().shape(DeterminismMain.SHAPE).variant(variant).build())
                        .json().toString());
            }
            assertThat(seen).hasSize(10);
        }
    }

    @Test
    void recordsDependOnlyOnTheirOwnSeedInTheBackend() {
        SyntheticBackend backend = new SyntheticBackend("synthetic");
        Shape shape = Shape.parse(DeterminismMain.SHAPE);

        JsonNode many = backend.call(request(shape, 1000, 0)).json();
        JsonNode few = backend.call(request(shape, 10, 0)).json();
        JsonNode middle = backend.call(request(shape, 5, 500)).json();
        JsonNode one = backend.call(request(shape, 1, 0)).json();

        for (int i = 0; i < 10; i++) {
            assertThat(few.get(i)).isEqualTo(many.get(i));
        }
        for (int i = 0; i < 5; i++) {
            assertThat(middle.get(i)).isEqualTo(many.get(500 + i));
        }
        assertThat(one).isEqualTo(many.get(0));
    }

    @Test
    void theFirstTenOfAThousandEqualATenThroughTheEngine() {
        try (Llmock llmock = Llmock.newBuilder().seed(5).build()) {
            JsonNode many = llmock.generate(FixtureRequest.newBuilder().shape(DeterminismMain.SHAPE).count(1000).build()).json();
            JsonNode few = llmock.generate(FixtureRequest.newBuilder().shape(DeterminismMain.SHAPE).count(10).build()).json();

            for (int i = 0; i < 10; i++) {
                assertThat(few.get(i)).as("record %d", i).isEqualTo(many.get(i));
            }
        }
    }

    @Test
    void provenanceNamesTheSyntheticBackend() {
        try (Llmock llmock = Llmock.newBuilder().build()) {
            Fixture fixture = llmock.generate(FixtureRequest.newBuilder().shape("{\"a\":0}").backend("fast").build());

            assertThat(fixture.provenance().backend()).isEqualTo("fast");
            assertThat(fixture.provenance().provider()).isEqualTo("synthetic");
            assertThat(fixture.provenance().model()).isEqualTo("datafaker");
            assertThat(fixture.provenance().attempts()).isEqualTo(1);
        }
    }

    private static BackendRequest request(Shape shape, int count, int firstIndex) {
        return new BackendRequest(Stage.Role.GENERATE, shape, count, firstIndex, null, List.of(), null, List.of(), null,
                99L, null);
    }

    private static Predicate<JsonNode> text(String regex) {
        Pattern pattern = Pattern.compile(regex);
        return value -> value != null && value.isTextual() && pattern.matcher(value.asText()).matches();
    }

    private static String ascii(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("[^\\p{ASCII}]", "")
                .replaceAll("[^A-Za-z0-9.]", "").toLowerCase(Locale.ROOT);
    }
}
