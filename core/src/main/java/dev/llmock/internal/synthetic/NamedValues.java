package dev.llmock.internal.synthetic;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.datafaker.Faker;

/**
 * Realistic values chosen by field name. Each method answers null when the name means nothing to it, so the
 * caller falls back to a value from the type alone.
 */
final class NamedValues {
    private static final List<String> TAGS = List.of("new", "sale", "featured", "bestseller", "eco", "limited",
            "premium", "gift", "outdoor", "kids", "vintage", "handmade", "organic", "wireless", "travel", "fitness",
            "home", "office", "summer", "winter", "clearance", "bundle", "exclusive", "popular", "trending");
    private static final List<String> STATUSES = List.of("active", "inactive", "pending");
    private static final Set<String> ID_NAMES = Set.of("id", "uuid", "guid", "key", "externalid", "reference", "ref");

    private NamedValues() {
    }

    static String string(String rawName, ObjectKind kind, Faker faker, RecordContext record, AddressHolder address) {
        String n = FieldNames.normalize(rawName);
        AddressPart part = AddressPart.named(n);
        if (part != null) {
            return address.get(part);
        }
        RecordContext.Person person = record.person();
        switch (n) {
            case "firstname", "givenname", "forename":
                return person.first();
            case "lastname", "surname", "familyname":
                return person.last();
            case "middlename":
                return faker.name().firstName();
            case "name", "fullname", "displayname", "customername", "contactname", "authorname", "ownername":
                if ("name".equals(n) && kind == ObjectKind.PRODUCT) {
                    return faker.commerce().productName();
                }
                if ("name".equals(n) && kind == ObjectKind.COMPANY) {
                    return person.company();
                }
                return person.full();
            case "username", "login", "handle", "screenname", "nickname", "user":
                return person.username();
            case "email", "emailaddress", "mail", "contactemail", "workemail":
                return person.email();
            case "phone", "phonenumber", "mobile", "mobilephone", "cell", "cellphone", "telephone", "tel", "fax":
                return faker.phoneNumber().cellPhone();
            case "country", "countryname":
                return record.locale().country() != null ? record.locale().country() : faker.address().country();
            case "countrycode", "countryiso":
                return record.locale().countryCode() != null ? record.locale().countryCode()
                        : faker.address().countryCode();
            case "company", "companyname", "organization", "organisation", "employer", "business":
                return person.company();
            case "jobtitle", "job", "occupation", "profession", "position":
                return faker.job().title();
            case "department", "category", "productcategory":
                return faker.commerce().department();
            case "industry", "sector":
                return faker.company().industry();
            case "currency", "currencycode":
                return record.locale().currency() != null ? record.locale().currency() : "USD";
            case "sku", "productcode", "partnumber", "itemcode":
                return faker.regexify("[A-Z]{3}-[0-9]{5}");
            case "product", "productname", "item", "itemname":
                return faker.commerce().productName();
            case "brand", "manufacturer", "vendor", "make":
                return faker.commerce().brand();
            case "material":
                return faker.commerce().material();
            case "color", "colour":
                return faker.color().name();
            case "url", "website", "homepage", "link", "uri", "web", "companyurl":
                return "https://www." + person.domain().replace(".example.com", ".example.com");
            case "avatar", "image", "imageurl", "photo", "photourl", "picture", "thumbnail", "avatarurl", "logo":
                return "https://images.example.com/" + faker.regexify("[a-z0-9]{12}") + ".jpg";
            case "title":
                if (kind == ObjectKind.PERSON) {
                    return faker.job().title();
                }
                return kind == ObjectKind.PRODUCT ? faker.commerce().productName() : faker.book().title();
            case "headline", "subject":
                return faker.book().title();
            case "description", "summary", "bio", "about", "details", "overview", "abstract":
                return faker.lorem().sentence(12);
            case "comment", "comments", "note", "notes", "message", "text", "body", "content", "review", "feedback":
                return faker.lorem().sentence(10);
            case "tag", "keyword", "label", "topic":
                return TAGS.get(faker.number().numberBetween(0, TAGS.size()));
            case "word":
                return faker.lorem().word();
            case "ip", "ipaddress", "ipv4", "clientip", "remoteip":
                return faker.internet().ipV4Address();
            case "ipv6":
                return faker.internet().ipV6Address();
            case "mac", "macaddress":
                return faker.internet().macAddress();
            case "domain", "domainname", "hostname", "host":
                return faker.internet().domainName();
            case "password", "passwd", "secret":
                return faker.internet().password(12, 20, true, true, true);
            case "slug":
                return faker.internet().slug();
            case "gender", "sex":
                return faker.gender().binaryTypes();
            case "language":
                return faker.nation().language();
            case "locale":
                return record.locale().tag();
            case "timezone", "tz":
                return faker.address().timeZone();
            case "iban":
                return faker.finance().iban();
            case "creditcard", "cardnumber", "creditcardnumber":
                return faker.finance().creditCard();
            case "isbn":
                return faker.code().isbn13(true);
            case "version":
                return faker.app().version();
            case "filename", "file":
                return faker.file().fileName();
            case "mimetype", "contenttype":
                return faker.file().mimeType();
            case "status", "state_":
                return STATUSES.get(faker.number().numberBetween(0, STATUSES.size()));
            case "latitude", "lat":
                return faker.address().latitude();
            case "longitude", "lng", "lon", "long":
                return faker.address().longitude();
            default:
                break;
        }
        if (ID_NAMES.contains(n) || n.endsWith("id") && n.length() > 2 || n.endsWith("uuid")) {
            return Values.uuid(faker.random()).toString();
        }
        if (n.contains("email")) {
            return person.email();
        }
        if (n.contains("phone")) {
            return faker.phoneNumber().cellPhone();
        }
        if (n.endsWith("name")) {
            return person.full();
        }
        if (n.endsWith("url") || n.endsWith("link")) {
            return "https://www." + person.domain() + "/" + faker.internet().slug();
        }
        if (n.endsWith("date") || n.endsWith("at") && n.length() > 3 || n.contains("time")) {
            return Values.pastInstant(faker.random(), record).toString();
        }
        if (n.endsWith("code")) {
            return faker.regexify("[A-Z0-9]{8}");
        }
        return null;
    }

    static Long integer(String rawName, Faker faker, RecordContext record) {
        String n = FieldNames.normalize(rawName);
        switch (n) {
            case "id":
                return record.claimSequentialId() ? record.index() + 1L : faker.number().numberBetween(1, 100_000);
            case "age":
                return (long) faker.number().numberBetween(18, 91);
            case "quantity", "qty", "count", "stock", "inventory", "units", "instock", "stocklevel":
                return (long) faker.number().numberBetween(0, 501);
            case "rating", "stars":
                return (long) faker.number().numberBetween(1, 6);
            case "score":
                return (long) faker.number().numberBetween(0, 101);
            case "year":
                return (long) faker.number().numberBetween(1970, 2025);
            case "month":
                return (long) faker.number().numberBetween(1, 13);
            case "day":
                return (long) faker.number().numberBetween(1, 29);
            case "port":
                return (long) faker.number().numberBetween(1024, 65536);
            case "percent", "percentage", "progress":
                return (long) faker.number().numberBetween(0, 101);
            case "price", "amount", "total", "cost", "fee", "balance":
                return (long) faker.number().numberBetween(1, 1001);
            case "salary", "income":
                return (long) faker.number().numberBetween(30, 201) * 1000L;
            case "employees", "employeecount", "headcount":
                return (long) faker.number().numberBetween(5, 5001);
            case "duration", "minutes":
                return (long) faker.number().numberBetween(1, 121);
            case "zip", "zipcode", "postalcode":
                return Long.parseLong(faker.regexify("[1-9][0-9]{4}"));
            default:
                break;
        }
        if (n.endsWith("id")) {
            return (long) faker.number().numberBetween(1, 100_000);
        }
        if (n.endsWith("count") || n.startsWith("num")) {
            return (long) faker.number().numberBetween(0, 100);
        }
        return null;
    }

    static Double decimal(String rawName, Faker faker) {
        String n = FieldNames.normalize(rawName);
        switch (n) {
            case "price", "amount", "cost", "total", "subtotal", "balance", "fee", "unitprice", "tax", "shipping":
                return faker.number().numberBetween(100, 100_000) / 100.0;
            case "salary", "income", "revenue":
                return faker.number().numberBetween(30_000, 200_001) * 1.0;
            case "latitude", "lat":
                return Double.parseDouble(faker.address().latitude());
            case "longitude", "lng", "lon", "long":
                return Double.parseDouble(faker.address().longitude());
            case "rating", "stars":
                return faker.number().numberBetween(10, 51) / 10.0;
            case "weight":
                return faker.number().numberBetween(10, 10_000) / 100.0;
            case "discount", "rate", "percent", "percentage", "interestrate", "taxrate":
                return faker.number().numberBetween(0, 10_001) / 100.0;
            case "temperature", "temp":
                return faker.number().numberBetween(-100, 400) / 10.0;
            case "score":
                return faker.number().numberBetween(0, 10_001) / 100.0;
            default:
                break;
        }
        if (n.endsWith("price") || n.endsWith("amount") || n.endsWith("total") || n.endsWith("cost")) {
            return faker.number().numberBetween(100, 100_000) / 100.0;
        }
        return null;
    }

    /** What {@code (is)?(active|enabled|...)} matches: flags that are mostly true. */
    private static final Set<String> LIKELY_TRUE = withIs("active", "enabled", "verified", "available", "instock",
            "published", "visible");
    /** What {@code (is)?(deleted|archived|...)} matches: flags that are mostly false. */
    private static final Set<String> LIKELY_FALSE = withIs("deleted", "archived", "banned", "blocked", "locked",
            "disabled");

    private static Set<String> withIs(String... words) {
        Set<String> names = new HashSet<>();
        for (String word : words) {
            names.add(word);
            names.add("is" + word);
        }
        return Set.copyOf(names);
    }

    static Boolean bool(String rawName, Faker faker) {
        String n = FieldNames.normalize(rawName);
        if (LIKELY_TRUE.contains(n)) {
            return faker.number().numberBetween(0, 10) < 8;
        }
        if (LIKELY_FALSE.contains(n)) {
            return faker.number().numberBetween(0, 10) < 1;
        }
        return null;
    }

    static LocalDate date(String rawName, Faker faker, RecordContext record) {
        String n = FieldNames.normalize(rawName);
        if (n.contains("birth") || "dob".equals(n)) {
            return LocalDate.of(1950, 1, 1).plusDays(faker.number().numberBetween(0, 365 * 55));
        }
        return null;
    }

    /**
     * Lazily picks one address per object, so the fields of one object agree; only the parts the object's fields ask
     * for are made.
     */
    static final class AddressHolder {
        private final RecordContext record;
        private final Set<AddressPart> parts;
        private RecordContext.Address address;

        /** An address with every part, for a value whose fields are not known ahead (an array's items). */
        AddressHolder(RecordContext record) {
            this(record, AddressPart.ALL);
        }

        /** An address with {@code parts}: those the fields of the object it is for ask for. */
        AddressHolder(RecordContext record, Set<AddressPart> parts) {
            this.record = record;
            this.parts = parts;
        }

        String get(AddressPart part) {
            if (address == null) {
                address = record.newAddress(parts.contains(part) ? parts : AddressPart.ALL);
            }
            String value = address.part(part);
            // Only a field the object was not known to have gets here: it gets an address of its own.
            return value != null ? value : record.newAddress(AddressPart.ALL).part(part);
        }
    }
}
