package io.tandem.interfaces;

import io.tandem.domain.model.company.Company;
import io.tandem.domain.shared.EmailAddress;
import io.tandem.domain.shared.InvalidValueException;
import io.tandem.domain.shared.JsonText;
import io.tandem.emulator.org.Org;
import io.tandem.emulator.org.Record;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows a raw insert sends to the inbound benchmark's copies of the tables: companies, then the contacts naming
 * them, made before the clock starts; and how many Salesforce records they stand for.
 */
record RawRows(List<Object[]> companies, List<Object[]> contacts, int records) {

    static final String[] COMPANY_COLUMNS = {"id", "name", "domain", "website", "standalone", "sf_account_id", "industry", "employees",
            "created_at", "updated_at", "version"};
    static final String[] CONTACT_COLUMNS = {"id", "email", "email_key", "first_name", "last_name", "phone", "title", "city", "state",
            "country", "company_id", "system_source", "sync_on_create", "sf_id", "sf_type", "sf_deleted", "sf_modified_at", "field_state",
            "created_at", "updated_at", "version"};
    /** The contact fields the default mappings fill, as the field clocks name them. */
    private static final String[] CLOCKED = {"firstName", "lastName", "phone", "title", "city", "state", "country"};

    /**
     * The rows the import makes of the org's Accounts, Contacts and Leads, as a plain loop makes them (call inside
     * the org's read): a company for each Account, a contact for each person with an email not taken before, in
     * their Account's company or a standalone one of their own; a converted Lead is left to its Contact. The same
     * values, the same keys in the same order, the same field clocks as Tandem writes for them.
     */
    static RawRows madeOf(Org org, Instant now) {
        List<Object[]> companies = new ArrayList<>();
        List<Object[]> contacts = new ArrayList<>();
        Map<String, Long> accountCompanies = new HashMap<>();
        int records = 0;
        for (Record a : org.rows(org.schema().require("Account"))) {
            if (a.isDeleted()) {
                continue;
            }
            records++;
            long id = companies.size() + 1;
            String website = a.string("Website");
            companies.add(new Object[] {id, a.string("Name"), website == null ? null : Company.domainOf(website), website, false, a.id(),
                    a.string("Industry"), a.get("NumberOfEmployees"), now, now, 1});
            accountCompanies.put(a.id(), id);
        }
        Set<String> emails = new HashSet<>();
        for (String type : List.of("Contact", "Lead")) {
            boolean lead = type.equals("Lead");
            for (Record p : org.rows(org.schema().require(type))) {
                if (p.isDeleted()) {
                    continue;
                }
                records++;
                EmailAddress email = emailOf(p.string("Email"));
                if (email == null || !emails.add(email.key()) || lead && Boolean.TRUE.equals(p.get("IsConverted"))) {
                    continue;
                }
                Long company = lead ? null : accountCompanies.get(p.string("AccountId"));
                if (company == null) {
                    company = (long) companies.size() + 1;
                    String name = lead && p.string("Company") != null ? p.string("Company") : email.isFreeMail() ? email.address() : email.domain();
                    companies.add(new Object[] {company, name, email.isFreeMail() ? null : email.domain(), null, true, null, null, null, now, now,
                            1});
                }
                Instant modified = Instant.ofEpochMilli(p.lastModified());
                String[] values = {p.string("FirstName"), p.string("LastName"), p.string("Phone"), p.string("Title"),
                        p.string(lead ? "City" : "MailingCity"), p.string(lead ? "State" : "MailingState"),
                        p.string(lead ? "Country" : "MailingCountry")};
                contacts.add(new Object[] {(long) contacts.size() + 1, email.address(), email.key(), values[0], values[1], values[2], values[3],
                        values[4], values[5], values[6], company, "SALESFORCE", "NOW", p.id(), lead ? "LEAD" : "CONTACT", false, modified,
                        clocks(modified, values), now, now, 1});
            }
        }
        return new RawRows(companies, contacts, records);
    }

    /**
     * Rows of the same shape with made-up values, their keys in order ({@code person1@company1.example}, ids counting
     * up): the baseline of the first seven rounds, kept to compare. Keys in order make every index insert land
     * beside the last one; real emails land anywhere in the index.
     */
    static RawRows synthetic(int accounts, int people, int leads, Instant now) {
        List<Object[]> companies = new ArrayList<>(accounts + leads);
        for (int i = 0; i < accounts + leads; i++) {
            companies.add(new Object[] {(long) i + 1, "Company " + i, "company" + i + ".example",
                    i < accounts ? "https://www.company" + i + ".example" : null, i >= accounts,
                    i < accounts ? String.format("001RAW%012d", i) : null, null, null, now, now, 1});
        }
        String[] values = {"Ada", "Bauer", null, "Marketing Manager", "Berlin", null, "Germany"};
        String state = clocks(Instant.parse("2026-01-01T00:00:00Z"), values);
        List<Object[]> contacts = new ArrayList<>(people);
        for (int i = 0; i < people; i++) {
            String email = "person" + i + "@company" + (i % 5000) + ".example";
            contacts.add(new Object[] {(long) i + 1, email, email, values[0], values[1], values[2], values[3], values[4], values[5], values[6],
                    (long) (i % (accounts + leads) + 1), "SALESFORCE", "NOW", String.format("003RAW%012d", i), "CONTACT", false, now, state,
                    now, now, 1});
        }
        return new RawRows(companies, contacts, accounts + people);
    }

    private static EmailAddress emailOf(String text) {
        try {
            return text == null ? null : EmailAddress.of(text);
        } catch (InvalidValueException e) {
            return null;
        }
    }

    /** The field clocks of a contact every field of which Salesforce set at one instant, short, as Tandem stores them. */
    private static String clocks(Instant at, String[] values) {
        StringBuilder json = new StringBuilder("{\"~\":\"").append(at).append('"');
        for (int i = 0; i < CLOCKED.length; i++) {
            json.append(",\"").append(CLOCKED[i]).append("\":[");
            if (values[i] != null) {
                JsonText.appendString(json, values[i]);
            }
            json.append(']');
        }
        return json.append('}').toString();
    }
}
