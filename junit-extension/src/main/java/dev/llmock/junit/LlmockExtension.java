package dev.llmock.junit;

import dev.llmock.junit.internal.FailureReport;
import dev.llmock.junit.internal.Injector;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Injects {@link Generated @Generated} fixtures. Registered by the annotation itself; a thin adapter over the
 * engine and the cassettes, with all state in JUnit's stores.
 *
 * @since 0.1.0
 */
public final class LlmockExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver,
        TestExecutionExceptionHandler {

    @Override
    public void beforeAll(ExtensionContext context) {
        Injector.injectFields(context.getRequiredTestClass(), null, context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            Injector.injectFields(instance.getClass(), instance, context);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.isAnnotated(Generated.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return Injector.parameter(parameter, context);
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        FailureReport.attach(context, throwable);
        throw throwable;
    }
}
