package dev.llmock.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmock.ConfigException;
import dev.llmock.spi.Backend;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user reads when the model file is missing or is not a GGUF model; none of these needs a model. */
class ModelFileErrorsTest {
    static final String DOWNLOAD = "Download a small instruct model in GGUF format, for example: curl -L"
            + " --create-dirs -o models/qwen2.5-0.5b-instruct-q4_k_m.gguf"
            + " https://huggingface.co/Qwen/Qwen2.5-0.5B-Instruct-GGUF/resolve/main/qwen2.5-0.5b-instruct-q4_k_m.gguf";

    @TempDir
    Path dir;

    private Backend backendFromFile(String model) throws Exception {
        Path config = Files.writeString(dir.resolve("llmock.json"), "{\"backends\":[{\"name\":\"local\","
                + "\"provider\":\"llamacpp\",\"model\":\"" + model.replace("\\", "\\\\") + "\"}]}");
        return LocalBackend.create(Files.readString(config), config.toString());
    }

    @Test
    void aMissingModelFileIsReportedOnTheFirstCallWithWhereItWasLookedForAndHowToGetOne() throws Exception {
        Backend backend = backendFromFile("models/missing.gguf");

        assertThatThrownBy(() -> backend.call(LocalBackend.request("{\"name\":\"string\"}", 1, 1)))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Backend \"local\" (llamacpp, model models/missing.gguf) cannot find the model file"
                        + " \"models/missing.gguf\"; looked at " + dir.resolve("models/missing.gguf") + " and "
                        + Path.of("models/missing.gguf").toAbsolutePath() + ". A relative \"model\" is resolved"
                        + " against the directory of llmock.json, then the working directory. " + DOWNLOAD);
    }

    @Test
    void aFileThatIsNotGgufIsRefusedBeforeNativeCodeSeesIt() throws Exception {
        Path file = Files.write(dir.resolve("model.bin"), new byte[] {0x50, 0x4b, 0x03, 0x04, 0x14, 0x00});
        Path text = Files.writeString(dir.resolve("model.gguf"), "version https://git-lfs.github.com/spec/v1\n");

        assertThatThrownBy(() -> backendFromFile(file.toString()).call(LocalBackend.request("{\"a\":0}", 1, 1)))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Backend \"local\" (llamacpp, model " + file + "): " + file + " is not a GGUF model: it"
                        + " starts with the bytes 50 4b 03 04, where a GGUF file starts with the bytes \"GGUF\"."
                        + " llama.cpp reads only GGUF: download a .gguf file, or convert the model with llama.cpp's"
                        + " convert_hf_to_gguf.py.");
        assertThatThrownBy(() -> backendFromFile("model.gguf").call(LocalBackend.request("{\"a\":0}", 1, 1)))
                .hasMessageContaining(text + " is not a GGUF model: it starts with \"vers\", where a GGUF file");
    }

    @Test
    void aGgufFileWithADamagedHeaderIsRefusedBeforeNativeCodeSeesIt() throws Exception {
        byte[] header = "GGUF\3\0\0\0\0\0\0\0\0\0\0\0\1\0\0\0\0\0\0\0\377\377".getBytes(StandardCharsets.ISO_8859_1);
        Path file = Files.write(dir.resolve("cut.gguf"), header);

        assertThatThrownBy(() -> backendFromFile(file.toString()).call(LocalBackend.request("{\"a\":0}", 1, 1)))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Backend \"local\" (llamacpp, model " + file + "): " + file + " starts like a GGUF model"
                        + " but its header is damaged (the metadata runs past the end of the file). Download it"
                        + " again.");
    }

    @Test
    void aRelativeModelIsFoundNextToLlmockJsonBeforeTheWorkingDirectory() throws Exception {
        Path tiny = TinyModel.path();
        Files.createDirectories(dir.resolve("models"));
        Files.createSymbolicLink(dir.resolve("models/tiny.gguf"), tiny);

        assertThat(backendFromFile("models/tiny.gguf").call(LocalBackend.request("{\"a\":0}", 1, 1)).json()
                .has("a")).isTrue();
    }

    @Test
    void creatingTheBackendNeedsNoModelFileSoCassettesReplayWithoutOne() throws Exception {
        Backend backend = backendFromFile("models/missing.gguf");

        assertThat(backend.name()).isEqualTo("local");
        assertThat(backend.provider()).isEqualTo("llamacpp");
        assertThat(backend.model()).isEqualTo("models/missing.gguf");
    }
}
