package dev.llmock.internal.shape;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Where each schema resource ({@code $id}), anchor ({@code $anchor}, {@code $dynamicAnchor}) and subschema of one
 * document lives, with the base IRI in effect there: what the generator needs to follow {@code $ref}.
 */
public final class SchemaIndex {
    /** Keywords whose values are data, not schemas: never searched for identifiers. */
    private static final Set<String> DATA = Set.of("const", "enum", "examples", "default");

    /** A subschema: its node, its JSON Pointer in the document, and the base IRI in effect at it. */
    public record Located(JsonNode schema, String pointer, URI base) {
    }

    private final JsonNode document;
    private final Map<String, String> resources = new HashMap<>();
    private final Map<String, String> anchors = new HashMap<>();
    private final Map<String, String> dynamicAnchors = new HashMap<>();
    private final Map<String, URI> bases = new HashMap<>();

    SchemaIndex(JsonNode document) {
        this.document = document;
        walk(document, "", URI.create(SchemaDocument.BASE));
    }

    /** The document's root. */
    public Located root() {
        return new Located(document, "", bases.getOrDefault("", URI.create(SchemaDocument.BASE)));
    }

    /** The subschema at {@code pointer}, with its base. */
    public Located at(String pointer) {
        JsonNode node = pointer.isEmpty() ? document : document.at(pointer);
        return node.isMissingNode() ? null : new Located(node, pointer, baseAt(pointer));
    }

    /** The target of {@code ref} read against {@code base}; null when it lies outside this document. */
    public Located resolve(URI base, String ref) {
        String resource;
        String fragment;
        if (ref.startsWith("#")) {
            resource = withoutFragment(base);
            fragment = decoded(ref.substring(1));
        } else {
            try {
                URI target = base.resolve(new URI(ref));
                resource = withoutFragment(target);
                fragment = target.getFragment();
            } catch (URISyntaxException | IllegalArgumentException e) {
                return null;
            }
        }
        String start = resources.get(resource);
        if (start == null) {
            return null;
        }
        if (fragment == null || fragment.isEmpty()) {
            return at(start);
        }
        if (fragment.startsWith("/")) {
            return at(start + fragment);
        }
        String anchor = anchors.get(resource + "#" + fragment);
        return anchor == null ? null : at(anchor);
    }

    /** A fragment with its %-escapes read ({@code %25} is {@code %}); left as it is when it is no valid IRI part. */
    private static String decoded(String fragment) {
        try {
            return new URI("x:y#" + fragment).getFragment();
        } catch (URISyntaxException e) {
            return fragment;
        }
    }

    /** The subschema with {@code $dynamicAnchor} {@code name} in the resource {@code resource}, or null. */
    public Located dynamicAnchor(URI resource, String name) {
        String pointer = dynamicAnchors.get(withoutFragment(resource) + "#" + name);
        return pointer == null ? null : at(pointer);
    }

    private URI baseAt(String pointer) {
        for (String at = pointer; ; at = at.substring(0, at.lastIndexOf('/'))) {
            URI base = bases.get(at);
            if (base != null) {
                return base;
            }
            if (at.isEmpty()) {
                return URI.create(SchemaDocument.BASE);
            }
        }
    }

    private void walk(JsonNode node, String pointer, URI base) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, base);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        URI here = base;
        JsonNode id = node.has("$id") ? node.get("$id") : node.get("id");
        if (id != null && id.isTextual()) {
            String text = id.asText();
            if (text.startsWith("#")) {
                anchors.put(withoutFragment(base) + text, pointer); // draft 6/7: "$id": "#name" is an anchor
            } else {
                try {
                    here = base.resolve(new URI(text));
                    resources.put(withoutFragment(here), pointer);
                } catch (URISyntaxException | IllegalArgumentException e) {
                    // not an IRI: the validator already reported the schema, nothing to index
                }
            }
        }
        if (pointer.isEmpty()) {
            resources.putIfAbsent(withoutFragment(here), "");
        }
        bases.put(pointer, here);
        if (node.path("$anchor").isTextual()) {
            anchors.put(withoutFragment(here) + "#" + node.get("$anchor").asText(), pointer);
        }
        if (node.path("$dynamicAnchor").isTextual()) {
            String key = withoutFragment(here) + "#" + node.get("$dynamicAnchor").asText();
            anchors.putIfAbsent(key, pointer);
            dynamicAnchors.put(key, pointer);
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!DATA.contains(field.getKey())) {
                walk(field.getValue(), pointer + "/" + escape(field.getKey()), here);
            }
        }
    }

    private static String withoutFragment(URI uri) {
        String text = uri.toString();
        int hash = text.indexOf('#');
        return hash < 0 ? text : text.substring(0, hash);
    }

    static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
