package io.tandem.interfaces.web;

import io.tandem.application.SalesforceConnections;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.Map;

/**
 * Where Salesforce sends the admin's browser back in the refresh-token flow: with a {@code code} and the
 * {@code state} of the sign-in the connection page started, or with {@code error} when the user denied.
 * A state that belongs to no pending sign-in of this session is refused (a forged or replayed callback
 * changes nothing); a good code becomes the saved connection, which is then tested.
 */
@Named
@RequestScoped
public class ConnectionCallbackPage {

    @Inject
    SalesforceConnections connections;
    @Inject
    PendingAuthorization pending;
    @Inject
    FacesContext faces;

    private boolean ok;
    private String outcome;

    /** Runs once a request, as the page first reads the outcome; an admin's only (the connection is theirs). */
    @PostConstruct
    void complete() {
        if (!faces.getExternalContext().isUserInRole("admin")) {
            outcome = "Only administrators set up the connection.";
            return;
        }
        Map<String, String> params = faces.getExternalContext().getRequestParameterMap();
        PendingAuthorization.Taken taken = pending.take(params.get("state"));
        if (taken == null) {
            outcome = "This answer from Salesforce belongs to no sign-in started here in this session; nothing was changed."
                    + " Start again from the connection page.";
        } else if (params.get("error") != null) {
            outcome = "Salesforce did not grant access: " + params.get("error") + (params.get("error_description") == null ? ""
                    : " (" + params.get("error_description") + ")") + ". The connection was not changed.";
        } else {
            SalesforceConnections.TestResult r = Messages.answer(() -> connections.completeAuthorization(taken.authorization(),
                    taken.clientSecret(), params.get("code")));
            ok = r != null && r.ok();
            outcome = r == null ? "The connection was not changed." : r.ok() ? "Connected with the refresh-token flow. " + r.message() : r.message();
        }
    }

    public boolean isOk() {
        return ok;
    }

    public String getOutcome() {
        return outcome;
    }
}
