package dev.llmock.wiremock.internal.openapi;

/**
 * Whether the optional {@code llmock-openapi} module is there, asked before any class that needs it is loaded, so that
 * a missing module is a clear message rather than a {@code NoClassDefFoundError}.
 */
public final class OpenApiSupport {
    private static final String PROBE = "dev.llmock.openapi.OpenApiSpec";

    private OpenApiSupport() {
    }

    /** @throws IllegalStateException saying which dependency to add, when the module is missing */
    public static void require() {
        try {
            Class.forName(PROBE, false, OpenApiSupport.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException(Messages.openApiModuleMissing(), e);
        }
    }
}
