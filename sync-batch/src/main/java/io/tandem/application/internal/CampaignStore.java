package io.tandem.application.internal;

import io.tandem.domain.model.campaign.Campaign;
import io.tandem.domain.model.campaign.CampaignRepository;
import io.tandem.domain.service.SalesforceGateway.CampaignInfo;
import io.tandem.domain.shared.SalesforceId;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Optional;

/**
 * The writes of campaign actions that talk to Salesforce first: the use case calls Salesforce holding no
 * transaction, then stores what came of it here, in a transaction of its own.
 */
@Stateless
public class CampaignStore {

    @Inject
    CampaignRepository campaigns;

    /** A new campaign, linked to {@code linked} when it is given. */
    public Campaign create(String name, long typeId, CampaignInfo linked) {
        Instant now = Instant.now();
        Campaign c = new Campaign(name, typeId, now);
        if (linked != null) {
            c.linkTo(SalesforceId.of(linked.id()), linked.name(), linked.active(), now);
        }
        campaigns.add(c);
        return c;
    }

    /** Links a campaign; empty when there is no campaign with that id. */
    public Optional<Campaign> link(long id, CampaignInfo linked) {
        return campaigns.find(id).map(c -> {
            c.linkTo(SalesforceId.of(linked.id()), linked.name(), linked.active(), Instant.now());
            return c;
        });
    }
}
