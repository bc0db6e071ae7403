package dev.llmock.junit.internal;

import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
import dev.llmock.LlmockException;
import dev.llmock.Shape;
import dev.llmock.internal.shape.ShapeAccess;
import dev.llmock.junit.Generated;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

/** Turns one {@code @Generated} target (parameter or field) into a request, a fixture and a converted value. */
public final class Injector {
    private Injector() {
    }

    /** The value for a {@code @Generated} parameter, labelled {@code UserTest.signsUp(User)} in the cassette. */
    public static Object parameter(ParameterContext parameter, ExtensionContext context) {
        Generated generated = parameter.findAnnotation(Generated.class).orElseThrow();
        Executable executable = parameter.getDeclaringExecutable();
        String signature = context.getRequiredTestClass().getSimpleName() + "."
                + (executable instanceof Constructor ? "<init>" : executable.getName()) + "("
                + Arrays.stream(executable.getParameterTypes()).map(Class::getSimpleName)
                        .collect(Collectors.joining(", ")) + ")";
        String label = executable.getParameterCount() == 1 ? signature : signature + " #" + parameter.getIndex();
        String what = "parameter " + parameter.getIndex() + " (" + parameter.getParameter().getType().getSimpleName()
                + ") of " + signature;
        try {
            return value(generated, parameter.getParameter().getParameterizedType(), label, what, context);
        } catch (LlmockException e) {
            throw new ParameterResolutionException(e.getMessage(), e);
        }
    }

    /**
     * The value for a {@code @Generated} target of {@code type}; {@code what} names it in messages
     * ("parameter 0 (User) of UserTest.signsUp(User)").
     */
    static Object value(Generated generated, Type type, String label, String what, ExtensionContext context) {
        Target target = Target.of(type);
        if (generated.count() < 1) {
            throw new LlmockException(Messages.badCount(what, generated.count()));
        }
        if (generated.count() > 1 && target.container() == Target.Container.NONE) {
            throw new LlmockException(Messages.countNeedsContainer(what, generated.count(), target.declaredName()));
        }
        Class<?> testClass = context.getRequiredTestClass();
        Shape shape = shape(generated, target, what, testClass);
        FixtureRequest.Builder builder = FixtureRequest.newBuilder().shape(shape).count(generated.count())
                .backend(generated.backend()).prompt(generated.prompt()).maxAttempts(generated.maxAttempts())
                .label(label);
        for (String rule : generated.rules()) {
            builder.rule(rule);
        }
        if (!generated.enrich().isBlank()) {
            builder.enrich(generated.enrich());
        }
        if (!generated.validate().isBlank()) {
            builder.validate(generated.validate());
        }
        if (generated.consensus().length > 0) {
            builder.consensus(generated.consensus());
        }
        if (!generated.corrector().isBlank()) {
            builder.corrector(generated.corrector());
        }
        if (!generated.finalBackend().isBlank()) {
            builder.finalBackend(generated.finalBackend());
        }
        if (!target.elementIsJson()) {
            builder.targetType(target.element().getRawClass());
        }
        FixtureRequest base = builder.build();
        TestFixtures fixtures = TestFixtures.of(context);
        int variant = generated.variant() >= 0 ? generated.variant() : fixtures.nextVariant(base);
        FixtureRequest request = base.toBuilder().variant(variant).build();

        Fixture fixture = fixtures.generate(what, request);
        try {
            return target.convert(fixture, fixtures.objectMapper());
        } catch (LlmockException | IllegalArgumentException e) {
            throw new LlmockException(Messages.conversionFailed(what, target.declaredName(), e.getMessage()), e);
        }
    }

    /** Sets every {@code @Generated} field of the instance (or, with a null instance, every static one). */
    public static void injectFields(Class<?> testClass, Object instance, ExtensionContext context) {
        List<Field> fields = AnnotationSupport.findAnnotatedFields(testClass, Generated.class,
                field -> Modifier.isStatic(field.getModifiers()) == (instance == null),
                HierarchyTraversalMode.TOP_DOWN);
        for (Field field : fields) {
            // directly or through a meta-annotation such as @Customer, as JUnit finds its own annotations
            Generated generated = AnnotationSupport.findAnnotation(field, Generated.class).orElseThrow();
            String label = testClass.getSimpleName() + "." + field.getName();
            String what = "field " + field.getName() + " of " + testClass.getSimpleName();
            Object value = value(generated, field.getGenericType(), label, what, context);
            try {
                field.setAccessible(true);
                field.set(instance, value);
            } catch (IllegalAccessException | RuntimeException e) {
                throw new LlmockException(Messages.fieldNotWritable(what, e), e);
            }
        }
    }

    private static Shape shape(Generated generated, Target target, String what, Class<?> testClass) {
        boolean inline = !generated.shape().isBlank();
        boolean resource = !generated.shapeResource().isBlank();
        if (inline && resource) {
            throw new LlmockException(Messages.twoShapes(what));
        }
        if (!inline && !resource) {
            if (target.elementIsJson()) {
                throw new LlmockException(Messages.shapeNeeded(what, target.elementName()));
            }
            return Shape.of(target.element());
        }
        Shape shape = inline ? Shape.parse(generated.shape()) : Shape.parse(read(generated.shapeResource(), what,
                testClass));
        if (!target.elementIsJson()) {
            List<String> problems = ShapeMatch.problems(ShapeAccess.node(shape), ShapeAccess.node(Shape.of(target.element())),
                    target.elementName());
            if (!problems.isEmpty()) {
                throw new LlmockException(Messages.shapeMismatch(what, target.elementName(), problems));
            }
        }
        return shape;
    }

    static String read(String resource, String what, Class<?> testClass) {
        String path = resource.startsWith("/") ? resource.substring(1) : resource;
        ClassLoader loader = testClass.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new LlmockException(Messages.resourceMissing(what, resource));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LlmockException(Messages.resourceMissing(what, resource), e);
        }
    }
}
