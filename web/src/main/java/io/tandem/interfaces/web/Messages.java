package io.tandem.interfaces.web;

import io.tandem.application.InvalidInputException;
import io.tandem.application.InvalidRequestException;
import io.tandem.application.UnknownRecordException;
import jakarta.ejb.EJBAccessException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

import java.util.function.Supplier;

/**
 * What a page's action did, as a message: done, or refused with the field and why (the application's
 * refusals, and a role's), never a stack trace.
 */
final class Messages {

    private Messages() {
    }

    /** Runs the action; answers whether it went through. */
    static boolean call(String done, Runnable action) {
        boolean through = answer(() -> {
            action.run();
            return Boolean.TRUE;
        }) != null;
        if (through) {
            info(done);
        }
        return through;
    }

    /** Runs the action and answers what it answered; null, with the refusal as a message, when it was refused. */
    static <T> T answer(Supplier<T> action) {
        try {
            return action.get();
        } catch (InvalidRequestException e) {
            error(e.field() + ": " + e.getMessage());
        } catch (InvalidInputException e) {
            e.errors().forEach(f -> error(f.field() + ": " + f.message()));
        } catch (UnknownRecordException e) {
            error(e.getMessage());
        } catch (EJBAccessException e) {
            error("Your role may not do this.");
        }
        return null;
    }

    static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    static void error(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }
}
