package dev.llmock.wiremock.internal.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.internal.Json;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.EnumValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.NonNullType;
import graphql.language.ObjectValue;
import graphql.language.OperationDefinition;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableDefinition;
import graphql.language.VariableReference;
import graphql.language.AstPrinter;
import java.util.HashMap;
import java.util.Map;

/** The operation's variables as JSON: the request's values, else the defaults; GraphQL literals read likewise. */
final class Variables {
    private final Map<String, JsonNode> values = new HashMap<>();

    /**
     * @param given the request's {@code variables}, or null
     * @throws GraphQlException when a non-null variable without a default is missing
     */
    Variables(OperationDefinition operation, ObjectNode given) {
        for (VariableDefinition definition : operation.getVariableDefinitions()) {
            JsonNode value = given == null ? null : given.get(definition.getName());
            if (value == null && definition.getDefaultValue() != null) {
                value = literal(definition.getDefaultValue());
            }
            if ((value == null || value.isNull()) && definition.getType() instanceof NonNullType) {
                throw GraphQlException.of(Messages.missingVariable(definition.getName(),
                        AstPrinter.printAst(definition.getType())), definition.getSourceLocation(), "ValidationError");
            }
            values.put(definition.getName(), value == null ? Json.MAPPER.nullNode() : value);
        }
    }

    /** A value of the document as JSON, variables resolved. */
    JsonNode value(Value<?> value) {
        if (value instanceof VariableReference) {
            return values.getOrDefault(((VariableReference) value).getName(), Json.MAPPER.nullNode());
        }
        return literal(value);
    }

    private JsonNode literal(Value<?> value) {
        if (value instanceof StringValue) {
            return Json.MAPPER.getNodeFactory().textNode(((StringValue) value).getValue());
        }
        if (value instanceof IntValue) {
            return Json.MAPPER.getNodeFactory().numberNode(((IntValue) value).getValue());
        }
        if (value instanceof FloatValue) {
            return Json.MAPPER.getNodeFactory().numberNode(((FloatValue) value).getValue());
        }
        if (value instanceof BooleanValue) {
            return Json.MAPPER.getNodeFactory().booleanNode(((BooleanValue) value).isValue());
        }
        if (value instanceof EnumValue) {
            return Json.MAPPER.getNodeFactory().textNode(((EnumValue) value).getName());
        }
        if (value instanceof ArrayValue) {
            ArrayNode array = Json.MAPPER.createArrayNode();
            ((ArrayValue) value).getValues().forEach(each -> array.add(value(each)));
            return array;
        }
        if (value instanceof ObjectValue) {
            ObjectNode object = Json.MAPPER.createObjectNode();
            ((ObjectValue) value).getObjectFields().forEach(field -> object.set(field.getName(), value(field.getValue())));
            return object;
        }
        if (value instanceof VariableReference) {
            return value(value);
        }
        return Json.MAPPER.nullNode();
    }
}
