package dev.llmock.cli;

import dev.llmock.LlmockException;
import dev.llmock.cassette.RecordMode;
import picocli.CommandLine;

/** Reads {@code --mode} as a {@link RecordMode}, with llmock's message for an unknown one. */
final class ModeConverter implements CommandLine.ITypeConverter<RecordMode> {
    @Override
    public RecordMode convert(String value) {
        try {
            return RecordMode.parse(value);
        } catch (LlmockException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
