package io.tandem.application;

import io.tandem.domain.model.sync.SyncSettings;
import io.tandem.domain.model.sync.SyncSettingsRepository;
import io.tandem.domain.model.sync.Watermark;
import io.tandem.domain.shared.InvalidValueException;
import io.tandem.domain.model.sync.InboundState;
import io.tandem.domain.service.SalesforceObjects;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Instant;

/** Settings → Syncing: everyone reads them, admins change them (in force at once for new data). */
@Stateless
@RolesAllowed(Roles.VIEWER)
public class SyncSettingsService {

    /** The settings as the API shows and takes them, all at once. */
    public record Settings(boolean syncLeads, boolean syncContacts, boolean syncAccounts, boolean writeContacts,
                           boolean writeCompanies, boolean writeCampaigns, boolean writeCampaignMembers, String createAs,
                           boolean linkAccountsByDomain, boolean createAccounts, boolean syncOnCreate,
                           Integer tandemDailyLimit, int reservePercent, int drainSeconds, int pollSeconds) {
    }

    @Inject
    SyncSettingsRepository settings;
    @Inject
    InboundState inbound;

    public Settings current() {
        return view(settings.current().values());
    }

    @RolesAllowed(Roles.ADMIN)
    public Settings change(Settings s) {
        if (s == null) {
            throw new InvalidRequestException("body", "must be the whole settings object");
        }
        try {
            SyncSettings current = settings.current();
            java.util.List<String> wereOff = SalesforceObjects.INBOUND_ORDER.stream().filter(o -> !current.reads(o)).toList();
            current.change(new SyncSettings.Values(s.syncLeads(), s.syncContacts(), s.syncAccounts(), s.writeContacts(),
                    s.writeCompanies(), s.writeCampaigns(), s.writeCampaignMembers(), s.createAs(), s.linkAccountsByDomain(),
                    s.createAccounts(), s.syncOnCreate(), s.tandemDailyLimit(), s.reservePercent(), s.drainSeconds(),
                    s.pollSeconds()), Instant.now());
            for (String object : wereOff) {
                if (current.reads(object)) {
                    // on again: from now on, no catch-up of the gap (§2)
                    inbound.advance(object, new Watermark(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), ""));
                }
            }
            return view(current.values());
        } catch (InvalidValueException e) {
            throw new InvalidRequestException(e.field(), e.getMessage());
        }
    }

    private static Settings view(SyncSettings.Values v) {
        return new Settings(v.syncLeads(), v.syncContacts(), v.syncAccounts(), v.writeContacts(), v.writeCompanies(),
                v.writeCampaigns(), v.writeCampaignMembers(), v.createAs(), v.linkAccountsByDomain(), v.createAccounts(),
                v.syncOnCreate(), v.tandemDailyLimit(), v.reservePercent(), v.drainSeconds(), v.pollSeconds());
    }
}
