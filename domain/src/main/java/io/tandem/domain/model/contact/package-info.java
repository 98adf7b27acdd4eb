/**
 * The contact aggregate: one person per email address, with standard and custom fields, the
 * company it belongs to (by id), its Salesforce link and the per-field clocks that settle conflicts.
 * Emails are value objects ({@link io.tandem.domain.shared.EmailAddress}) compared by their key.
 */
package io.tandem.domain.model.contact;
