package dev.llmock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.Fixture;
import dev.llmock.Provenance;
import java.util.Objects;

/**
 * How llmock's own modules hand a tree to a {@link Fixture} and read it back without the copies the public API makes
 * to protect callers (the JDK's "shared secrets" idiom, as {@code ShapeAccess}): the engine's output and the command
 * line's writing of large blocks would otherwise copy every record twice. {@link Fixture} installs the bridge when its
 * class is initialised.
 */
public final class FixtureAccess {
    private static volatile Bridge bridge;

    private FixtureAccess() {
    }

    /** The two crossings; implemented inside {@link Fixture}. */
    public interface Bridge {
        Fixture owning(JsonNode json, Provenance provenance);

        JsonNode tree(Fixture fixture);
    }

    /** Called once, by {@link Fixture}'s static initialiser. */
    public static void install(Bridge value) {
        if (bridge != null) {
            throw new IllegalStateException("The fixture bridge is installed by dev.llmock.Fixture only.");
        }
        bridge = Objects.requireNonNull(value, "bridge");
    }

    /**
     * A fixture that takes {@code json} as it is, not a copy: only for a tree nothing else references or will change.
     */
    public static Fixture owning(JsonNode json, Provenance provenance) {
        return bridge().owning(Objects.requireNonNull(json, "json"), Objects.requireNonNull(provenance, "provenance"));
    }

    /** The fixture's own tree, not a copy: to read only, never to change or to hand to a caller. */
    public static JsonNode tree(Fixture fixture) {
        return bridge().tree(Objects.requireNonNull(fixture, "fixture"));
    }

    private static Bridge bridge() {
        Bridge result = bridge;
        if (result == null) {
            try {
                Class.forName(Fixture.class.getName(), true, Fixture.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            result = bridge;
        }
        return result;
    }
}
