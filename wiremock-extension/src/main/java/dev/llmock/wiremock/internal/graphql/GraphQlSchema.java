package dev.llmock.wiremock.internal.graphql;

import graphql.GraphQLError;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.schema.idl.errors.SchemaProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A GraphQL schema (SDL, e.g. {@code schema.graphqls}) that types the mock's GraphQL answers and validates the
 * queries sent to it.
 *
 * @since 0.1.0
 */
public final class GraphQlSchema {
    private final GraphQLSchema schema;
    private final String source;

    private GraphQlSchema(GraphQLSchema schema, String source) {
        this.schema = schema;
        this.source = source;
    }

    /**
     * Parses schema text.
     *
     * @param source where the text comes from, for messages
     * @throws IllegalArgumentException naming the source, the line and column, and what is wrong
     */
    public static GraphQlSchema parse(String sdl, String source) {
        try {
            return new GraphQlSchema(UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(sdl)),
                    source);
        } catch (SchemaProblem problem) {
            GraphQLError first = problem.getErrors().isEmpty() ? null : problem.getErrors().get(0);
            String at = first == null || first.getLocations() == null || first.getLocations().isEmpty() ? ""
                    : " at line " + first.getLocations().get(0).getLine() + ", column "
                    + first.getLocations().get(0).getColumn();
            throw new IllegalArgumentException(Messages.badSchema(source, at,
                    first == null ? problem.getMessage() : first.getMessage()), problem);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(Messages.badSchema(source, "", e.getMessage()), e);
        }
    }

    /**
     * Reads and parses a schema file.
     *
     * @throws IllegalArgumentException when the file cannot be read or is not a schema
     */
    public static GraphQlSchema read(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException(Messages.unreadableSchema(file, e), e);
        }
    }

    GraphQLSchema schema() {
        return schema;
    }

    @Override
    public String toString() {
        return "GraphQlSchema[" + source + "]";
    }
}
