package io.tandem.application;

/** Role names as the container checks them; each includes the ones below it (see the domain's Role). */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String OPERATOR = "operator";
    public static final String VIEWER = "viewer";

    private Roles() {
    }
}
