package dev.llmock.wiremock.internal.context;

/**
 * What a request in an API context is about: an entity of a collection, or the collection itself.
 *
 * @param collection the collection's concrete path, e.g. {@code /customers/7/orders}
 * @param noun       the singular of its last segment, e.g. {@code order}, naming its entities in hints
 * @param id         the entity's identifier from the path, or null for the collection
 * @param query      the request's query without llmock's control parameters, canonical; empty for none
 * @since 0.1.0
 */
public record Target(String collection, String noun, String id, String query) {
    /** A collection path: {@code /customers} for {@code POST /customers} or a list. */
    public boolean isCollection() {
        return id == null;
    }
}
