package dev.llmock.wiremock.internal.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.schema.GraphQLObjectType;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A GraphQL request made ready to answer: the document parsed (graphql-java), the operation chosen, variables
 * resolved, validated against the schema when there is one, and its selection turned into a template shape.
 *
 * @param operation the operation's type, {@code query} or {@code mutation}
 * @param template  the shape of {@code data}, as a template
 * @param echoes    the values the request fixes in the answer
 */
public record GraphQlQuery(String operation, ObjectNode template, List<Echo> echoes) {
    /**
     * Prepares a request.
     *
     * @param variables the request's {@code variables}, or null
     * @param schema    the schema typing the answer, or null to guess types from field names
     * @throws GraphQlException for a malformed document, one the schema does not allow, an unknown or ambiguous
     *                          operation, a missing variable, or a subscription
     */
    public static GraphQlQuery prepare(String query, String operationName, ObjectNode variables, GraphQlSchema schema) {
        Document document;
        try {
            document = Parser.parse(query);
        } catch (InvalidSyntaxException e) {
            throw GraphQlException.of(List.of(e.toInvalidSyntaxError()));
        }
        if (schema != null) {
            List<ValidationError> errors = new Validator().validateDocument(schema.schema(), document, Locale.ENGLISH);
            if (!errors.isEmpty()) {
                throw GraphQlException.of(errors);
            }
        }
        OperationDefinition operation = operation(document, operationName);
        if (operation.getOperation() == OperationDefinition.Operation.SUBSCRIPTION) {
            throw GraphQlException.of(Messages.subscription(), operation.getSourceLocation(), "OperationNotSupported");
        }
        Map<String, FragmentDefinition> fragments = new LinkedHashMap<>();
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
        boolean mutation = operation.getOperation() == OperationDefinition.Operation.MUTATION;
        GraphQLObjectType root = schema == null ? null
                : mutation ? schema.schema().getMutationType() : schema.schema().getQueryType();
        SelectionShapes shapes = new SelectionShapes(fragments, new Variables(operation, variables),
                schema == null ? null : schema.schema());
        ObjectNode template = shapes.root(operation.getSelectionSet(), root,
                root != null ? root.getName() : mutation ? "Mutation" : "Query");
        return new GraphQlQuery(mutation ? "mutation" : "query", template, List.copyOf(shapes.echoes()));
    }

    /** Sets the values the request fixes in generated {@code data}. */
    public JsonNode answer(JsonNode data) {
        JsonNode answered = data.deepCopy();
        echoes.forEach(echo -> echo.apply(answered));
        return answered;
    }

    private static OperationDefinition operation(Document document, String name) {
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        List<String> names = new ArrayList<>();
        operations.forEach(each -> names.add(each.getName() == null ? "(anonymous)" : each.getName()));
        if (name != null && !name.isBlank()) {
            return operations.stream().filter(each -> name.equals(each.getName())).findFirst()
                    .orElseThrow(() -> GraphQlException.of(Messages.unknownOperation(name, names), null, null));
        }
        if (operations.isEmpty()) {
            throw GraphQlException.of(Messages.noOperation(), null, null);
        }
        if (operations.size() > 1) {
            throw GraphQlException.of(Messages.operationNameRequired(
                    names.stream().collect(Collectors.toList())), null, null);
        }
        return operations.get(0);
    }
}
