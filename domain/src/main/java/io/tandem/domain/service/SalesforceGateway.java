package io.tandem.domain.service;

import io.tandem.domain.model.sync.Watermark;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the sync needs from Salesforce, in domain words. */
public interface SalesforceGateway {

    /**
     * The org's address for people (a record opens at it followed by {@code /} and the record's id), once a
     * login has given it; empty before.
     */
    java.util.Optional<String> instanceUrl();


    /** One page of changes after the watermark, oldest first, deleted and merged records included. */
    record Changes(List<SalesforceRecord> records, Watermark next, boolean more) {
    }

    /**
     * Changes after the watermark and before {@code settledBefore}: a second still running may get more
     * records stamped with it, with Ids below the last one read, so only seconds that have ended are read.
     */
    Changes changedSince(String object, List<String> fields, Watermark after, Instant settledBefore, int limit);

    /** Records read a page at a time as the caller goes; closing it gives up the rest. */
    interface RecordStream extends java.util.Iterator<SalesforceRecord>, AutoCloseable {
        /** No records at all. */
        RecordStream EMPTY = new RecordStream() {
            @Override
            public boolean hasNext() {
                return false;
            }

            @Override
            public SalesforceRecord next() {
                throw new java.util.NoSuchElementException();
            }

            @Override
            public void close() {
            }
        };

        @Override
        void close();
    }

    /** How many live records of the object come after the watermark (one API call). */
    long count(String object, Watermark after, Instant settledBefore);

    /**
     * Every live record of the object after the watermark, oldest first (SystemModstamp, then Id), read
     * page by page as the caller goes: by REST query, or by a Bulk API 2.0 query job when {@code bulk}.
     */
    RecordStream read(String object, List<String> fields, Watermark after, Instant settledBefore, boolean bulk);

    /**
     * The current values of up to 200 records of one object, in the order asked; null where a record
     * does not exist (any more). One API call.
     */
    List<SalesforceRecord> retrieve(String object, List<String> ids, List<String> fields);

    /** What Salesforce holds for contacts about to be created: Contacts and open Leads by email, Accounts by domain. */
    record Matches(List<SalesforceRecord> contacts, List<SalesforceRecord> leads, List<SalesforceRecord> accounts) {
    }

    /**
     * The live Contacts and unconverted Leads whose Email is one of {@code emails} (up to 200), most recently
     * modified first, and the Accounts whose Website contains one of {@code domains} (none when empty; the
     * caller checks the match): asked together in one API call.
     */
    Matches findMatches(java.util.Collection<String> emails, List<String> contactFields, List<String> leadFields,
                        java.util.Collection<String> domains);

    /** What Salesforce answered for one record of a write: its id, or its error. */
    record SaveResult(String id, boolean success, String errorCode, String message, boolean transientError) {
    }

    /**
     * Writes up to 200 records of one kind in one call, all creates or all updates, allOrNone false; one
     * result per record, in order. A refused record fails alone; a refused call throws {@link SalesforceFailure}.
     */
    List<SaveResult> save(List<RecordWrite> records);

    /** Reads the org's limits now (one call); the usage is then {@link #apiUsage()}. */
    void refreshLimits();

    /** API requests sent through the gateway by the calling thread (and pages it had fetched ahead) since it started. */
    long callsSent();

    /** Which of these objects changed after their watermarks, asked in one API call whatever their number. */
    Map<String, Boolean> anyChanges(Map<String, Watermark> watermarks, Instant settledBefore);

    /** The organization id of the org this gateway is logged in to (logging in when it is not yet). */
    /** A Salesforce campaign as a search or a link shows it. */
    record CampaignInfo(String id, String name, boolean active, String status) {
    }

    /** Campaigns whose name contains the text (all when it is blank), active or not, by name (one call). */
    List<CampaignInfo> campaigns(String nameContains, int limit);

    /** One campaign, or empty when there is none with that id (one call). */
    java.util.Optional<CampaignInfo> campaign(String id);

    /** One of a campaign's member statuses (CampaignMemberStatus). */
    record CampaignStatus(String id, String label, boolean isDefault, boolean responded, int sortOrder) {
    }

    /** A campaign's member statuses, in their order (one call). */
    List<CampaignStatus> campaignStatuses(String campaignId);

    /** The campaign's CampaignMember ids of these Leads and Contacts: Lead or Contact id → member id (one call). */
    Map<String, String> campaignMembers(String campaignId, java.util.Collection<String> leadOrContactIds);

    /**
     * Up to {@code limit} (at most 2,000) of the campaign's live CampaignMembers whose Id comes after
     * {@code afterId} (all when null), in Id order, with their CampaignId, LeadId, ContactId, Status and
     * LastModifiedDate (one call).
     */
    List<SalesforceRecord> campaignMembersAfter(String campaignId, String afterId, int limit);

    /**
     * The Tasks on these Leads or Contacts (up to 200) made since {@code createdSince} whose subject carries
     * {@code mark} (Tandem's event mark): subject → Task id (one call).
     */
    Map<String, String> tasksMarked(java.util.Collection<String> whoIds, String mark, Instant createdSince);

    /** A queue or a user, as a picker lists it: id, name, and its developer name or email. */
    record Owner(String id, String name, String detail) {
    }

    /** The org's queues (Groups of type Queue), by name (one call). */
    List<Owner> queues();

    /** The org's active users, by name (one call). */
    List<Owner> users();

    /** Deletes records, up to 200 (one call); answers one result per id. */
    List<SaveResult> delete(List<String> ids);

    /** The fields of an object as the org describes them (one call). */
    List<SalesforceField> describe(String object);

    String organizationId();

    /** API requests of the org in the rolling 24 hours as last reported: used and max; -1s when unknown. */
    long[] apiUsage();
}
