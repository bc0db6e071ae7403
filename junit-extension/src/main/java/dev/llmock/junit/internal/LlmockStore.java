package dev.llmock.junit.internal;

import org.junit.jupiter.api.extension.ExtensionContext;

/** The one namespace under which llmock keeps its state in JUnit's stores. */
final class LlmockStore {
    static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create("dev.llmock.junit");

    private LlmockStore() {
    }

    /** The context of the top-level test class, whose cassette nested classes share. */
    static ExtensionContext topLevelClass(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getParent().isPresent() && current.getParent().get().getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }
}
