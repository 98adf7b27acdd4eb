package io.tandem.domain.model.contact;

import java.util.Locale;

/** Where a change came from; kept on the contact (its origin) and on each field's clock. */
public enum SystemSource {
    FORM, IMPORT, API, SALESFORCE, WORKFLOW, UI;

    /** Made once: every field clock a contact stores names its source by this code. */
    private final String code = name().toLowerCase(Locale.ROOT);

    public String code() {
        return code;
    }
}
