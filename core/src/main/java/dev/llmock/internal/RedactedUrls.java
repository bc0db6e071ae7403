package dev.llmock.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * URLs as messages and log lines may show them: the user info ({@code user:pass@}) and the values of query parameters
 * named like credentials ({@code key}, {@code api_key}, {@code token}, {@code access_token}, {@code sig},
 * {@code password}, ...) become {@value #REDACTED}. Backends are configured with such URLs (some providers take the key
 * as {@code ?key=}), and clients send them to the mock API.
 */
public final class RedactedUrls {
    /** What a redacted part reads as: {@value}. */
    public static final String REDACTED = "<redacted>";

    private static final Pattern URL_IN_TEXT = Pattern.compile("\\b[A-Za-z][A-Za-z0-9+.-]*://[^\\s\"'<>]+");
    private static final Pattern USER_INFO = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)([^/?#@]*)@");
    private static final Pattern PARAMETER = Pattern.compile("([?&])([^=&#?]+)=([^&#]*)");
    private static final Set<String> NAMES = Set.of("key", "apikey", "token", "auth", "authorization", "sig",
            "signature", "password", "passwd", "pwd", "pass", "secret", "credential", "credentials", "session",
            "sessionid", "jwt", "bearer", "code_verifier");
    private static final Pattern NAME_ENDINGS = Pattern.compile(
            ".*(_|-|\\.)(key|token|secret|password|signature|credential|sig)$|.*(apikey|accesskey|secretkey|token)$");

    private RedactedUrls() {
    }

    /** {@code url} without its user info and with the values of credential-like query parameters redacted. */
    public static String of(String url) {
        if (url == null) {
            return null;
        }
        String withoutUser = USER_INFO.matcher(url).replaceFirst("$1" + Matcher.quoteReplacement(REDACTED) + "@");
        return parameters(withoutUser);
    }

    /**
     * The path and query of a request ({@code /api/mock/users?token=...}) with credential-like query parameters
     * redacted.
     */
    public static String ofTarget(String target) {
        return target == null ? null : parameters(target);
    }

    /** {@code text} with every URL in it redacted as {@link #of} does. */
    public static String within(String text) {
        if (text == null || !text.contains("://")) {
            return text;
        }
        Matcher urls = URL_IN_TEXT.matcher(text);
        StringBuilder result = new StringBuilder();
        while (urls.find()) {
            urls.appendReplacement(result, Matcher.quoteReplacement(of(urls.group())));
        }
        urls.appendTail(result);
        return result.toString();
    }

    /** Whether a query parameter of this name holds a credential. */
    static boolean secret(String name) {
        String decoded;
        try {
            decoded = URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            decoded = name;
        }
        String normal = decoded.trim().toLowerCase(Locale.ROOT);
        return NAMES.contains(normal) || NAME_ENDINGS.matcher(normal).matches();
    }

    private static String parameters(String url) {
        int query = url.indexOf('?');
        if (query < 0) {
            return url;
        }
        Matcher parameters = PARAMETER.matcher(url);
        parameters.region(query, url.length());
        StringBuilder result = new StringBuilder();
        while (parameters.find()) {
            String replacement = secret(parameters.group(2))
                    ? parameters.group(1) + parameters.group(2) + "=" + REDACTED : parameters.group();
            parameters.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        parameters.appendTail(result);
        return result.toString();
    }
}
