package dev.llmock.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A project that declares {@code llmock-junit} before {@code junit-jupiter} 6.1.3 must get only its own JUnit: no
 * published llmock artifact may bring a JUnit artifact to its users. Maven gives users the dependencies of a published
 * POM in {@code compile} and {@code runtime} scope only, so every JUnit dependency of a published module must be
 * {@code provided} or {@code test}, as the module declares it or, failing that, as the parent's
 * {@code dependencyManagement} sets it (imported BOMs set no scope). Reading the POMs keeps this check offline; a
 * throwaway consumer project would need the artifacts installed in a local repository first.
 */
class JUnitScopeTest {
    private static final Set<String> PUBLISHED = Set.of("core", "cassettes", "junit-extension", "wiremock-extension",
            "cli");
    private static final Set<String> NOT_PASSED_ON = Set.of("provided", "test");

    private final Path root = Path.of(System.getProperty("llmock.rootDirectory", ".."));

    @Test
    void noPublishedModuleHandsJUnitToItsUsers() throws Exception {
        Map<String, String> managedScopes = managedScopes(read(root.resolve("pom.xml")));
        List<String> passedOn = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (String module : PUBLISHED) {
            Element dependencies = child(read(root.resolve(module).resolve("pom.xml")).getDocumentElement(),
                    "dependencies");
            for (Element dependency : children(dependencies, "dependency")) {
                String id = text(dependency, "groupId") + ":" + text(dependency, "artifactId");
                if (!id.startsWith("org.junit")) {
                    continue;
                }
                String scope = text(dependency, "scope");
                String effective = scope != null ? scope : managedScopes.getOrDefault(id, "compile");
                seen.add(module + " " + id);
                if (!NOT_PASSED_ON.contains(effective)) {
                    passedOn.add(module + " " + id + " (" + effective + ")");
                }
            }
        }
        assertThat(seen).contains("junit-extension org.junit.jupiter:junit-jupiter-api",
                "wiremock-extension org.junit.jupiter:junit-jupiter-api");
        assertThat(passedOn).as("JUnit artifacts that users of llmock would get from llmock").isEmpty();
    }

    private static Map<String, String> managedScopes(Document parent) {
        Map<String, String> scopes = new HashMap<>();
        Element management = child(parent.getDocumentElement(), "dependencyManagement");
        for (Element dependency : children(child(management, "dependencies"), "dependency")) {
            String scope = text(dependency, "scope");
            if (scope != null && !"import".equals(scope)) {
                scopes.put(text(dependency, "groupId") + ":" + text(dependency, "artifactId"), scope);
            }
        }
        return scopes;
    }

    private static Document read(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element each && each.getTagName().equals(name)) {
                found.add(each);
            }
        }
        return found;
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static String text(Element element, String name) {
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element each && each.getTagName().equals(name)) {
                return each.getTextContent().trim();
            }
        }
        return null;
    }
}
