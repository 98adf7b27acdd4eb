package io.tandem.domain.model.contact;

/** Whether a new contact goes to Salesforce at once or waits until someone pushes it. */
public enum SyncOnCreate {
    NOW, SKIP
}
