package io.tandem.application;

import io.tandem.domain.model.campaign.CampaignRepository;
import io.tandem.domain.model.campaign.CampaignType;
import io.tandem.domain.model.campaign.MemberStatus;
import io.tandem.domain.model.campaign.MemberStatuses;
import io.tandem.domain.shared.InvalidValueException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;

/**
 * Campaign types and their ordered member statuses (§6): everyone reads them; operators define and change
 * them. A status members are in cannot be removed, nor a type that campaigns use.
 */
@Stateless
@RolesAllowed(Roles.VIEWER)
public class CampaignTypes {

    /** A type as the API shows it. */
    public record TypeView(long id, String name, List<StatusView> statuses, Instant createdAt, Instant updatedAt) {
    }

    /** One member status, named as scripts send and read it: {@code label}, {@code default}, {@code responded}. */
    public record StatusView(String label, @JsonbProperty("default") boolean isDefault, boolean responded) {

        MemberStatus status() {
            return new MemberStatus(label, isDefault, responded);
        }
    }

    @Inject
    CampaignRepository campaigns;

    public List<TypeView> list() {
        return campaigns.types().stream().map(CampaignTypes::view).toList();
    }

    public TypeView get(long id) {
        return view(require(id));
    }

    @RolesAllowed(Roles.OPERATOR)
    public TypeView define(String name, List<StatusView> statuses) {
        if (name != null && campaigns.typeNamed(name).isPresent()) {
            throw new ConflictException("name", "a campaign type named " + name.trim() + " exists");
        }
        try {
            CampaignType type = new CampaignType(name, statuses(statuses), Instant.now());
            campaigns.add(type);
            return view(type);
        } catch (InvalidValueException e) {
            throw new InvalidRequestException(e.field(), e.getMessage());
        }
    }

    /** Renames and/or replaces the statuses (reordered, added, removed); null leaves that part as it is. */
    @RolesAllowed(Roles.OPERATOR)
    public TypeView change(long id, String name, List<StatusView> statuses) {
        CampaignType type = require(id);
        try {
            if (name != null && !name.trim().equalsIgnoreCase(type.name())) {
                if (campaigns.typeNamed(name).isPresent()) {
                    throw new ConflictException("name", "a campaign type named " + name.trim() + " exists");
                }
                type.rename(name);
            }
            if (statuses != null) {
                type.changeStatuses(statuses(statuses), campaigns.statusesInUse(id), Instant.now());
            }
        } catch (InvalidValueException e) {
            throw e.field().equals("statuses") && e.getMessage().contains("in use") ? new ConflictException(e.field(), e.getMessage())
                    : new InvalidRequestException(e.field(), e.getMessage());
        }
        return view(type);
    }

    @RolesAllowed(Roles.OPERATOR)
    public void delete(long id) {
        CampaignType type = require(id);
        long used = campaigns.campaignsOfType(id);
        if (used > 0) {
            throw new ConflictException("id", used + " campaigns are of this type");
        }
        campaigns.remove(type);
    }

    private static MemberStatuses statuses(List<StatusView> given) {
        return MemberStatuses.of(given == null ? List.of() : given.stream().map(s -> s == null ? null : s.status()).toList());
    }

    private CampaignType require(long id) {
        return campaigns.type(id).orElseThrow(() -> new UnknownRecordException("campaign type", id));
    }

    private static TypeView view(CampaignType t) {
        return new TypeView(t.id(), t.name(), t.statuses().all().stream()
                .map(s -> new StatusView(s.label(), s.isDefault(), s.responded())).toList(), t.createdAt(), t.updatedAt());
    }
}
