package dev.llmock.openapi.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** JSON Pointer tokens and {@code #/...} reference fragments. */
final class Pointers {
    private Pointers() {
    }

    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    static String unescape(String token) {
        return token.replace("~1", "/").replace("~0", "~");
    }

    /** {@code #/components/schemas/Pet} as the pointer {@code /components/schemas/Pet}, percent-decoded. */
    static String fromFragment(String ref) {
        String pointer = ref.startsWith("#") ? ref.substring(1) : ref;
        return URLDecoder.decode(pointer.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
