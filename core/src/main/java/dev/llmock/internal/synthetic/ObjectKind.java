package dev.llmock.internal.synthetic;

import java.util.Collection;

/** What an object seems to describe, judged from its property names; decides what "name" or "title" means. */
enum ObjectKind {
    PERSON, PRODUCT, COMPANY, OTHER;

    static ObjectKind of(Collection<String> propertyNames) {
        boolean person = false;
        boolean product = false;
        boolean company = false;
        for (String raw : propertyNames) {
            String name = FieldNames.normalize(raw);
            if (name.matches("firstname|lastname|email|emailaddress|age|birthdate|dateofbirth|gender|phone|username")) {
                person = true;
            }
            if (name.matches("price|sku|stock|inventory|brand|unitprice|productid|category|quantity|currency")) {
                product = true;
            }
            if (name.matches("industry|employees|employeecount|founded|revenue|ceo|headquarters")) {
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
