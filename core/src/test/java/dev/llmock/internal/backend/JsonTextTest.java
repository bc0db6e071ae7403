package dev.llmock.internal.backend;

import static dev.llmock.internal.backend.http.LoopbackLlm.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonTextTest {

    @Test
    void readsBareJson() {
        assertThat(JsonText.extract(" {\"a\":1}\n")).contains(json("{\"a\":1}"));
    }

    @Test
    void readsJsonInMarkdownFences() {
        assertThat(JsonText.extract("```json\n[{\"a\":1}]\n```")).contains(json("[{\"a\":1}]"));
        assertThat(JsonText.extract("Sure!\n```\n{\"a\":2}\n```\nAnything else?")).contains(json("{\"a\":2}"));
    }

    @Test
    void readsJsonWrappedInProse() {
        assertThat(JsonText.extract("Here is the data: {\"a\":{\"b\":[1,2]}} Hope it helps {not json}"))
                .contains(json("{\"a\":{\"b\":[1,2]}}"));
    }

    @Test
    void findsNothingInInvalidOrCutOffJson() {
        assertThat(JsonText.extract("{\"name\": \"Ada\", \"age\": ")).isEmpty();
        assertThat(JsonText.extract("no json here")).isEmpty();
        assertThat(JsonText.extract("")).isEmpty();
        assertThat(JsonText.extract(null)).isEmpty();
    }
}
