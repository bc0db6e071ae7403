package dev.llmock.openapi.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmock.openapi.OpenApiException;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads an OpenAPI description with swagger-parser (YAML or JSON; 3.0, 3.1, and Swagger 2.0 when its converter is on
 * the classpath), external references pulled into {@code components}, and hands it on as one JSON tree, so that the
 * rest of llmock works on plain JSON whatever the version.
 */
public final class SpecReader {
    private SpecReader() {
    }

    /** A file, else a resource of the context class loader (then of this class's loader). */
    public static ReadSpec read(String location) {
        Path file = Path.of(location);
        if (Files.isRegularFile(file)) {
            return read(file);
        }
        String name = location.startsWith("/") ? location.substring(1) : location;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        URL resource = loader == null ? null : loader.getResource(name);
        if (resource == null) {
            resource = SpecReader.class.getClassLoader().getResource(name);
        }
        if (resource == null) {
            throw new OpenApiException(Messages.specNotFound(location, file.toAbsolutePath()));
        }
        if ("file".equals(resource.getProtocol())) {
            try {
                return parse(location, Path.of(resource.toURI()).toString(), null);
            } catch (java.net.URISyntaxException e) {
                // fall through to reading the resource's text
            }
        }
        try (InputStream in = resource.openStream()) {
            return parse(location, null, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ReadSpec read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new OpenApiException(Messages.specNotFound(file.toString(), file.toAbsolutePath()));
        }
        return parse(file.toString(), file.toAbsolutePath().toString(), null);
    }

    private static ReadSpec parse(String source, String path, String text) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = path != null ? new OpenAPIParser().readLocation(path, null, options)
                : new OpenAPIParser().readContents(text, null, options);
        List<String> messages = result == null || result.getMessages() == null ? List.of()
                : List.copyOf(result.getMessages());
        OpenAPI openApi = result == null ? null : result.getOpenAPI();
        if (openApi == null) {
            throw new OpenApiException(Messages.unreadable(source, messages));
        }
        boolean v31 = openApi.getSpecVersion() == SpecVersion.V31;
        ObjectMapper mapper = v31 ? Json31.mapper() : Json.mapper();
        ObjectNode tree = mapper.valueToTree(openApi);
        return new ReadSpec(source, tree, v31, messages);
    }

    /**
     * A description as read.
     *
     * @param source   where it came from, as the user named it
     * @param tree     the whole description as JSON
     * @param v31      whether it is OpenAPI 3.1 (schemas are then JSON Schema 2020-12 already)
     * @param messages what the parser found wrong, in its words
     */
    public record ReadSpec(String source, ObjectNode tree, boolean v31, List<String> messages) {
    }
}
