package io.tandem.domain.model.contact;

/**
 * What a contact list is narrowed to: an exact email (any case), a text found in the email or names,
 * a company, linked or not linked to Salesforce. Null means no narrowing.
 */
public record ContactFilter(String email, String text, Long companyId, Boolean linked) {
}
