package dev.llmock.llamacpp.internal;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What llmock needs from a GGUF file's header, read in Java so that a file that is not GGUF never reaches native
 * code: the magic bytes, and whether the model brings a chat template ({@code tokenizer.chat_template}).
 *
 * <p>Layout (little-endian): {@code "GGUF"}, version (uint32), tensor count (uint64), metadata count (uint64), then
 * per metadata entry a key (uint64 length + UTF-8), a value type (uint32) and the value.
 *
 * @param version      the GGUF version
 * @param chatTemplate the model's chat template, or null when it has none
 */
record GgufHeader(int version, String chatTemplate) {
    static final String MAGIC = "GGUF";
    private static final String CHAT_TEMPLATE = "tokenizer.chat_template";
    private static final int STRING = 8;
    private static final int ARRAY = 9;
    /** Sizes of the fixed-width value types, by type id; 0 for string and array. */
    private static final int[] WIDTHS = {1, 1, 2, 2, 4, 4, 4, 1, 0, 0, 8, 8, 8};

    /** Thrown when the file is not GGUF, or its header cannot be read. */
    static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean gguf;

        Unreadable(boolean gguf, String reason) {
            super(reason);
            this.gguf = gguf;
        }

        /** Whether the file at least starts with the GGUF magic bytes. */
        boolean gguf() {
            return gguf;
        }
    }

    static GgufHeader read(Path file) throws IOException, Unreadable {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            return read(channel.map(FileChannel.MapMode.READ_ONLY, 0, Math.min(size, Integer.MAX_VALUE)));
        }
    }

    /** Reads from the start of {@code buffer}, leaving it just after the metadata (where the tensor infos begin). */
    static GgufHeader read(ByteBuffer buffer) throws Unreadable {
        buffer.order(ByteOrder.LITTLE_ENDIAN).position(0);
        byte[] magic = new byte[Math.min(4, buffer.remaining())];
        buffer.get(magic);
        if (!MAGIC.equals(new String(magic, StandardCharsets.ISO_8859_1))) {
            throw new Unreadable(false, describe(magic));
        }
        try {
            return metadata(buffer);
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new Unreadable(true, "the metadata runs past the end of the file");
        }
    }

    private static GgufHeader metadata(ByteBuffer buffer) throws Unreadable {
        int version = buffer.getInt();
        if (version < 2) {
            throw new Unreadable(true, "GGUF version " + version + ", older than llama.cpp reads");
        }
        buffer.getLong();
        long entries = buffer.getLong();
        String chatTemplate = null;
        for (long i = 0; i < entries; i++) {
            String key = string(buffer);
            int type = buffer.getInt();
            if (CHAT_TEMPLATE.equals(key) && type == STRING) {
                chatTemplate = string(buffer);
            } else {
                skip(buffer, type);
            }
        }
        return new GgufHeader(version, chatTemplate);
    }

    private static void skip(ByteBuffer buffer, int type) throws Unreadable {
        if (type == STRING) {
            advance(buffer, length(buffer));
        } else if (type == ARRAY) {
            int elementType = buffer.getInt();
            long count = buffer.getLong();
            if (elementType == STRING || elementType == ARRAY) {
                for (long i = 0; i < count; i++) {
                    skip(buffer, elementType);
                }
            } else {
                advance(buffer, Math.multiplyExact(count, width(elementType)));
            }
        } else {
            advance(buffer, width(type));
        }
    }

    private static int width(int type) throws Unreadable {
        if (type < 0 || type >= WIDTHS.length || WIDTHS[type] == 0) {
            throw new Unreadable(true, "unknown metadata type " + type);
        }
        return WIDTHS[type];
    }

    private static String string(ByteBuffer buffer) {
        byte[] bytes = new byte[(int) length(buffer)];
        buffer.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static long length(ByteBuffer buffer) {
        long length = buffer.getLong();
        if (length < 0 || length > buffer.remaining()) {
            throw new BufferUnderflowException();
        }
        return length;
    }

    private static void advance(ByteBuffer buffer, long bytes) {
        if (bytes < 0 || bytes > buffer.remaining()) {
            throw new BufferUnderflowException();
        }
        buffer.position(buffer.position() + (int) bytes);
    }

    /** The first bytes for a message: as text when printable, else in hex. */
    private static String describe(byte[] start) {
        if (start.length == 0) {
            return "nothing: the file is empty";
        }
        StringBuilder text = new StringBuilder();
        for (byte b : start) {
            if (b < 0x20 || b > 0x7E) {
                StringBuilder hex = new StringBuilder();
                for (byte each : start) {
                    hex.append(String.format("%02x ", each));
                }
                return "the bytes " + hex.toString().strip();
            }
            text.append((char) b);
        }
        return "\"" + text + "\"";
    }
}
