package io.tandem.interfaces.web;

import io.tandem.application.InvalidInputException;
import io.tandem.application.InvalidRequestException;
import io.tandem.application.UnknownRecordException;
import jakarta.ejb.EJBAccessException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/**
 * What a page's action did, as a message: done, or refused with the field and why (the application's
 * refusals, and a role's), never a stack trace.
 */
final class Messages {

    private Messages() {
    }

    /** Runs the action; answers whether it went through. */
    static boolean call(String done, Runnable action) {
        try {
            action.run();
            info(done);
            return true;
        } catch (InvalidRequestException e) {
            error(e.field() + ": " + e.getMessage());
        } catch (InvalidInputException e) {
            e.errors().forEach(f -> error(f.field() + ": " + f.message()));
        } catch (UnknownRecordException e) {
            error(e.getMessage());
        } catch (EJBAccessException e) {
            error("Your role may not do this.");
        }
        return false;
    }

    static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    static void error(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }
}
