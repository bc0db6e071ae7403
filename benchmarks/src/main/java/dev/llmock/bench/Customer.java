package dev.llmock.bench;

/** The 10-field record every benchmark generates: what a test would take as a parameter. */
public record Customer(long id, String firstName, String lastName, String email, String phone, String city,
                       String country, int age, double balance, boolean active) {
}
