package dev.llmock.cassette;

import dev.llmock.ConfigException;
import dev.llmock.SettingResolver;
import dev.llmock.cassette.internal.Messages;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * How a cassette treats requests: replay what is recorded, record what is missing, regenerate, or stay out of the way.
 * The names follow VCR's record modes; VCR's own words are accepted as aliases ({@code none} = {@link #REPLAY},
 * {@code new_episodes} = {@link #RECORD}, {@code all} = {@link #RERECORD}).
 *
 * <pre>{@code
 * RecordMode mode = RecordMode.resolve(null, System::getProperty, System::getenv);
 * }</pre>
 *
 * The mode is the setting {@link CassetteSettings#MODE}: {@link #REPLAY} by default on a CI server (see
 * {@link #CI_VARIABLES}), {@link #ONCE} elsewhere.
 *
 * @since 0.1.0
 */
public enum RecordMode {
    /**
     * VCR's {@code once}: a cassette that did not exist when it was opened is recorded; an existing one is only
     * replayed, and a request it does not hold fails with {@link ReplayMissException}. The default outside CI.
     *
     * @since 0.2.0
     */
    ONCE,
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
    /**
     * Environment variable that, when set to anything but {@code false}, makes {@link #REPLAY} the default:
     * {@value}.
     */
    public static final String CI_ENV = "CI";
    /**
     * Environment variables that mark a CI server, when set to anything but {@code false}: the generic {@code CI}
     * and those of Jenkins, Azure Pipelines, TeamCity, GitLab, Buildkite and GitHub Actions (Jenkins and TeamCity
     * do not set {@code CI}).
     *
     * @since 0.2.0
     */
    public static final List<String> CI_VARIABLES = List.of(CI_ENV, "JENKINS_URL", "TF_BUILD", "TEAMCITY_VERSION",
            "GITLAB_CI", "BUILDKITE", "GITHUB_ACTIONS");

    /** VCR's names for the same modes. */
    private static final Map<String, RecordMode> ALIASES = Map.of("none", REPLAY, "new_episodes", RECORD,
            "all", RERECORD);

    /**
     * The mode named by {@code text} (a mode or a VCR alias), ignoring case and surrounding blanks.
     *
     * @param text the mode's name, such as {@code replay} or {@code new_episodes}
     * @return the mode
     * @throws ConfigException naming the modes and aliases when {@code text} is none of them
     */
    public static RecordMode parse(String text) {
        return parse(text, null);
    }

    /**
     * The mode in effect: {@code explicit} (an annotation's value) when given, then the parameter
     * {@value #MODE_PROPERTY} (system property or JUnit configuration parameter), then the environment variable
     * {@value #MODE_ENV}, then {@link #REPLAY} on a CI server (one of {@link #CI_VARIABLES} is set, and not to
     * {@code false}), else {@link #ONCE}. The same as {@link SettingResolver#get(dev.llmock.Setting, Object)} with
     * {@link CassetteSettings#MODE}.
     *
     * @param explicit   a mode chosen in code, or null/blank for none
     * @param parameters looks up configuration parameters or system properties by name
     * @param env        looks up environment variables by name
     * @return the mode
     * @throws ConfigException naming the source and the modes when a source's text is no mode
     */
    public static RecordMode resolve(String explicit, Function<String, String> parameters,
                                     Function<String, String> env) {
        RecordMode chosen = explicit == null || explicit.isBlank() ? null : parse(explicit);
        return SettingResolver.of(parameters, env).get(CassetteSettings.MODE, chosen);
    }

    /**
     * {@return the name as users write it: {@code once}, {@code replay}, {@code record}, {@code rerecord},
     * {@code live}}
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code source} names where {@code text} was read, for the message; null for a value in code. */
    static RecordMode parse(String text, String source) {
        if (text != null) {
            String wanted = text.trim().toLowerCase(Locale.ROOT).replace('-', '_');
            for (RecordMode mode : values()) {
                if (mode.id().equals(wanted)) {
                    return mode;
                }
            }
            RecordMode alias = ALIASES.get(wanted);
            if (alias != null) {
                return alias;
            }
        }
        throw new ConfigException(Messages.unknownMode(text, source));
    }

    /** The first of {@link #CI_VARIABLES} that is set (and not to {@code false}), if any. */
    static Optional<String> ciVariable(Function<String, String> env) {
        if (env == null) {
            return Optional.empty();
        }
        return CI_VARIABLES.stream().filter(name -> {
            String value = env.apply(name);
            return value != null && !value.isBlank() && !value.trim().equalsIgnoreCase("false");
        }).findFirst();
    }

    /** True on a CI server: one of {@link #CI_VARIABLES} is set, and not to {@code false}. */
    static boolean onCi(Function<String, String> env) {
        return ciVariable(env).isPresent();
    }
}
