package dev.llmock.internal.synthetic;

import java.util.Collection;
import java.util.Set;

/**
 * What an object seems to describe, judged from its property names (once per object shape, by the generator);
 * decides what "name" or "title" means.
 */
enum ObjectKind {
    PERSON, PRODUCT, COMPANY, OTHER;

    private static final Set<String> PERSON_NAMES = Set.of("firstname", "lastname", "email",
            "emailaddress", "age", "birthdate", "dateofbirth", "gender", "phone", "username");
    private static final Set<String> PRODUCT_NAMES = Set.of("price", "sku", "stock", "inventory",
            "brand", "unitprice", "productid", "category", "quantity", "currency");
    private static final Set<String> COMPANY_NAMES = Set.of("industry", "employees",
            "employeecount", "founded", "revenue", "ceo", "headquarters");

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
