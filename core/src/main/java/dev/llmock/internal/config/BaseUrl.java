package dev.llmock.internal.config;

import dev.llmock.ConfigException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/** The check of a backend's {@code baseUrl}, when the file is read or, for one with placeholders, when resolved. */
final class BaseUrl {
    private BaseUrl() {
    }

    /**
     * Fails unless {@code url} is an absolute http(s) URL with a host.
     *
     * @param written the URL as the file has it, so that a {@code ${VAR}} holding a secret is never shown resolved
     * @param where   {@code llmock.json: backends[0].baseUrl}, for the message
     */
    static void check(String url, String written, String where) {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || !Set.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))
                    || uri.getHost() == null) {
                throw new URISyntaxException(url, "not an absolute http(s) URL");
            }
        } catch (URISyntaxException e) {
            throw new ConfigException(Messages.badUrl(where, written, Placeholders.present(written)));
        }
    }
}
