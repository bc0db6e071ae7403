package dev.llmock.shape.suite;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The official JSON-Schema-Test-Suite, read from {@code ../shared/json-schema-test-suite/} beside the project (or the
 * folder in system property {@value #PROPERTY} / environment variable {@value #ENVIRONMENT}).
 */
public final class JsonSchemaSuite {
    public static final String PROPERTY = "llmock.test.jsonSchemaSuite";
    public static final String ENVIRONMENT = "LLMOCK_TEST_JSON_SCHEMA_SUITE";
    /** Left out of the draft 2020-12 count: annotation-only format semantics, and documents fetched from a server. */
    public static final Set<String> NOT_COUNTED = Set.of("format.json", "refRemote.json");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One test of a group: the data and whether the group's schema accepts it. */
    public record Case(String description, JsonNode data, boolean valid) {
    }

    /** One schema of the suite with its tests. */
    public record Group(String file, String description, JsonNode schema, List<Case> tests) {
        public String name() {
            return file + " / " + description;
        }

        public boolean satisfiable() {
            return tests.stream().anyMatch(Case::valid);
        }
    }

    private JsonSchemaSuite() {
    }

    /** The suite's root folder; skips the calling test, saying how to point at the suite, when it is absent. */
    public static Path root() {
        Path found = locate();
        String given = System.getProperty(PROPERTY, System.getenv(ENVIRONMENT));
        assumeTrue(found != null, "The JSON-Schema-Test-Suite was not found at "
                + (given == null || given.isBlank() ? "../shared/json-schema-test-suite/ beside the project" : given)
                + ". Point system property " + PROPERTY + " or environment variable " + ENVIRONMENT
                + " at its folder to run this test.");
        return found;
    }

    private static Path locate() {
        String given = System.getProperty(PROPERTY, System.getenv(ENVIRONMENT));
        if (given != null && !given.isBlank()) {
            Path path = Path.of(given);
            return Files.isDirectory(path) ? path : null;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("json-schema-test-suite");
            if (Files.exists(dir.resolve("pom.xml")) && Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** The groups of every {@code *.json} file directly in {@code folder} (relative to the root), minus {@code skip}. */
    public static List<Group> groups(String folder, Set<String> skip) {
        Path dir = root().resolve(folder);
        List<Group> groups = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                if (!skip.contains(file.getFileName().toString())) {
                    groups.addAll(read(file, folder + "/" + file.getFileName()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return groups;
    }

    private static List<Group> read(Path file, String name) throws IOException {
        List<Group> groups = new ArrayList<>();
        for (JsonNode group : MAPPER.readTree(file.toFile())) {
            List<Case> tests = new ArrayList<>();
            for (JsonNode test : group.get("tests")) {
                tests.add(new Case(test.get("description").asText(), test.get("data"), test.get("valid").asBoolean()));
            }
            groups.add(new Group(name, group.get("description").asText(), group.get("schema"), List.copyOf(tests)));
        }
        return groups;
    }
}
