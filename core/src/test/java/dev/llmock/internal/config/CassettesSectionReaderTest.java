package dev.llmock.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmock.ConfigException;
import dev.llmock.LlmockConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CassettesSectionReaderTest {
    private static LlmockConfig read(String json) {
        return ConfigReader.read(json, "llmock.json");
    }

    @Test
    void theSectionIsReadIntoTypedValues() {
        LlmockConfig config = read("{\"cassettes\": {\"directory\": \"fixtures\", \"maxAge\": \"PT12H\","
                + " \"redact\": [\"ACME-\\\\d+\"]}}");

        assertThat(config.cassettes()).isEqualTo(new LlmockConfig.CassettesSection(Path.of("fixtures"),
                Duration.ofHours(12), List.of("ACME-\\d+")));
    }

    @Test
    void aMissingSectionIsNone() {
        assertThat(read("{}").cassettes()).isEqualTo(LlmockConfig.CassettesSection.NONE);
        assertThat(LlmockConfig.none().cassettes()).isEqualTo(LlmockConfig.CassettesSection.NONE);
    }

    @Test
    void everyBadValueFailsWhenTheFileIsRead() {
        assertThatThrownBy(() -> read("{\"cassettes\": {\"directory\": 7}}"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid cassettes.directory in llmock.json: expected a path as a string.");
        assertThatThrownBy(() -> read("{\"cassettes\": {\"maxAge\": \"-P1D\"}}"))
                .hasMessage("Invalid cassettes.maxAge \"-P1D\" in llmock.json: expected a positive ISO-8601 duration"
                        + " such as \"P30D\" (30 days) or \"PT12H\" (12 hours).");
        assertThatThrownBy(() -> read("{\"cassettes\": {\"redact\": [\"ok\", \"ACME-(\\\\d\"]}}"))
                .hasMessage("Invalid cassettes.redact[1] \"ACME-(\\d\" in llmock.json: Unclosed group. Patterns are"
                        + " Java regular expressions (java.util.regex.Pattern).");
        assertThatThrownBy(() -> read("{\"cassettes\": {\"dir\": \"x\"}}"))
                .hasMessage("Unknown key cassettes.dir in llmock.json. Allowed keys: directory, maxAge, redact,"
                        + " ignore.");
    }

    @Test
    void ignoreEntriesAreReadInOrder() {
        LlmockConfig config = read("{\"cassettes\": {\"ignore\": [\"body.requestId\", \"body.meta.sentAt\","
                + " \"query.ts\", \"header.X-Trace-Id\"]}}");

        assertThat(config.cassettes().ignore())
                .containsExactly("body.requestId", "body.meta.sentAt", "query.ts", "header.X-Trace-Id");
        assertThat(LlmockConfig.CassettesSection.NONE.ignore()).isEmpty();
    }

    @Test
    void aBadIgnoreEntryFailsNamingItsIndexTheEntryAndWhatIsAllowed() {
        String expected = "expected body.<field path>, query.<name> or header.<name>, such as \"body.requestId\","
                + " \"query.ts\" or \"header.X-Trace-Id\".";
        assertThatThrownBy(() -> read("{\"cassettes\": {\"ignore\": [\"body.requestId\", \"requestId\"]}}"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid cassettes.ignore[1] \"requestId\" in llmock.json: " + expected);
        assertThatThrownBy(() -> read("{\"cassettes\": {\"ignore\": [\"cookie.session\"]}}"))
                .hasMessage("Invalid cassettes.ignore[0] \"cookie.session\" in llmock.json: " + expected);
        assertThatThrownBy(() -> read("{\"cassettes\": {\"ignore\": [\"body..id\"]}}"))
                .hasMessage("Invalid cassettes.ignore[0] \"body..id\" in llmock.json: " + expected);
        assertThatThrownBy(() -> read("{\"cassettes\": {\"ignore\": [\"query.\"]}}"))
                .hasMessage("Invalid cassettes.ignore[0] \"query.\" in llmock.json: " + expected);
        assertThatThrownBy(() -> read("{\"cassettes\": {\"ignore\": [7]}}"))
                .hasMessage("Invalid cassettes.ignore[0] \"7\" in llmock.json: " + expected);
        assertThatThrownBy(() -> read("{\"cassettes\": {\"ignore\": \"body.requestId\"}}"))
                .hasMessage("Invalid cassettes.ignore in llmock.json: expected an array of body.<field path>,"
                        + " query.<name> or header.<name>, such as \"body.requestId\", \"query.ts\" or"
                        + " \"header.X-Trace-Id\".");
    }

    @Test
    void llmockApisLenientFormatIgnoresUnknownKeysInTheSection() {
        LlmockConfig config = read("{\"MockLlmApi\": {\"cassettes\": {\"maxAge\": \"P1D\", \"Other\": 1}}}");

        assertThat(config.cassettes().maxAge()).isEqualTo(Duration.ofDays(1));
    }
}
