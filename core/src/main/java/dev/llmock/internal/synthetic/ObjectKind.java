package dev.llmock.internal.synthetic;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.llmock.internal.shape.ShapeNode.ObjectShape;
import java.util.Collection;

/** What an object seems to describe, judged from its property names; decides what "name" or "title" means. */
enum ObjectKind {
    PERSON, PRODUCT, COMPANY, OTHER;

    private static final java.util.Set<String> PERSON_NAMES = java.util.Set.of("firstname", "lastname", "email",
            "emailaddress", "age", "birthdate", "dateofbirth", "gender", "phone", "username");
    private static final java.util.Set<String> PRODUCT_NAMES = java.util.Set.of("price", "sku", "stock", "inventory",
            "brand", "unitprice", "productid", "category", "quantity", "currency");
    private static final java.util.Set<String> COMPANY_NAMES = java.util.Set.of("industry", "employees",
            "employeecount", "founded", "revenue", "ceo", "headquarters");

    /** Judged once per object shape: records of one shape ask again and again. */
    private static final Cache<ObjectShape, ObjectKind> BY_SHAPE = Caffeine.newBuilder().weakKeys().build();

    static ObjectKind of(ObjectShape object) {
        return BY_SHAPE.get(object, o -> of(o.properties().keySet()));
    }

    static ObjectKind of(Collection<String> propertyNames) {
        boolean person = false;
        boolean product = false;
        boolean company = false;
        for (String raw : propertyNames) {
            String name = FieldNames.normalize(raw);
            if (PERSON_NAMES.contains(name)) {
                person = true;
            }
            if (PRODUCT_NAMES.contains(name)) {
                product = true;
            }
            if (COMPANY_NAMES.contains(name)) {
                company = true;
            }
        }
        if (product) {
            return PRODUCT;
        }
        if (person) {
            return PERSON;
        }
        return company ? COMPANY : OTHER;
    }
}
