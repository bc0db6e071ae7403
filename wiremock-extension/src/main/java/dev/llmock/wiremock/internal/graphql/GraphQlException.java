package dev.llmock.wiremock.internal.graphql;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.internal.Json;
import graphql.GraphQLError;
import graphql.language.SourceLocation;
import java.util.List;

/**
 * A GraphQL request that cannot be executed (a malformed document, a document the schema does not allow, a missing
 * operation or variable), with the errors as the GraphQL spec writes them and the HTTP status the GraphQL-over-HTTP
 * spec gives such a request: 400.
 */
public final class GraphQlException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient ArrayNode errors;

    GraphQlException(ArrayNode errors) {
        super(errors.path(0).path("message").asText(), null, false, false);
        this.errors = errors;
    }

    /** One error with its message and, when known, its place in the document. */
    static GraphQlException of(String message, SourceLocation location, String classification) {
        ArrayNode errors = Json.MAPPER.createArrayNode();
        errors.add(error(message, location == null ? List.of() : List.of(location), classification));
        return new GraphQlException(errors);
    }

    /** The errors graphql-java found (syntax, validation), each with its locations. */
    static GraphQlException of(List<? extends GraphQLError> found) {
        ArrayNode errors = Json.MAPPER.createArrayNode();
        for (GraphQLError error : found) {
            String classification = error.getErrorType() == null ? null : error.getErrorType().toString();
            errors.add(error(error.getMessage(), error.getLocations(), classification));
        }
        return new GraphQlException(errors);
    }

    /** The HTTP status: 400, as for every request error. */
    public int status() {
        return 400;
    }

    /** The GraphQL response: {@code {"errors":[{"message","locations":[{"line","column"}],"extensions"}]}}. */
    public ObjectNode response() {
        ObjectNode response = Json.MAPPER.createObjectNode();
        response.set("errors", errors.deepCopy());
        return response;
    }

    private static ObjectNode error(String message, List<SourceLocation> locations, String classification) {
        ObjectNode error = Json.MAPPER.createObjectNode();
        error.put("message", message);
        if (locations != null && !locations.isEmpty()) {
            ArrayNode array = error.putArray("locations");
            for (SourceLocation location : locations) {
                if (location != null && location.getLine() > 0) {
                    ObjectNode each = array.addObject();
                    each.put("line", location.getLine());
                    each.put("column", location.getColumn());
                }
            }
            if (array.isEmpty()) {
                error.remove("locations");
            }
        }
        if (classification != null) {
            error.putObject("extensions").put("classification", classification);
        }
        return error;
    }
}
