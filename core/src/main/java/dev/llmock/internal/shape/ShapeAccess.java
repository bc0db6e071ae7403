package dev.llmock.internal.shape;

import dev.llmock.Shape;
import java.util.Objects;

/**
 * How llmock's own modules reach the model behind a public {@link Shape} without the public API exposing it (the
 * JDK's "shared secrets" idiom): {@link Shape} installs the bridge when its class is initialised.
 */
public final class ShapeAccess {
    private static volatile Bridge bridge;

    private ShapeAccess() {
    }

    /** The two crossings between the public type and the model; implemented inside {@link Shape}. */
    public interface Bridge {
        ShapeNode node(Shape shape);

        SchemaDocument schema(Shape shape);

        Shape wrap(ShapeNode node, int cacheVariants);
    }

    /** Called once, by {@link Shape}'s static initialiser. */
    public static void install(Bridge value) {
        if (bridge != null) {
            throw new IllegalStateException("The shape bridge is installed by dev.llmock.Shape only.");
        }
        bridge = Objects.requireNonNull(value, "bridge");
    }

    /** The model behind {@code shape}. */
    public static ShapeNode node(Shape shape) {
        return bridge().node(Objects.requireNonNull(shape, "shape"));
    }

    /** The compiled JSON Schema behind {@code shape}, or null when it is a template or a Java type's shape. */
    public static SchemaDocument schema(Shape shape) {
        return bridge().schema(Objects.requireNonNull(shape, "shape"));
    }

    /** A public shape around {@code node}. */
    public static Shape wrap(ShapeNode node) {
        return bridge().wrap(node, 1);
    }

    private static Bridge bridge() {
        Bridge result = bridge;
        if (result == null) {
            try {
                Class.forName(Shape.class.getName(), true, Shape.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            result = bridge;
        }
        return result;
    }
}
