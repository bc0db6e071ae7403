package dev.llmock.cassette;

import dev.llmock.ConfigException;
import dev.llmock.SettingResolver;
import dev.llmock.cassette.internal.Messages;
import java.util.Locale;
import java.util.function.Function;

/**
 * How a cassette treats requests: replay what is recorded, record what is missing, regenerate, or stay out of the way.
 *
 * <pre>{@code
 * RecordMode mode = RecordMode.resolve(null, System::getProperty, System::getenv);
 * }</pre>
 *
 * The mode is the setting {@link CassetteSettings#MODE}.
 *
 * @since 0.1.0
 */
public enum RecordMode {
    /** Answers only from the cassette; a request it does not hold fails with {@link ReplayMissException}. */
    REPLAY,
    /** Answers from the cassette where it can and records what is missing (or older than {@code maxAge}). */
    RECORD,
    /** Regenerates every request it is asked, replacing recorded entries and reporting how they drifted. */
    RERECORD,
    /** No cassette: every request goes to the backends and nothing is read or written. */
    LIVE;

    /** System property and JUnit configuration parameter naming the mode: {@value}. */
    public static final String MODE_PROPERTY = "llmock.mode";
    /** Environment variable naming the mode: {@value}. */
    public static final String MODE_ENV = "LLMOCK_MODE";
    /** Environment variable that, when set to anything but {@code false}, makes {@link #REPLAY} the default: {@value}. */
    public static final String CI_ENV = "CI";

    /**
     * The mode named by {@code text}, ignoring case and surrounding blanks.
     *
     * @throws ConfigException naming the four modes when {@code text} is none of them
     */
    public static RecordMode parse(String text) {
        return parse(text, null);
    }

    /**
     * The mode in effect: {@code explicit} (an annotation's value) when given, then the parameter {@value #MODE_PROPERTY}
     * (system property or JUnit configuration parameter), then the environment variable {@value #MODE_ENV}, then
     * {@link #REPLAY} when {@value #CI_ENV} is set to anything but {@code false}, else {@link #RECORD}. The same as
     * {@link SettingResolver#get(dev.llmock.Setting, Object)} with {@link CassetteSettings#MODE}.
     *
     * @param explicit   a mode chosen in code, or null/blank for none
     * @param parameters looks up configuration parameters or system properties by name
     * @param env        looks up environment variables by name
     */
    public static RecordMode resolve(String explicit, Function<String, String> parameters,
                                     Function<String, String> env) {
        RecordMode chosen = explicit == null || explicit.isBlank() ? null : parse(explicit);
        return SettingResolver.of(parameters, env).get(CassetteSettings.MODE, chosen);
    }

    /** The name as users write it: {@code replay}, {@code record}, {@code rerecord}, {@code live}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code source} names where {@code text} was read, for the message; null for a value in code. */
    static RecordMode parse(String text, String source) {
        if (text != null) {
            String wanted = text.trim();
            for (RecordMode mode : values()) {
                if (mode.name().equalsIgnoreCase(wanted)) {
                    return mode;
                }
            }
        }
        throw new ConfigException(Messages.unknownMode(text, source));
    }

    /** True when {@value #CI_ENV} is set to anything but {@code false}. */
    static boolean onCi(Function<String, String> env) {
        String ci = env.apply(CI_ENV);
        return ci != null && !ci.trim().equalsIgnoreCase("false");
    }
}
