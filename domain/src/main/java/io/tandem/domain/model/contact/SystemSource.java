package io.tandem.domain.model.contact;

import java.util.Locale;

/** Where a change came from; kept on the contact (its origin) and on each field's clock. */
public enum SystemSource {
    FORM, IMPORT, API, SALESFORCE, WORKFLOW, UI;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
