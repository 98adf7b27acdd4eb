package io.tandem.sync.inbound;

import io.tandem.domain.model.company.CompanyRepository;
import io.tandem.domain.model.contact.ContactRepository;
import io.tandem.domain.model.sync.InboundState;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Starting over with another org (§4): every link to the old org's records goes and every watermark
 * goes back to the beginning, in one transaction committed before the fresh import starts, so the import
 * never meets an old link. Contacts, companies, their values and the sync history stay; the import and
 * the drain then link records by email in the new org.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OrgSwitch {

    /** How many links went. */
    public record Cleared(int contacts, int companies) {
    }

    @Inject
    ContactRepository contacts;
    @Inject
    CompanyRepository companies;
    @Inject
    InboundState state;

    public Cleared clearLinks() {
        Cleared cleared = new Cleared(contacts.unlinkAll(), companies.unlinkAllAccounts());
        state.resetAll();
        return cleared;
    }
}
