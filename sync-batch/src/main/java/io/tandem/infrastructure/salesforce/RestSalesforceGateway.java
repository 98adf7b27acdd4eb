package io.tandem.infrastructure.salesforce;

import io.tandem.domain.model.sync.Watermark;
import io.tandem.domain.service.RecordWrite;
import io.tandem.domain.service.SalesforceField;
import io.tandem.domain.service.SalesforceGateway;
import io.tandem.domain.service.SalesforceObjects;
import io.tandem.domain.service.SalesforceRecord;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The gateway over the REST API. Changes are read with queryAll (so deletions and merges come in the
 * same pass) ordered by SystemModstamp and Id after the watermark; "did anything change" for several
 * objects is one composite request of LIMIT 1 queries.
 */
public final class RestSalesforceGateway implements SalesforceGateway {

    private static final JsonProvider JSON = JsonProvider.provider();
    private static final List<String> SYSTEM = List.of("Id", "SystemModstamp", "LastModifiedDate", "IsDeleted");
    private static final Set<String> MERGEABLE = Set.of("Lead", "Contact", "Account");

    private final SalesforceClient client;
    private final String version;
    private final java.util.concurrent.Executor prefetch;

    public RestSalesforceGateway(SalesforceClient client, String apiVersion) {
        this(client, apiVersion, null);
    }

    /** With an executor, long reads fetch their next page in the background while the caller works. */
    public RestSalesforceGateway(SalesforceClient client, String apiVersion, java.util.concurrent.Executor prefetch) {
        this.client = client;
        this.version = apiVersion;
        this.prefetch = prefetch;
    }

    @Override
    public java.util.Optional<String> instanceUrl() {
        return client.instanceUrl();
    }

    @Override
    public Changes changedSince(String object, List<String> fields, Watermark after, Instant settledBefore, int limit) {
        Set<String> select = new LinkedHashSet<>(SYSTEM);
        if (MERGEABLE.contains(object)) {
            select.add("MasterRecordId");
        }
        select.addAll(fields);
        String soql = "SELECT " + String.join(", ", select) + " FROM " + object + " WHERE " + between(after, settledBefore)
                + " ORDER BY SystemModstamp, Id LIMIT " + limit;
        List<SalesforceRecord> records = all(object, client.queryAll(soql), fields);
        Watermark next = records.isEmpty() ? after
                : new Watermark(records.get(records.size() - 1).systemModstamp(), records.get(records.size() - 1).id());
        return new Changes(records, next, records.size() == limit);
    }

    @Override
    public long count(String object, Watermark after, Instant settledBefore) {
        return client.queryAll("SELECT COUNT() FROM " + object + " WHERE " + between(after, settledBefore)).totalSize();
    }

    /**
     * Deleted records too (queryAll, or a Bulk queryAll job), as the poll reads them: a record the import
     * read and Salesforce then deleted comes through again, deleted, before the watermark passes it.
     */
    @Override
    public RecordStream read(String object, List<String> fields, Watermark after, Instant settledBefore, boolean bulk) {
        Set<String> select = new LinkedHashSet<>(SYSTEM);
        select.addAll(fields);
        String soql = "SELECT " + String.join(", ", select) + " FROM " + object + " WHERE " + between(after, settledBefore)
                + " ORDER BY SystemModstamp, Id";
        return bulk ? new BulkQuery(client, version, object, fields, soql, prefetch) : new RestPages(object, fields, soql);
    }

    @Override
    public List<SalesforceRecord> retrieve(String object, List<String> ids, List<String> fields) {
        Set<String> select = new LinkedHashSet<>(List.of("Id", "SystemModstamp", "LastModifiedDate"));
        select.addAll(fields);
        JsonArrayBuilder idList = JSON.createArrayBuilder();
        ids.forEach(idList::add);
        JsonArrayBuilder fieldList = JSON.createArrayBuilder();
        select.forEach(fieldList::add);
        JsonValue answer = (JsonValue) client.send("POST", "/services/data/" + version + "/composite/sobjects/" + object,
                JSON.createObjectBuilder().add("ids", idList).add("fields", fieldList).build());
        List<SalesforceRecord> records = new ArrayList<>(ids.size());
        for (JsonValue v : answer.asJsonArray()) {
            records.add(v.getValueType() == JsonValue.ValueType.OBJECT ? SalesforceRecords.fromJson(object, v.asJsonObject(), fields) : null);
        }
        return records;
    }

    @Override
    public Matches findMatches(Collection<String> emails, List<String> contactFields, List<String> leadFields, Collection<String> domains) {
        StringBuilder in = new StringBuilder();
        for (String e : emails) {
            in.append(in.length() == 0 ? "" : ", ").append(Soql.quote(e));
        }
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("Contact", byEmail("Contact", contactFields, in, ""));
        queries.put("Lead", byEmail("Lead", leadFields, in, " AND IsConverted = false"));
        if (!domains.isEmpty()) {
            StringBuilder where = new StringBuilder();
            for (String d : domains) {
                where.append(where.length() == 0 ? "" : " OR ").append("Website LIKE ").append(Soql.quote("%" + d + "%"));
            }
            queries.put("Account", "SELECT Id, SystemModstamp, LastModifiedDate, Website FROM Account WHERE " + where);
        }
        Map<String, QueryPage> first = client.queries(queries, false);
        return new Matches(all("Contact", first.get("Contact"), withEmail(contactFields)),
                all("Lead", first.get("Lead"), withEmail(leadFields)),
                first.containsKey("Account") ? all("Account", first.get("Account"), List.of("Website")) : List.of());
    }

    private static String byEmail(String object, List<String> fields, CharSequence emailList, String condition) {
        Set<String> select = new LinkedHashSet<>(List.of("Id", "SystemModstamp", "LastModifiedDate", "Email"));
        select.addAll(fields);
        return "SELECT " + String.join(", ", select) + " FROM " + object + " WHERE Email IN (" + emailList + ")" + condition
                + " ORDER BY LastModifiedDate DESC";
    }

    private static List<String> withEmail(List<String> fields) {
        List<String> withEmail = new ArrayList<>(fields);
        if (!withEmail.contains("Email")) {
            withEmail.add("Email");
        }
        return withEmail;
    }

    /** Every record of a query, from its first page through its query-more pages. */
    private List<SalesforceRecord> all(String object, QueryPage first, List<String> fields) {
        List<SalesforceRecord> records = new ArrayList<>();
        QueryPage page = first;
        while (true) {
            for (JsonObject o : page.records()) {
                records.add(SalesforceRecords.fromJson(object, o, fields));
            }
            if (page.done()) {
                return records;
            }
            page = client.queryMore(page.nextRecordsUrl());
        }
    }

    @Override
    public List<SaveResult> save(List<RecordWrite> records) {
        boolean create = records.get(0).isCreate();
        JsonArrayBuilder list = JSON.createArrayBuilder();
        for (RecordWrite r : records) {
            if (r.isCreate() != create) {
                throw new IllegalArgumentException("one call either creates or updates records");
            }
            var o = JSON.createObjectBuilder();
            o.add("attributes", JSON.createObjectBuilder().add("type", r.object()));
            if (!create) {
                o.add("Id", r.id());
            }
            r.fields().forEach((k, v) -> {
                if (v == null) {
                    o.addNull(k);
                } else if (v instanceof Number n) {
                    o.add(k, new java.math.BigDecimal(n.toString()));
                } else if (v instanceof Boolean b) {
                    o.add(k, b);
                } else {
                    o.add(k, v.toString());
                }
            });
            list.add(o);
        }
        // updates never let the org's assignment rules take a record from its owner (Salesforce's default is to run them);
        // new Leads are routed by them as the org wants
        JsonValue answer = (JsonValue) client.send(create ? "POST" : "PATCH", "/services/data/" + version + "/composite/sobjects",
                JSON.createObjectBuilder().add("allOrNone", false).add("records", list).build(),
                create ? Map.of() : Map.of("Sforce-Auto-Assign", "FALSE"));
        return results(answer);
    }

    /** One result per record of a collections answer, in its order. */
    private static List<SaveResult> results(JsonValue answer) {
        List<SaveResult> results = new ArrayList<>();
        for (JsonValue v : answer.asJsonArray()) {
            JsonObject o = v.asJsonObject();
            if (o.getBoolean("success", false)) {
                results.add(new SaveResult(o.isNull("id") ? null : o.getString("id", null), true, null, null, false));
            } else {
                JsonObject err = o.getJsonArray("errors").isEmpty() ? JsonValue.EMPTY_JSON_OBJECT : o.getJsonArray("errors").getJsonObject(0);
                String code = err.getString("statusCode", "UNKNOWN_ERROR");
                results.add(new SaveResult(o.containsKey("id") && !o.isNull("id") ? o.getString("id") : null, false, code,
                        err.getString("message", ""), SalesforceException.isTransientCode(code)));
            }
        }
        return results;
    }

    @Override
    public void refreshLimits() {
        client.get("/services/data/" + version + "/limits");
    }

    @Override
    public long callsSent() {
        return client.callsOnThisThread();
    }

    /** A REST query followed through its query-more pages. */
    private final class RestPages implements RecordStream {
        private final String object;
        private final List<String> fields;
        private final String soql;
        private QueryPage page;
        private int next;

        RestPages(String object, List<String> fields, String soql) {
            this.object = object;
            this.fields = fields;
            this.soql = soql;
        }

        @Override
        public boolean hasNext() {
            if (page == null) {
                page = client.queryAll(soql);
            }
            while (next >= page.records().size()) {
                if (page.done()) {
                    return false;
                }
                page = client.queryMore(page.nextRecordsUrl());
                next = 0;
            }
            return true;
        }

        @Override
        public SalesforceRecord next() {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException();
            }
            return SalesforceRecords.fromJson(object, page.records().get(next++), fields);
        }

        @Override
        public void close() {
            page = null;
        }
    }

    @Override
    public Map<String, Boolean> anyChanges(Map<String, Watermark> watermarks, Instant settledBefore) {
        Map<String, String> queries = new LinkedHashMap<>();
        watermarks.forEach((object, after) ->
                queries.put(object, "SELECT Id FROM " + object + " WHERE " + between(after, settledBefore) + " LIMIT 1"));
        Map<String, Boolean> changed = new LinkedHashMap<>();
        client.queries(queries, true).forEach((object, page) -> changed.put(object, page.totalSize() > 0));
        return changed;
    }

    @Override
    public List<CampaignInfo> campaigns(String nameContains, int limit) {
        String where = nameContains == null || nameContains.isBlank() ? ""
                : " WHERE Name LIKE " + Soql.quote("%" + nameContains.trim().replace("%", "\\%").replace("_", "\\_") + "%");
        return campaignRows(client.query("SELECT Id, Name, IsActive, Status FROM Campaign" + where + " ORDER BY Name LIMIT " + limit));
    }

    @Override
    public java.util.Optional<CampaignInfo> campaign(String id) {
        return campaignRows(client.query("SELECT Id, Name, IsActive, Status FROM Campaign WHERE Id = " + Soql.quote(id))).stream().findFirst();
    }

    private static List<CampaignInfo> campaignRows(QueryPage page) {
        List<CampaignInfo> found = new ArrayList<>();
        for (JsonObject o : page.records()) {
            found.add(new CampaignInfo(o.getString("Id"), o.getString("Name", ""), o.getBoolean("IsActive", false),
                    o.isNull("Status") ? null : o.getString("Status", null)));
        }
        return found;
    }

    @Override
    public List<CampaignStatus> campaignStatuses(String campaignId) {
        List<CampaignStatus> statuses = new ArrayList<>();
        QueryPage page = client.query("SELECT Id, Label, IsDefault, HasResponded, SortOrder FROM CampaignMemberStatus WHERE CampaignId = "
                + Soql.quote(campaignId) + " ORDER BY SortOrder");
        for (JsonObject o : page.records()) {
            statuses.add(new CampaignStatus(o.getString("Id"), o.getString("Label"), o.getBoolean("IsDefault", false),
                    o.getBoolean("HasResponded", false), o.isNull("SortOrder") ? 0 : o.getJsonNumber("SortOrder").intValue()));
        }
        return statuses;
    }

    @Override
    public Map<String, String> campaignMembers(String campaignId, Collection<String> leadOrContactIds) {
        Map<String, String> members = new LinkedHashMap<>();
        if (leadOrContactIds.isEmpty()) {
            return members;
        }
        String in = String.join(", ", leadOrContactIds.stream().map(Soql::quote).toList());
        QueryPage page = client.query("SELECT Id, LeadId, ContactId FROM CampaignMember WHERE CampaignId = " + Soql.quote(campaignId)
                + " AND (LeadId IN (" + in + ") OR ContactId IN (" + in + "))");
        for (JsonObject o : page.records()) {
            String who = !o.isNull("ContactId") ? o.getString("ContactId") : o.isNull("LeadId") ? null : o.getString("LeadId");
            if (who != null) {
                members.put(who, o.getString("Id"));
            }
        }
        return members;
    }

    @Override
    public Map<String, String> tasksMarked(Collection<String> whoIds, String mark, Instant createdSince) {
        Map<String, String> tasks = new LinkedHashMap<>();
        if (whoIds.isEmpty()) {
            return tasks;
        }
        QueryPage page = client.query("SELECT Id, Subject FROM Task WHERE WhoId IN (" + String.join(", ", whoIds.stream().map(Soql::quote).toList())
                + ") AND CreatedDate >= " + Soql.dateTime(createdSince) + " AND Subject LIKE " + Soql.quote("%" + mark + "%"));
        while (true) {
            for (JsonObject o : page.records()) {
                tasks.put(o.getString("Subject", ""), o.getString("Id"));
            }
            if (page.done()) {
                return tasks;
            }
            page = client.queryMore(page.nextRecordsUrl());
        }
    }

    @Override
    public List<Owner> queues() {
        return owners(client.query("SELECT Id, Name, DeveloperName FROM Group WHERE Type = 'Queue' ORDER BY Name"), "DeveloperName");
    }

    @Override
    public List<Owner> users() {
        return owners(client.query("SELECT Id, Name, Email FROM User WHERE IsActive = true ORDER BY Name"), "Email");
    }

    private List<Owner> owners(QueryPage first, String detail) {
        List<Owner> owners = new ArrayList<>();
        QueryPage page = first;
        while (true) {
            for (JsonObject o : page.records()) {
                owners.add(new Owner(o.getString("Id"), o.getString("Name", ""), o.isNull(detail) ? null : o.getString(detail, null)));
            }
            if (page.done()) {
                return owners;
            }
            page = client.queryMore(page.nextRecordsUrl());
        }
    }

    @Override
    public List<SalesforceRecord> campaignMembersAfter(String campaignId, String afterId, int limit) {
        List<String> fields = List.of("CampaignId", "LeadId", "ContactId", "Status");
        QueryPage page = client.query("SELECT Id, SystemModstamp, LastModifiedDate, " + String.join(", ", fields)
                + " FROM CampaignMember WHERE CampaignId = " + Soql.quote(campaignId)
                + (afterId == null ? "" : " AND Id > " + Soql.quote(afterId)) + " ORDER BY Id LIMIT " + Math.min(limit, 2000));
        List<SalesforceRecord> records = new ArrayList<>(page.records().size());
        for (JsonObject o : page.records()) {
            records.add(SalesforceRecords.fromJson(SalesforceObjects.CAMPAIGN_MEMBER, o, fields));
        }
        return records;
    }

    @Override
    public List<SaveResult> delete(List<String> ids) {
        JsonValue answer = (JsonValue) client.send("DELETE", "/services/data/" + version + "/composite/sobjects?allOrNone=false&ids="
                + String.join(",", ids), null);
        return results(answer);
    }

    @Override
    public List<SalesforceField> describe(String object) {
        JsonObject answer = client.get("/services/data/" + version + "/sobjects/" + object + "/describe").asJsonObject();
        List<SalesforceField> fields = new ArrayList<>();
        for (JsonValue v : answer.getJsonArray("fields")) {
            JsonObject f = v.asJsonObject();
            List<String> values = new ArrayList<>();
            if (f.containsKey("picklistValues") && !f.isNull("picklistValues")) {
                for (JsonValue p : f.getJsonArray("picklistValues")) {
                    if (p.asJsonObject().getBoolean("active", true)) {
                        values.add(p.asJsonObject().getString("value"));
                    }
                }
            }
            fields.add(new SalesforceField(f.getString("name"), f.getString("type"), f.getInt("length", 0), f.getInt("precision", 0),
                    f.getInt("scale", 0), f.getBoolean("createable", false), f.getBoolean("updateable", false),
                    f.getBoolean("nillable", true), f.getBoolean("defaultedOnCreate", false),
                    f.getBoolean("restrictedPicklist", false), values));
        }
        return fields;
    }

    @Override
    public String organizationId() {
        return client.organizationId();
    }

    @Override
    public long[] apiUsage() {
        return client.usage().map(u -> new long[] {u.used(), u.max()}).orElse(new long[] {-1, -1});
    }

    static String between(Watermark after, Instant settledBefore) {
        return after(after) + " AND SystemModstamp < " + Soql.dateTime(settledBefore);
    }

    /** Strictly after the watermark: a later stamp, or the same stamp and a greater Id. */
    static String after(Watermark w) {
        if (w.isBeginning()) {
            return "SystemModstamp >= " + Soql.dateTime(Instant.EPOCH);
        }
        String at = Soql.dateTime(w.systemModstamp());
        if (w.id().isEmpty()) {
            return "SystemModstamp >= " + at;
        }
        return "(SystemModstamp > " + at + " OR (SystemModstamp = " + at + " AND Id > " + Soql.quote(w.id()) + "))";
    }
}
