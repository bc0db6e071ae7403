package dev.llmock.wiremock.internal.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.llmock.internal.Json;
import dev.llmock.wiremock.internal.context.Nouns;
import graphql.language.Directive;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLUnionType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns a selection set into a template shape: each selected field (under its alias) becomes a key, a sub-selection
 * an object, a list where the schema says so or, without a schema, where the field name is plural; fragments are
 * merged in and {@code @skip}/{@code @include} honoured. Notes the {@link Echo}s: arguments whose names are selected
 * fields, and {@code __typename}.
 */
final class SelectionShapes {
    private final Map<String, FragmentDefinition> fragments;
    private final Variables variables;
    private final GraphQLSchema schema;
    private final List<Echo> echoes = new ArrayList<>();

    /** @param schema the schema, or null to guess types from names */
    SelectionShapes(Map<String, FragmentDefinition> fragments, Variables variables, GraphQLSchema schema) {
        this.fragments = fragments;
        this.variables = variables;
        this.schema = schema;
    }

    List<Echo> echoes() {
        return echoes;
    }

    /** The template of the operation's selection on its root type ({@code Query}, {@code Mutation}). */
    ObjectNode root(SelectionSet selection, GraphQLObjectType rootType, String rootName) {
        return object(selection, rootType, List.of(), rootName);
    }

    private ObjectNode object(SelectionSet selection, GraphQLFieldsContainer type, List<String> path,
                              String typeName) {
        ObjectNode template = Json.MAPPER.createObjectNode();
        for (Field field : fields(selection, type)) {
            String key = field.getResultKey();
            if (field.getName().equals("__typename")) {
                template.put(key, "string");
                echoes.add(new Echo(path, key, TextNode.valueOf(typeName)));
                continue;
            }
            List<String> fieldPath = new ArrayList<>(path);
            fieldPath.add(key);
            JsonNode value = type == null ? guessed(field, fieldPath) : typed(field, type, fieldPath);
            JsonNode existing = template.get(key);
            if (existing != null && existing.isObject() && value.isObject()) {
                ((ObjectNode) existing).setAll((ObjectNode) value);
            } else {
                template.set(key, value);
            }
        }
        return template;
    }

    private JsonNode guessed(Field field, List<String> path) {
        boolean list = Nouns.isPlural(field.getName());
        JsonNode item;
        if (hasSelection(field)) {
            String singular = Nouns.singular(field.getName());
            item = object(field.getSelectionSet(), null, path,
                    Character.toUpperCase(singular.charAt(0)) + singular.substring(1));
            echoArguments(field, (ObjectNode) item, path, true);
        } else {
            item = LeafTypes.guess(list ? Nouns.singular(field.getName()) : field.getName());
        }
        return list ? Json.MAPPER.createArrayNode().add(item) : item;
    }

    private JsonNode typed(Field field, GraphQLFieldsContainer parent, List<String> path) {
        GraphQLFieldDefinition definition = parent.getFieldDefinition(field.getName());
        if (definition == null) {
            return guessed(field, path);
        }
        return typed(definition.getType(), field, path);
    }

    private JsonNode typed(GraphQLType type, Field field, List<String> path) {
        if (type instanceof GraphQLNonNull) {
            return typed(((GraphQLNonNull) type).getWrappedType(), field, path);
        }
        if (type instanceof GraphQLList) {
            ArrayNode array = Json.MAPPER.createArrayNode();
            return array.add(typed(((GraphQLList) type).getWrappedType(), field, path));
        }
        if (type instanceof GraphQLScalarType) {
            return LeafTypes.scalar(((GraphQLScalarType) type).getName(), field.getName());
        }
        if (type instanceof GraphQLEnumType) {
            return LeafTypes.enumeration(((GraphQLEnumType) type).getValues().stream()
                    .map(GraphQLEnumValueDefinition::getName).collect(Collectors.toList()));
        }
        GraphQLObjectType concrete = concrete((GraphQLNamedType) type, field.getSelectionSet());
        GraphQLFieldsContainer fields = concrete != null ? concrete : (GraphQLFieldsContainer) type;
        ObjectNode object = object(field.getSelectionSet(), fields, path, fields.getName());
        echoArguments(field, object, path, false);
        return object;
    }

    /** The object type an abstract field answers with: the first its fragments name, else the first possible. */
    private GraphQLObjectType concrete(GraphQLNamedType type, SelectionSet selection) {
        if (type instanceof GraphQLObjectType) {
            return (GraphQLObjectType) type;
        }
        List<GraphQLObjectType> possible = type instanceof GraphQLUnionType
                ? ((GraphQLUnionType) type).getTypes().stream().filter(GraphQLObjectType.class::isInstance)
                .map(GraphQLObjectType.class::cast).collect(Collectors.toList())
                : schema.getImplementations((GraphQLInterfaceType) type);
        if (selection != null) {
            for (Selection<?> selected : selection.getSelections()) {
                String condition = typeCondition(selected);
                for (GraphQLObjectType candidate : possible) {
                    if (candidate.getName().equals(condition)) {
                        return candidate;
                    }
                }
            }
        }
        return possible.isEmpty() ? null : possible.get(0);
    }

    /** The fields of a selection set with fragments merged in, those skipped by directives (or type) left out. */
    private List<Field> fields(SelectionSet selection, GraphQLFieldsContainer type) {
        List<Field> fields = new ArrayList<>();
        if (selection == null) {
            return fields;
        }
        for (Selection<?> selected : selection.getSelections()) {
            if (selected instanceof Field) {
                if (included(((Field) selected).getDirectives())) {
                    fields.add((Field) selected);
                }
            } else if (selected instanceof InlineFragment) {
                InlineFragment inline = (InlineFragment) selected;
                if (included(inline.getDirectives()) && applies(typeCondition(inline), type)) {
                    fields.addAll(fields(inline.getSelectionSet(), type));
                }
            } else if (selected instanceof FragmentSpread) {
                FragmentSpread spread = (FragmentSpread) selected;
                FragmentDefinition definition = fragments.get(spread.getName());
                if (definition == null) {
                    throw GraphQlException.of(Messages.unknownFragment(spread.getName()),
                            spread.getSourceLocation(), "ValidationError");
                }
                if (included(spread.getDirectives()) && applies(definition.getTypeCondition().getName(), type)) {
                    fields.addAll(fields(definition.getSelectionSet(), type));
                }
            }
        }
        return fields;
    }

    /** Whether a fragment on {@code condition} applies to {@code type} (always without a schema). */
    private static boolean applies(String condition, GraphQLFieldsContainer type) {
        if (condition == null || type == null || condition.equals(type.getName())) {
            return true;
        }
        return type instanceof GraphQLObjectType && ((GraphQLObjectType) type).getInterfaces().stream()
                .anyMatch(each -> each.getName().equals(condition));
    }

    private String typeCondition(Selection<?> selected) {
        if (selected instanceof InlineFragment && ((InlineFragment) selected).getTypeCondition() != null) {
            return ((InlineFragment) selected).getTypeCondition().getName();
        }
        if (selected instanceof FragmentSpread && fragments.containsKey(((FragmentSpread) selected).getName())) {
            return fragments.get(((FragmentSpread) selected).getName()).getTypeCondition().getName();
        }
        return null;
    }

    private boolean included(List<Directive> directives) {
        for (Directive directive : directives) {
            if (directive.getArgument("if") == null) {
                continue;
            }
            boolean condition = variables.value(directive.getArgument("if").getValue()).asBoolean();
            if (directive.getName().equals("skip") && condition || directive.getName().equals("include") && !condition) {
                return false;
            }
        }
        return true;
    }

    /**
     * Arguments whose names are fields of the selected object (and the fields of an input object argument) are
     * echoed onto them; without a schema the field's template takes the argument's type.
     */
    private void echoArguments(Field field, ObjectNode object, List<String> path, boolean retype) {
        field.getArguments().forEach(argument -> {
            JsonNode value = variables.value(argument.getValue());
            if (value.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> property = it.next();
                    echo(object, path, property.getKey(), property.getValue(), retype);
                }
            } else {
                echo(object, path, argument.getName(), value, retype);
            }
        });
    }

    private void echo(ObjectNode object, List<String> path, String key, JsonNode value, boolean retype) {
        JsonNode current = object.get(key);
        if (current == null || !current.isTextual() || !value.isValueNode() || value.isNull()) {
            return;
        }
        if (retype) {
            object.set(key, LeafTypes.of(value));
        }
        echoes.add(new Echo(path, key, value));
    }

    private static boolean hasSelection(Field field) {
        return field.getSelectionSet() != null && !field.getSelectionSet().getSelections().isEmpty();
    }
}
