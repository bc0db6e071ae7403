package dev.llmock.internal.synthetic;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The parts of a postal address a field can ask for, by its name. An object's address is made only with the parts
 * its fields ask for (a Datafaker street or postcode costs as much as the rest of a record), all from one place.
 */
enum AddressPart {
    STREET, SECONDARY, CITY, STATE, STATE_CODE, ZIP;

    static final Set<AddressPart> ALL = Collections.unmodifiableSet(EnumSet.allOf(AddressPart.class));

    /** The part a field of this normalized name ({@link FieldNames#normalize}) holds, or null. */
    static AddressPart named(String normalized) {
        switch (normalized) {
            case "street", "streetaddress", "address", "address1", "addressline1", "line1":
                return STREET;
            case "address2", "addressline2", "line2", "secondaryaddress", "apartment", "suite", "unit":
                return SECONDARY;
            case "city", "town":
                return CITY;
            case "state", "province", "region":
                return STATE;
            case "statecode", "stateabbr", "stateabbreviation":
                return STATE_CODE;
            case "zip", "zipcode", "postalcode", "postcode":
                return ZIP;
            default:
                return null;
        }
    }

    /** The parts fields of these names ask for. */
    static Set<AddressPart> of(Collection<String> names) {
        Set<AddressPart> parts = EnumSet.noneOf(AddressPart.class);
        for (String name : names) {
            AddressPart part = named(FieldNames.normalize(name));
            if (part != null) {
                parts.add(part);
            }
        }
        return parts;
    }
}
