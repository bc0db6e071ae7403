package dev.llmock.cli.internal;

/** The sentences {@code llmock serve}'s guards answer with, in one place. */
final class Messages {
    private Messages() {
    }

    static String adminApiOff() {
        return "WireMock's admin API is off in llmock serve. Start it with --admin to use it from this machine.";
    }

    static String adminApiNotLoopback(String address) {
        return "WireMock's admin API answers only this machine (loopback), not " + address + ".";
    }

    static String adminApiForeignHost(String host) {
        return "WireMock's admin API answers only requests to localhost or a loopback address, not to the host name \""
                + host + "\".";
    }

    static String adminApiCrossOrigin(String origin) {
        return "WireMock's admin API refuses requests from web pages (Origin " + origin + "); call it from a program"
                + " on this machine.";
    }

    static String bodyTooLarge(long size, long limit) {
        return "The request body " + (size < 0 ? "is longer than" : "has " + size + " bytes, more than") + " the limit of "
                + limit + " bytes. Send a smaller body, or raise the limit (--max-body-bytes).";
    }
}
