package dev.llmock.wiremock.internal;

import java.util.Collection;

/** Every message a user of the WireMock module reads, in one place so they stay consistent. */
public final class Messages {
    private Messages() {
    }

    public static String optionSetTwice(String option) {
        return option + " was already set on this builder; set each option once.";
    }

    public static String negativeMaxBodyBytes(long value) {
        return "maxBodyBytes must be 0 or more, but was " + value + ".";
    }

    public static String notPositive(String option, long value) {
        return option + " must be at least 1, but was " + value + ".";
    }

    public static String noDefaultContext() {
        return "This extension names no API context; build it with LlmockWireMockExtension.newInstance()"
                + ".context(\"shop\"), or use llmock().context(\"shop\").";
    }

    public static String cassettesAndDirectory() {
        return "cassettes(Cassettes) already holds a directory and a mode; leave out cassettes(Path) and mode(...),"
                + " or build the Cassettes with them.";
    }

    public static String optionsNotWireMockConfiguration(String type) {
        return "LlmockWireMockExtension adds its extensions to the options, so it needs them as"
                + " WireMockConfiguration (wireMockConfig()...), but got " + type + ".";
    }

    static String malformedBody(int line, int column, String what) {
        return "The request body is not valid JSON" + (line > 0 ? " at line " + line + ", column " + column : "")
                + ": " + what + ". Send a JSON body, or no body.";
    }

    static String bodyTooLarge(long size, long limit) {
        return "The request body has " + size + " bytes, more than the limit of " + limit
                + " bytes. Send a smaller body, or raise the limit (maxBodyBytes).";
    }

    static String invalidShape(String source, String message) {
        return "The shape from " + source + " is invalid. " + message;
    }

    static String unknownBackend(String name, String source, String configSource, Collection<String> names) {
        return "No backend named \"" + name + "\" (from " + source + ") in " + configSource + "; configured: "
                + names + ". Use one of those names, or add it to \"backends\".";
    }

    static String badErrorCode(String value, String source, int min, int max) {
        return "The simulated error code \"" + value + "\" (from " + source + ") is not an HTTP error status;"
                + " expected a whole number from " + min + " to " + max + ", e.g. ?error=503.";
    }

    static String simulatedError(int code) {
        return "Simulated error " + code + " (" + reason(code) + ").";
    }

    static String backendFailed(String backend, String message) {
        return "The backend \"" + backend + "\" failed: " + message;
    }

    static String invalidOutput(String message) {
        return "The backend's output did not fit the shape: " + message;
    }

    static String replayMiss(String key, String message) {
        return "No recorded response for request key " + key + ". " + message;
    }

    static String badParameter(String name, String value, String expected) {
        return "The transformer parameter \"" + name + "\" is \"" + value + "\", but it must be " + expected + ".";
    }

    static String noShape() {
        return "The stub has no shape: add .withTransformerParameter(\"shape\", \"{...}\") or"
                + " .withTransformerParameter(\"shapeResource\", \"shapes/user.json\").";
    }

    static String shapeResourceMissing(String resource) {
        return "The shape resource \"" + resource + "\" was found neither on the classpath nor as a file.";
    }

    static String unexpected(Throwable e) {
        return "llmock could not answer this request: " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse(""));
    }

    static String badChunkDelay(String value, int max) {
        return "The chunk delay \"" + value + "\" (from ?chunkDelayMs=) is not usable; expected milliseconds between"
                + " events, a whole number from 0 to " + max + ".";
    }

    static String missingQuery() {
        return "A GraphQL request needs a \"query\": POST {\"query\":\"{ users { id name } }\"} as"
                + " application/json, or GET ?query=...";
    }

    static String badVariables() {
        return "\"variables\" must be a JSON object, e.g. {\"id\":\"42\"}.";
    }

    static String notJson(String what) {
        return "The GraphQL request body is not valid JSON: " + what + ". Send {\"query\":\"...\"} as"
                + " application/json.";
    }

    /** The reason phrase of an HTTP status, for simulated errors. */
    static String reason(int code) {
        switch (code) {
            case 400: return "Bad Request";
            case 401: return "Unauthorized";
            case 403: return "Forbidden";
            case 404: return "Not Found";
            case 405: return "Method Not Allowed";
            case 408: return "Request Timeout";
            case 409: return "Conflict";
            case 410: return "Gone";
            case 413: return "Payload Too Large";
            case 415: return "Unsupported Media Type";
            case 422: return "Unprocessable Entity";
            case 429: return "Too Many Requests";
            case 500: return "Internal Server Error";
            case 501: return "Not Implemented";
            case 502: return "Bad Gateway";
            case 503: return "Service Unavailable";
            case 504: return "Gateway Timeout";
            default: return code >= 500 ? "Server Error" : code >= 400 ? "Client Error" : "Status " + code;
        }
    }
}
