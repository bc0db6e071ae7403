package dev.llmock.internal.engine;

/**
 * Where in a request a backend is chosen: the first stage, a later stage, a part or a consensus member. Routing by
 * complexity reports its choice under this key ({@code routing} for the first stage, else
 * {@code routingByStage.<key>}).
 */
record Site(String key) {
    static final Site FIRST = new Site("generate");

    /** Later stage {@code number}, counting from 1 after the first. */
    static Site stage(int number) {
        return new Site("stage" + number);
    }

    static Site part(String name) {
        return new Site("part:" + name);
    }

    static Site consensus(String backend) {
        return new Site("consensus:" + backend);
    }

    boolean isFirst() {
        return this.equals(FIRST);
    }
}
