package dev.llmock.junit.internal;

import dev.llmock.junit.LlmockExtension;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Decides which {@link LlmockExtension} acts for a test class. {@code @Generated} registers one by itself; a class may
 * also register one built in code in a static {@code @RegisterExtension} field. Then that one acts, with its settings,
 * and the other steps aside, so nothing is injected twice and no parameter has two resolvers, in whatever order JUnit
 * registered them.
 */
public final class Registration {
    private Registration() {
    }

    /** Whether {@code extension}, with {@code settings}, acts for the class of {@code context}. */
    public static boolean acts(LlmockExtension extension, ExtensionSettings settings, ExtensionContext context) {
        ExtensionContext top = LlmockStore.topLevelClass(context);
        Optional<LlmockExtension> registered = top.getStore(LlmockStore.NAMESPACE)
                .getOrComputeIfAbsent(Registered.class, key -> find(top.getRequiredTestClass()), Registered.class)
                .extension();
        if (registered.isEmpty()) {
            if (settings.fromCode()) {
                throw new ExtensionConfigurationException(Messages.registerInStaticField(
                        top.getRequiredTestClass().getSimpleName()));
            }
            return true;
        }
        if (registered.get() != extension) {
            return false;
        }
        top.getStore(LlmockStore.NAMESPACE).getOrComputeIfAbsent(ExtensionSettings.class, key -> settings,
                ExtensionSettings.class);
        return true;
    }

    /** The settings of the extension registered in code for the class of {@code context}, or none. */
    static ExtensionSettings of(ExtensionContext context) {
        ExtensionSettings settings = LlmockStore.topLevelClass(context).getStore(LlmockStore.NAMESPACE)
                .get(ExtensionSettings.class, ExtensionSettings.class);
        return settings == null ? ExtensionSettings.NONE : settings;
    }

    private static Registered find(Class<?> testClass) {
        List<LlmockExtension> found = AnnotationSupport.findAnnotatedFieldValues(testClass, RegisterExtension.class)
                .stream().filter(LlmockExtension.class::isInstance).map(LlmockExtension.class::cast).toList();
        if (found.size() > 1) {
            throw new ExtensionConfigurationException(Messages.registeredTwice(testClass.getSimpleName(),
                    found.size()));
        }
        return new Registered(found.stream().findFirst());
    }

    /** The extension in a static {@code @RegisterExtension} field of the class, if there is one. */
    private record Registered(Optional<LlmockExtension> extension) {
    }
}
