package dev.llmock.llamacpp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmock.LlmockConfig;
import dev.llmock.Shape;
import dev.llmock.Stage;
import dev.llmock.internal.backend.PromptBuilder;
import dev.llmock.llamacpp.TinyModel;
import dev.llmock.spi.BackendRequest;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The prompt goes through the model's own chat template when the GGUF file has one, else as plain text. The tiny
 * model has none, so a copy of it with a ChatML template written into its header stands for an instruct model.
 */
class ChatTemplateTest {
    static final String CHATML = "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n'"
            + " + message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}"
            + "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";
    static final PromptBuilder.Prompt PROMPT = new PromptBuilder.Prompt("You generate JSON.", "Generate one record.");

    @TempDir
    Path dir;

    @Test
    void aModelWithAChatTemplateGetsThePromptThroughIt() throws Exception {
        Path instruct = withChatTemplate(TinyModel.path(), dir.resolve("instruct.gguf"), CHATML);
        LocalModel model = load(instruct);

        assertThat(ModelFile.check("test", instruct).header().chatTemplate()).isEqualTo(CHATML);
        assertThat(model.render(PROMPT)).isEqualTo("<|im_start|>system\nYou generate JSON.<|im_end|>\n"
                + "<|im_start|>user\nGenerate one record.<|im_end|>\n<|im_start|>assistant\n");
        Settings settings = new Settings("local", instruct.toString(), null, 1024, 2, 0, null, 0.7,
                LlmockConfig.Limits.DEFAULT);
        assertThat(new LlamaCppBackend(settings).call(new BackendRequest(Stage.Role.GENERATE,
                Shape.parse("{\"id\":0}"), 1, 0, null, List.of(), null, List.of(), null, 1, null)).json().has("id"))
                .isTrue();
    }

    @Test
    void aModelWithoutOneGetsPlainText() {
        LocalModel model = load(TinyModel.path());

        assertThat(model.render(PROMPT)).isEqualTo("You generate JSON.\n\nGenerate one record.\n\nJSON:\n");
    }

    private static LocalModel load(Path file) {
        Settings.ModelKey key = new Settings.ModelKey(file, 1024, 2, 0);
        return LoadedModels.get(key, () -> LocalModel.load("test", ModelFile.check("test", file), key));
    }

    /**
     * A copy of a GGUF file with one more metadata entry: the header is rewritten, the tensor data (which tensor
     * infos address relative to its aligned start) copied unchanged behind it.
     */
    static Path withChatTemplate(Path source, Path target, String template) throws Exception {
        ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(source)).order(ByteOrder.LITTLE_ENDIAN);
        GgufHeader.read(in);
        int metadataEnd = in.position();
        long tensors = in.getLong(8);
        for (long i = 0; i < tensors; i++) {
            int name = (int) in.getLong();
            in.position(in.position() + name);
            int dims = in.getInt();
            in.position(in.position() + 8 * dims + 4 + 8);
        }
        int infosEnd = in.position();
        int alignment = 32;
        int dataStart = align(infosEnd, alignment);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer head = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        head.put(in.array(), 0, 16).putLong(in.getLong(16) + 1);
        out.write(head.array());
        out.write(in.array(), 24, metadataEnd - 24);
        byte[] key = "tokenizer.chat_template".getBytes(StandardCharsets.UTF_8);
        byte[] value = template.getBytes(StandardCharsets.UTF_8);
        ByteBuffer entry = ByteBuffer.allocate(8 + key.length + 4 + 8 + value.length).order(ByteOrder.LITTLE_ENDIAN);
        entry.putLong(key.length).put(key).putInt(8).putLong(value.length).put(value);
        out.write(entry.array());
        out.write(in.array(), metadataEnd, infosEnd - metadataEnd);
        out.write(new byte[align(out.size(), alignment) - out.size()]);
        out.write(in.array(), dataStart, in.capacity() - dataStart);
        return Files.write(target, out.toByteArray());
    }

    private static int align(int offset, int alignment) {
        return (offset + alignment - 1) / alignment * alignment;
    }
}
