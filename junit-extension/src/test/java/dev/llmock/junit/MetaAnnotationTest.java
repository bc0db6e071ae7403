package dev.llmock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetaAnnotationTest {
    @TempDir
    Path cassettes;

    /** A team's own annotation: the shape is written once, here. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.ANNOTATION_TYPE})
    @Generated(shape = "{\"customerNo\":\"string\",\"email\":\"email\",\"tier\":\"gold|silver\"}")
    @interface Customer {
    }

    /** Two levels down: an annotation carrying {@code @Customer}. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @Customer
    @interface VipCustomer {
    }

    static class MetaAnnotatedTestCase {
        @Customer
        static JsonNode staticCustomer;

        @Customer
        JsonNode fieldCustomer;

        @Test
        void everyPositionTakesTheShapeOfTheMetaAnnotation(@Customer JsonNode parameter, @VipCustomer JsonNode vip) {
            for (JsonNode customer : List.of(staticCustomer, fieldCustomer, parameter, vip)) {
                assertThat(customer.get("email").asText()).contains("@");
                assertThat(customer.get("tier").asText()).isIn("gold", "silver");
                assertThat(customer.has("customerNo")).isTrue();
            }
        }
    }

    @Test
    void generatedWorksAsAMetaAnnotationOnParametersAndFields() throws Exception {
        Kit.run(MetaAnnotatedTestCase.class, cassettes, "record").testEvents()
                .assertStatistics(stats -> stats.started(1).succeeded(1));

        assertThat(Files.readString(cassettes.resolve(MetaAnnotatedTestCase.class.getName() + ".json")))
                .contains("MetaAnnotatedTestCase.staticCustomer").contains("MetaAnnotatedTestCase.fieldCustomer")
                .contains("customerNo");
    }
}
