package dev.llmock.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmock.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenApiSpecTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void readsEveryOperationWithItsBasePathStatusAndMediaType() throws IOException {
        OpenApiSpec spec = OpenApiSpec.load(write("store.yaml", """
                openapi: 3.0.3
                info: {title: Store, version: 1.0.0}
                servers:
                  - url: https://api.example.com/store/v1
                paths:
                  /orders:
                    post:
                      operationId: createOrder
                      requestBody:
                        required: true
                        content:
                          application/json:
                            schema: {$ref: '#/components/schemas/Order'}
                      responses:
                        '201': {description: created, content: {application/json: {schema: {$ref: '#/components/schemas/Order'}}}}
                        '200': {description: existing, content: {application/json: {schema: {$ref: '#/components/schemas/Order'}}}}
                        '422': {description: invalid, content: {application/problem+json: {schema: {type: object, properties: {title: {type: string}}}}}}
                  /orders/{orderId}:
                    parameters:
                      - {name: orderId, in: path, required: true, schema: {type: integer}}
                    get:
                      responses:
                        '200': {$ref: '#/components/responses/Found'}
                    delete:
                      operationId: cancelOrder
                      parameters:
                        - {name: reason, in: query, schema: {type: string}}
                      responses:
                        '204': {description: cancelled}
                components:
                  responses:
                    Found:
                      description: the order
                      content:
                        application/vnd.store+json: {schema: {$ref: '#/components/schemas/Order'}}
                  schemas:
                    Order: {type: object, properties: {id: {type: integer}}}
                """));

        assertThat(spec.title()).isEqualTo("Store");
        assertThat(spec.operations()).extracting(OpenApiOperation::toString).containsExactly(
                "createOrder (POST /store/v1/orders)", "GET /orders/{orderId} (GET /store/v1/orders/{orderId})",
                "cancelOrder (DELETE /store/v1/orders/{orderId})");
        OpenApiOperation create = spec.operation("createOrder");
        assertThat(create.success().statusCode()).isEqualTo(200);
        assertThat(create.badRequest()).get().extracting(OpenApiResponse::statusCode).isEqualTo(422);
        assertThat(create.body()).get().extracting(OpenApiRequestBody::required).isEqualTo(true);
        OpenApiResponse found = spec.operation("GET /orders/{orderId}").success();
        assertThat(found.preferred()).get().extracting(OpenApiContent::mediaType, OpenApiContent::json)
                .containsExactly("application/vnd.store+json", true);
        OpenApiOperation cancel = spec.operation("cancelOrder");
        assertThat(cancel.success().statusCode()).isEqualTo(204);
        assertThat(cancel.success().preferred()).isEmpty();
        assertThat(cancel.parameters()).extracting(OpenApiParameter::in, OpenApiParameter::name,
                OpenApiParameter::required).containsExactly(
                tuple("path", "orderId", true),
                tuple("query", "reason", false));
    }

    @Test
    void theBasePathIsTheFirstServersPathWithItsVariablesAndAPathOrOperationServerWins() throws IOException {
        OpenApiSpec spec = OpenApiSpec.load(write("servers.yaml", """
                openapi: 3.0.1
                info: {title: Servers, version: 1.0.0}
                servers:
                  - url: '{scheme}://developer.uspto.gov/ds-api/'
                    variables: {scheme: {default: https, enum: [https, http]}}
                paths:
                  /:
                    get: {operationId: root, responses: {'200': {description: ok}}}
                  /fields:
                    servers: [{url: 'https://fields.example.com/v2'}]
                    get: {operationId: fields, responses: {'200': {description: ok}}}
                    put:
                      operationId: putFields
                      servers: [{url: /v3}]
                      responses: {'200': {description: ok}}
                """));

        assertThat(spec.operations()).extracting(OpenApiOperation::basePath).containsExactly("/ds-api", "/v2", "/v3");
        assertThat(spec.operation("root").fullPath()).isEqualTo("/ds-api/");
    }

    @Test
    void schemasStandOnTheirOwnWithOnlyTheComponentsTheyReach() throws IOException {
        OpenApiSpec spec = OpenApiSpec.load(write("pets.yaml", """
                openapi: 3.0.0
                info: {title: Pets, version: 1.0.0}
                paths:
                  /pets:
                    get:
                      operationId: listPets
                      responses:
                        '200':
                          description: pets
                          content:
                            application/json:
                              schema: {type: array, maxItems: 100, items: {$ref: '#/components/schemas/Pet'}}
                components:
                  schemas:
                    Pet:
                      allOf:
                        - $ref: '#/components/schemas/NewPet'
                        - {type: object, required: [id], properties: {id: {type: integer, format: int64}}}
                    NewPet: {type: object, required: [name], properties: {name: {type: string}}}
                    Unused: {type: string}
                """));

        JsonNode schema = spec.operation("listPets").success().preferred().orElseThrow().schema();

        assertThat(schema).isEqualTo(json("""
                {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"array","maxItems":100,
                 "items":{"$ref":"#/$defs/Pet"},
                 "$defs":{"NewPet":{"type":"object","required":["name"],"properties":{"name":{"type":"string"}}},
                          "Pet":{"allOf":[{"$ref":"#/$defs/NewPet"},
                                          {"type":"object","required":["id"],"properties":{"id":{"type":"integer","format":"int64"}}}]}}}
                """));
        Shape pets = Shape.fromJsonSchema(schema);
        assertThat(pets.validate(json("[{\"id\":1,\"name\":\"Rex\"}]"))).isEmpty();
        assertThat(pets.validate(json("[{\"name\":\"Rex\"}]"))).extracting(Object::toString)
                .anyMatch(violation -> violation.contains("/0/id"));
    }

    @Test
    void openApiWordsBecomeJsonSchemaAndEachDirectionHidesWhatOpenApiHides() throws IOException {
        OpenApiSpec spec = OpenApiSpec.load(write("users.yaml", """
                openapi: 3.0.3
                info: {title: Users, version: 1.0.0}
                paths:
                  /users:
                    post:
                      operationId: addUser
                      requestBody:
                        content: {application/json: {schema: {$ref: '#/components/schemas/User'}}}
                      responses:
                        '201': {description: created, content: {application/json: {schema: {$ref: '#/components/schemas/User'}}}}
                components:
                  schemas:
                    User:
                      type: object
                      required: [id, name, password]
                      discriminator: {propertyName: kind}
                      xml: {name: user}
                      x-internal: true
                      properties:
                        id: {type: integer, readOnly: true}
                        name: {type: string, example: Ada Lovelace}
                        nickname: {type: string, nullable: true}
                        age: {type: integer, minimum: 0, exclusiveMinimum: true, maximum: 150}
                        password: {type: string, writeOnly: true}
                """));
        OpenApiOperation add = spec.operation("addUser");

        JsonNode request = add.body().orElseThrow().preferred().orElseThrow().schema().path("$defs").path("User");
        JsonNode response = add.success().preferred().orElseThrow().schema().path("$defs").path("User");

        assertThat(request).isEqualTo(json("""
                {"type":"object","required":["name","password"],
                 "properties":{"name":{"type":"string","examples":["Ada Lovelace"]},
                               "nickname":{"type":["string","null"]},
                               "age":{"type":"integer","exclusiveMinimum":0,"maximum":150},
                               "password":{"type":"string","writeOnly":true}}}
                """));
        assertThat(response.path("required")).isEqualTo(json("[\"id\",\"name\"]"));
        assertThat(response.path("properties").has("password")).isFalse();
        assertThat(response.path("properties").path("id")).isEqualTo(json("{\"type\":\"integer\",\"readOnly\":true}"));
    }

    @Test
    void openApi31SchemasAreKeptAsTheyAreApartFromTheirReferences() throws IOException {
        OpenApiSpec spec = OpenApiSpec.load(write("tags.yaml", """
                openapi: 3.1.0
                info: {title: Tags, version: 1.0.0}
                paths:
                  /tags/{name}:
                    get:
                      operationId: getTag
                      parameters: [{name: name, in: path, required: true, schema: {type: string}}]
                      responses:
                        '200':
                          description: a tag
                          content:
                            application/json:
                              schema: {$ref: '#/components/schemas/Tag'}
                components:
                  schemas:
                    Tag:
                      type: object
                      required: [name]
                      properties:
                        name: {type: string, examples: [red, blue]}
                        parent: {type: [string, 'null']}
                """));

        JsonNode tag = spec.operation("getTag").success().preferred().orElseThrow().schema().path("$defs").path("Tag");

        assertThat(tag.path("properties")).isEqualTo(json("""
                {"name":{"type":"string","examples":["red","blue"]},"parent":{"type":["string","null"]}}"""));
    }

    @Test
    void aResponseWithAnExampleButNoSchemaTakesTheExamplesStructure() throws IOException {
        OpenApiSpec spec = OpenApiSpec.load(write("versions.yaml", """
                openapi: 3.0.0
                info: {title: Versions, version: 1.0.0}
                paths:
                  /:
                    get:
                      operationId: listVersions
                      responses:
                        '200':
                          description: versions
                          content:
                            application/json:
                              examples:
                                foo:
                                  value: {versions: [{id: v2.0, updated: '2011-01-21T11:33:21Z', links: [{href: 'http://127.0.0.1:8774/v2/'}]}]}
                """));

        OpenApiContent content = spec.operation("listVersions").success().preferred().orElseThrow();

        assertThat(content.schemaFromExample()).isTrue();
        assertThat(content.examples()).hasSize(1);
        assertThat(content.shape().validate(content.examples().get(0))).isEmpty();
        assertThat(content.schema().at("/properties/versions/items/properties/updated"))
                .isEqualTo(json("{\"type\":\"string\",\"format\":\"date-time\",\"examples\":[\"2011-01-21T11:33:21Z\"]}"));
    }

    @Test
    void externalReferencesAreReadFromFilesBesideTheDescription() throws IOException {
        write("common.yaml", """
                Money: {type: object, required: [amount], properties: {amount: {type: number}, currency: {type: string}}}
                """);
        OpenApiSpec spec = OpenApiSpec.load(write("prices.yaml", """
                openapi: 3.0.0
                info: {title: Prices, version: 1.0.0}
                paths:
                  /price:
                    get:
                      operationId: getPrice
                      responses:
                        '200': {description: a price, content: {application/json: {schema: {$ref: 'common.yaml#/Money'}}}}
                """));

        Shape price = spec.operation("getPrice").success().preferred().orElseThrow().shape();

        assertThat(price.validate(json("{\"amount\":9.5,\"currency\":\"EUR\"}"))).isEmpty();
        assertThat(price.validate(json("{\"currency\":\"EUR\"}"))).isNotEmpty();
    }

    @Test
    void aMissingFileNamesWhereItLookedAndAnUnknownOperationListsTheKnownOnes() throws IOException {
        assertThatThrownBy(() -> OpenApiSpec.load("nowhere/petstore.yaml"))
                .isInstanceOf(OpenApiException.class)
                .hasMessageStartingWith("No OpenAPI description at nowhere/petstore.yaml: it is neither a file (")
                .hasMessageEndingWith(") nor a classpath resource. Give the path of a YAML or JSON file, or a resource"
                        + " on the test classpath.");
        OpenApiSpec spec = OpenApiSpec.load(write("one.yaml", """
                openapi: 3.0.0
                info: {title: One, version: 1.0.0}
                paths:
                  /a: {get: {operationId: getA, responses: {'200': {description: ok}}}}
                """));
        assertThatThrownBy(() -> spec.operation("getB"))
                .hasMessage("No operation \"getB\" in " + dir.resolve("one.yaml") + "; it has getA. Use an operationId"
                        + " (or \"METHOD /path\" for an operation without one).");
    }

    @Test
    void somethingThatIsNoOpenApiDescriptionIsRefusedWithTheParsersWords() throws IOException {
        Path file = write("notes.yaml", "shopping: [milk, eggs]\n");

        assertThatThrownBy(() -> OpenApiSpec.load(file))
                .isInstanceOf(OpenApiException.class)
                .hasMessageStartingWith("Could not read " + file + " as an OpenAPI description")
                .hasMessageEndingWith("Expected OpenAPI 3.0 or 3.1 in YAML or JSON (Swagger 2.0 needs"
                        + " io.swagger.parser.v3:swagger-parser-v2-converter on the classpath).");
    }

    @Test
    void aDescriptionIsAlsoFoundOnTheClasspath() {
        OpenApiSpec spec = OpenApiSpec.load("openapi/minimal.yaml");

        assertThat(spec.operations()).extracting(OpenApiOperation::id).containsExactly("ping");
        assertThat(spec.operation("ping").fullPath()).isEqualTo("/api/ping");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }
}
