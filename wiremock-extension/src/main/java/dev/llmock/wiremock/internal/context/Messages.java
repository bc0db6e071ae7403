package dev.llmock.wiremock.internal.context;

import java.util.Collection;

/** The messages of API contexts a user reads, in one place. */
public final class Messages {
    private Messages() {
    }

    /** What is wrong with a context name, or null when nothing is. */
    static String badName(String name, int maxLength) {
        if (name == null || name.isBlank()) {
            return "An API context needs a name; give one with ?context=<name> or the header X-Api-Context.";
        }
        if (name.length() > maxLength || name.chars().anyMatch(Character::isISOControl)) {
            return "The API context name \"" + printable(name, maxLength) + "\" is not usable: use at most "
                    + maxLength + " characters and no control characters.";
        }
        return null;
    }

    public static String unknownContext(String name, Collection<String> known) {
        return "No API context named \"" + name + "\"; known: " + known + ". A context is created by the first"
                + " request that names it (?context=" + name + " or the header X-Api-Context).";
    }

    public static String deletedEntity(String path, String context) {
        return "The entity " + path + " was deleted in the API context \"" + context + "\". Create it again with"
                + " POST or PUT, or clear the context (DELETE /api/contexts/" + context + ").";
    }

    public static String noRoute(String method, String path) {
        return "No context management route for " + method + " " + path + ". Use GET /api/contexts,"
                + " GET or DELETE /api/contexts/{name}, POST /api/contexts/{name}/clear or DELETE /api/contexts.";
    }

    public static String entityWithoutId(String collection, String noun) {
        return "The entity given for " + collection + " has no \"id\" (or \"" + noun + "Id\") field, so no request"
                + " could ask for it; give it one.";
    }

    private static String printable(String name, int maxLength) {
        String shown = name.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return shown.length() > maxLength ? shown.substring(0, maxLength) + "..." : shown;
    }
}
