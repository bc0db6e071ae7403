package dev.llmock.wiremock.internal.graphql;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;

/** The messages of the mock's GraphQL endpoint a user reads, in one place. */
public final class Messages {
    private Messages() {
    }

    static String badSchema(String source, String at, String what) {
        return "The GraphQL schema " + source + " is not valid" + at + ": " + what
                + ". Fix the schema (SDL, e.g. type Query { user(id: ID!): User }).";
    }

    static String unreadableSchema(Path file, IOException e) {
        return "The GraphQL schema file " + file + " cannot be read (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "). Check the path given to"
                + " --graphql-schema or graphQlSchema(...).";
    }

    static String operationNameRequired(Collection<String> names) {
        return "The document has " + names.size() + " operations " + names + "; name the one to run in"
                + " \"operationName\".";
    }

    static String unknownOperation(String name, Collection<String> names) {
        return "The document has no operation named \"" + name + "\"; it has " + names + ".";
    }

    static String noOperation() {
        return "The document has no operation to run; send a query such as { users { id name } }.";
    }

    static String subscription() {
        return "Subscriptions are not served over HTTP POST here; send a query or a mutation.";
    }

    static String missingVariable(String name, String type) {
        return "Variable \"$" + name + "\" of non-null type \"" + type + "\" was not provided; add it to"
                + " \"variables\".";
    }

    static String unknownFragment(String name) {
        return "The fragment \"" + name + "\" is used but not defined in the document.";
    }
}
