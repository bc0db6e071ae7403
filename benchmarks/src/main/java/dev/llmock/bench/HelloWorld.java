package dev.llmock.bench;

/** The smallest JVM program that prints a record: the baseline for how long a JVM takes to start and end. */
public final class HelloWorld {
    private HelloWorld() {
    }

    public static void main(String[] args) {
        System.out.println("{\"hello\":\"world\"}");
    }
}
