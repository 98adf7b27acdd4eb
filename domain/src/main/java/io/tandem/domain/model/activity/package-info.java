/**
 * Marketing activity on a contact (§7): form submissions, email clicks and page visits, each pushed once
 * as a completed Task on the contact's Lead or Contact when its type is chosen in Settings → Activity.
 */
package io.tandem.domain.model.activity;
