package io.tandem.interfaces.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Ends the page session. */
@Named
@RequestScoped
public class SignOut {

    @Inject
    FacesContext faces;

    public String signOut() {
        faces.getExternalContext().invalidateSession();
        return "/login.xhtml?faces-redirect=true";
    }
}
