/**
 * Companies: every contact belongs to exactly one. A shared company stands for a Salesforce Account;
 * a standalone one belongs to a single contact and goes when nothing uses it any more.
 */
package io.tandem.domain.model.company;
