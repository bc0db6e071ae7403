package dev.llmock.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Users import {@code dev.llmock:llmock-bom} to keep llmock's artifacts aligned: it must name every published
 * artifact of this reactor, at the reactor's version.
 */
class BomTest {
    /** Modules that are built but never published. */
    private static final Set<String> UNPUBLISHED = Set.of("llmock-bom", "llmock-examples", "llmock-examples-kotlin",
            "llmock-examples-spring-boot", "llmock-benchmarks");

    private final Path root = Path.of(System.getProperty("llmock.rootDirectory", ".."));

    @Test
    void bomNamesEveryPublishedArtifactAtTheReactorVersion() throws Exception {
        Document bom = read(root.resolve("bom/pom.xml"));
        String version = System.getProperty("llmock.projectVersion");

        assertThat(text(bom.getDocumentElement(), "version")).isEqualTo(version);
        List<String> managed = new ArrayList<>();
        NodeList dependencies = bom.getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            assertThat(text(dependency, "groupId")).isEqualTo("dev.llmock");
            assertThat(text(dependency, "version")).as(text(dependency, "artifactId")).isEqualTo(version);
            managed.add(text(dependency, "artifactId"));
        }
        assertThat(managed).containsExactlyInAnyOrderElementsOf(publishedArtifacts());
    }

    private List<String> publishedArtifacts() throws Exception {
        List<String> artifacts = new ArrayList<>();
        NodeList modules = read(root.resolve("pom.xml")).getElementsByTagName("module");
        for (int i = 0; i < modules.getLength(); i++) {
            Path pom = root.resolve(modules.item(i).getTextContent().trim()).resolve("pom.xml");
            if (Files.exists(pom)) {
                String artifactId = text(read(pom).getDocumentElement(), "artifactId");
                if (!UNPUBLISHED.contains(artifactId) && !artifacts.contains(artifactId)) {
                    artifacts.add(artifactId);
                }
            }
        }
        return artifacts;
    }

    private static Document read(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    /** The text of the direct child {@code name} of {@code element}. */
    private static String text(Element element, String name) {
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element each && each.getTagName().equals(name)) {
                return each.getTextContent().trim();
            }
        }
        return null;
    }
}
