package dev.llmock;

/**
 * The configuration ({@code llmock.json}) is invalid: names the file, the key, the bad value and what is allowed.
 *
 * @since 0.1.0
 */
public class ConfigException extends LlmockException {
    private static final long serialVersionUID = 1L;

    /**
     * An invalid configuration.
     *
     * @param message names the file, the key, the bad value and what is allowed
     */
    public ConfigException(String message) {
        super(message);
    }

    /**
     * An invalid configuration that could not be read or parsed.
     *
     * @param message names the file, the key, the bad value and what is allowed
     * @param cause the cause
     */
    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
