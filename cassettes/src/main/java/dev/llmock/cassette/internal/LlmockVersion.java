package dev.llmock.cassette.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The llmock version this module was built as, stored with every recorded entry. */
final class LlmockVersion {
    private static final String VERSION = load();

    private LlmockVersion() {
    }

    static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = LlmockVersion.class.getResourceAsStream("llmock-version.properties")) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                String version = properties.getProperty("version");
                if (version != null && !version.startsWith("${")) {
                    return version;
                }
            }
        } catch (IOException e) {
            // fall through: the version is informative only
        }
        return "unknown";
    }
}
