package io.tandem.domain.model.campaign;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where campaign types, campaigns and their members are kept. */
public interface CampaignRepository {

    List<CampaignType> types();

    Optional<CampaignType> type(long id);

    Optional<CampaignType> typeNamed(String name);

    void add(CampaignType type);

    void remove(CampaignType type);

    /** The statuses members of this type's campaigns are in. */
    List<String> statusesInUse(long typeId);

    long campaignsOfType(long typeId);

    Optional<Campaign> find(long id);

    Optional<Campaign> findBySalesforceId(String campaignId);

    /** Campaigns whose name contains {@code text} (all when null), after the given id, in id order. */
    List<Campaign> page(String text, long afterId, int limit);

    long count(String text);

    void add(Campaign campaign);

    void remove(Campaign campaign);

    /** The campaign's members of these contacts, by contact id, removed ones too (adding one brings it back). */
    Map<Long, CampaignMember> members(long campaignId, Collection<Long> contactIds);

    /** Members by id, removed ones too: what the drain sends. */
    List<CampaignMember> findMembers(Collection<Long> ids);

    /** A page of the campaign's members (not removed), in id order after {@code afterId}; only those in {@code status} when given. */
    List<CampaignMember> members(long campaignId, String status, long afterId, int limit);

    long countMembers(long campaignId, String status);

    /** The members (not removed) of several campaigns, counted in one query; campaigns without any are absent. */
    Map<Long, Long> memberCounts(Collection<Long> campaignIds);

    /** The contact's memberships (not removed), newest change first. */
    List<CampaignMember> membershipsOf(long contactId);

    void add(CampaignMember member);

    void remove(CampaignMember member);

    /** Writes pending changes now (new members get their ids). */
    void flush();
}
