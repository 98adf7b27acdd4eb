package io.tandem.emulator.org;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Deterministic data for demos, tests and benchmarks: the same seed gives the same org. Accounts have
 * websites on their own domains; their contacts have emails there; leads come from all over, some
 * without email, some converted, some sharing an email with a contact or another lead.
 */
public final class Seeder {

    private static final String[] FIRST = {"Ada", "Ben", "Chloé", "Dmitri", "Elif", "Farah", "Gustav", "Hana", "Ivan",
        "Jonas", "Keiko", "Liam", "Maya", "Nils", "Olga", "Pablo", "Quinn", "Rosa", "Sven", "Tara", "Uma", "Viktor",
        "Wen", "Ximena", "Yusuf", "Zoë", "Amir", "Bea", "Carlos", "Dana", "Emil", "Fatima", "Greta", "Hugo", "Inés",
        "Jamal", "Karin", "Lucía", "Mateo", "Noor"};
    private static final String[] LAST = {"Andersson", "Bauer", "Costa", "Dubois", "Eriksen", "Fischer", "García",
        "Hansen", "Ito", "Jensen", "Kowalski", "Larsen", "Müller", "Nakamura", "O'Brien", "Petrov", "Quispe", "Rossi",
        "Schmidt", "Tanaka", "Ueda", "Varga", "Weber", "Xu", "Yilmaz", "Zimmermann", "Almeida", "Brennan", "Chen",
        "Dvořák", "Ekström", "Ferrari", "Gallagher", "Horvat", "Ibrahim", "Janssen", "Kim", "Lindqvist", "Moreau", "Novak"};
    private static final String[] WORD1 = {"Nordwind", "Bluepeak", "Copperleaf", "Driftwood", "Evergreen", "Foxglove",
        "Granite", "Harbor", "Ironbark", "Juniper", "Kestrel", "Lumen", "Meridian", "Northstar", "Oakridge", "Pinecrest",
        "Quarry", "Riverbend", "Silverline", "Tidewater"};
    private static final String[] WORD2 = {"Logistics", "Analytics", "Foods", "Robotics", "Health", "Media", "Energy",
        "Capital", "Software", "Textiles", "Labs", "Systems", "Outdoors", "Pharma", "Studios"};
    private static final String[] FREE_MAIL = {"gmail.com", "outlook.com", "yahoo.com", "proton.me"};
    private static final String[] TITLES = {"Marketing Manager", "CTO", "Head of Sales", "Procurement Lead", "CFO",
        "Operations Director", "Product Owner", "Engineer", null};
    private static final String[] INDUSTRIES = {"Technology", "Retail", "Healthcare", "Manufacturing", "Media", "Energy"};

    private Seeder() {
    }

    /** What every org has: users, a lead queue, lead statuses. Returns the ids by role name. */
    public static Map<String, String> baseOrg(Org org, Dml dml) {
        return org.write(() -> {
            Map<String, String> ids = new LinkedHashMap<>();
            long now = org.now();
            ids.put("integration", user(org, "integration@tandem-demo.example", "Integration", "User", now));
            ids.put("admin", user(org, "admin@tandem-demo.example", "Org", "Admin", now));
            ids.put("rep1", user(org, "pat.rivera@tandem-demo.example", "Pat", "Rivera", now));
            ids.put("rep2", user(org, "sam.okafor@tandem-demo.example", "Sam", "Okafor", now));
            ids.put("rep3", user(org, "kim.larsen@tandem-demo.example", "Kim", "Larsen", now));
            Record queue = org.newRecord(org.schema().require("Group"), ids.get("admin"), now);
            queue.set("Name", "Web Leads");
            queue.set("DeveloperName", "Web_Leads");
            queue.set("Type", "Queue");
            org.insert(queue);
            ids.put("webLeadsQueue", queue.id());
            int sort = 1;
            for (String status : org.schema().require("Lead").field("Status").picklist()) {
                Record st = org.newRecord(org.schema().require("LeadStatus"), ids.get("admin"), now);
                st.set("MasterLabel", status);
                st.set("ApiName", status);
                st.set("IsDefault", sort == 1);
                st.set("IsConverted", status.equals(Schema.CONVERTED_STATUS));
                st.set("SortOrder", sort++);
                org.insert(st);
            }
            return ids;
        });
    }

    private static String user(Org org, String username, String first, String last, long now) {
        Record u = org.newRecord(org.schema().require("User"), null, now);
        u.set("CreatedById", u.id());
        u.set("LastModifiedById", u.id());
        u.set("Username", username);
        u.set("FirstName", first);
        u.set("LastName", last);
        u.set("Email", username);
        u.set("IsActive", Boolean.TRUE);
        org.insert(u);
        return u.id();
    }

    /** Adds the requested numbers of records; returns what was created, by type. */
    public static Map<String, Integer> seed(Org org, Dml dml, OrgActions actions, Map<String, String> users,
                                            int accounts, int contacts, int leads, int campaigns, long seed) {
        Random rnd = new Random(seed);
        String[] reps = {users.get("rep1"), users.get("rep2"), users.get("rep3")};
        String creator = users.get("admin");
        Dml.Context ctx = new Dml.Context(creator, Boolean.FALSE);
        long now = org.now();
        List<String> accountIds = new ArrayList<>();
        List<String> domains = new ArrayList<>();
        List<String> contactEmails = new ArrayList<>();
        List<String> leadIds = new ArrayList<>();
        List<String> contactIds = new ArrayList<>();
        Map<String, Integer> created = new LinkedHashMap<>();
        org.write(() -> {
            List<Runnable> ignored = new ArrayList<>();
            for (int i = 0; i < accounts; i++) {
                String name = WORD1[rnd.nextInt(WORD1.length)] + " " + WORD2[rnd.nextInt(WORD2.length)] + (i >= 300 ? " " + i : i >= 20 ? " " + (char) ('A' + i % 26) + i : "");
                String domain = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "") + ".example";
                String website = switch (i % 4) {
                    case 0 -> "https://www." + domain;
                    case 1 -> "http://" + domain + "/about";
                    case 2 -> "www." + domain;
                    default -> domain;
                };
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("Name", name);
                f.put("Website", website);
                f.put("Industry", INDUSTRIES[rnd.nextInt(INDUSTRIES.length)]);
                f.put("NumberOfEmployees", 10 + rnd.nextInt(5000));
                f.put("OwnerId", reps[rnd.nextInt(reps.length)]);
                Record r = dml.create(org.schema().require("Account"), f, ctx, ignored);
                stamp(r, now, rnd);
                accountIds.add(r.id());
                domains.add(domain);
                ignored.clear();
            }
            for (int i = 0; i < contacts; i++) {
                Map<String, Object> f = person(rnd, reps);
                boolean hasAccount = !accountIds.isEmpty() && rnd.nextInt(10) > 0;
                int a = hasAccount ? rnd.nextInt(accountIds.size()) : -1;
                String email = email(f, hasAccount ? domains.get(a) : FREE_MAIL[rnd.nextInt(FREE_MAIL.length)], i);
                if (rnd.nextInt(33) > 0) {
                    f.put("Email", email);
                    contactEmails.add(email);
                }
                if (hasAccount) {
                    f.put("AccountId", accountIds.get(a));
                }
                copyCity(f, "MailingCity", "MailingCountry", rnd);
                custom(org.schema().require("Contact"), f, rnd);
                Record r = dml.create(org.schema().require("Contact"), f, ctx, ignored);
                stamp(r, now, rnd);
                contactIds.add(r.id());
                ignored.clear();
            }
            for (int i = 0; i < leads; i++) {
                Map<String, Object> f = person(rnd, reps);
                String company = WORD1[rnd.nextInt(WORD1.length)] + " " + WORD2[rnd.nextInt(WORD2.length)];
                f.put("Company", company);
                int roll = rnd.nextInt(100);
                if (roll < 5) {
                    f.remove("Email");
                } else if (roll < 8 && !contactEmails.isEmpty()) {
                    f.put("Email", contactEmails.get(rnd.nextInt(contactEmails.size())).toUpperCase(Locale.ROOT));
                } else if (roll < 10 && !leadIds.isEmpty()) {
                    Record other = org.find(leadIds.get(rnd.nextInt(leadIds.size())));
                    f.put("Email", other.get("Email"));
                } else {
                    String domain = rnd.nextInt(3) == 0 ? FREE_MAIL[rnd.nextInt(FREE_MAIL.length)]
                            : company.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "") + ".example";
                    f.put("Email", email(f, domain, 100_000 + i));
                }
                f.put("LeadSource", rnd.nextBoolean() ? "Web" : "Purchased List");
                f.put("Status", rnd.nextInt(4) == 0 ? "Working - Contacted" : "Open - Not Contacted");
                copyCity(f, "City", "Country", rnd);
                custom(org.schema().require("Lead"), f, rnd);
                Record r = dml.create(org.schema().require("Lead"), f, ctx, ignored);
                stamp(r, now, rnd);
                leadIds.add(r.id());
                ignored.clear();
            }
            return null;
        });
        created.put("Account", accounts);
        created.put("Contact", contacts);
        created.put("Lead", leads);
        int converted = 0;
        for (int i = 0; i < leadIds.size(); i++) {
            if (i % 33 == 7 && org.find(leadIds.get(i)).get("Email") != null) {
                String account = accountIds.isEmpty() || i % 2 == 0 ? null : accountIds.get(i % accountIds.size());
                actions.convert(leadIds.get(i), account, null, false, reps[i % reps.length]);
                converted++;
            }
        }
        created.put("ConvertedLead", converted);
        created.put("Campaign", seedCampaigns(org, dml, ctx, rnd, campaigns, leadIds, contactIds));
        return created;
    }

    private static int seedCampaigns(Org org, Dml dml, Dml.Context ctx, Random rnd, int campaigns,
                                     List<String> leadIds, List<String> contactIds) {
        String[] themes = {"Spring Webinar", "Trade Show Berlin", "Product Launch", "Customer Summit", "Newsletter"};
        String[] types = {"Webinar", "Trade Show", "Email", "Conference", "Email"};
        return org.write(() -> {
            List<Runnable> ignored = new ArrayList<>();
            for (int i = 0; i < campaigns; i++) {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("Name", themes[i % themes.length] + " " + (2026 + i / themes.length));
                f.put("Type", types[i % types.length]);
                f.put("IsActive", i % 3 != 2);
                f.put("Status", "In Progress");
                Record c = dml.create(org.schema().require("Campaign"), f, ctx, ignored);
                int members = Math.min(20, leadIds.size() + contactIds.size());
                for (int m = 0; m < members; m++) {
                    boolean lead = contactIds.isEmpty() || (rnd.nextBoolean() && !leadIds.isEmpty());
                    String who = lead ? leadIds.get(rnd.nextInt(leadIds.size())) : contactIds.get(rnd.nextInt(contactIds.size()));
                    Record person = org.find(who);
                    if (person.isDeleted() || Boolean.TRUE.equals(person.get("IsConverted"))) {
                        continue;
                    }
                    Map<String, Object> mf = new LinkedHashMap<>();
                    mf.put("CampaignId", c.id());
                    mf.put(lead ? "LeadId" : "ContactId", who);
                    mf.put("Status", rnd.nextInt(3) == 0 ? "Responded" : "Sent");
                    try {
                        dml.create(org.schema().require("CampaignMember"), mf, ctx, ignored);
                    } catch (SalesforceError duplicate) {
                        // the same person drawn twice: one membership is enough
                    }
                }
                ignored.clear();
            }
            return campaigns;
        });
    }

    private static Map<String, Object> person(Random rnd, String[] reps) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("FirstName", FIRST[rnd.nextInt(FIRST.length)]);
        f.put("LastName", LAST[rnd.nextInt(LAST.length)]);
        String title = TITLES[rnd.nextInt(TITLES.length)];
        if (title != null) {
            f.put("Title", title);
        }
        f.put("Phone", "+1 555 " + (1000 + rnd.nextInt(9000)));
        f.put("OwnerId", reps[rnd.nextInt(reps.length)]);
        return f;
    }

    private static String email(Map<String, Object> person, String domain, int n) {
        String local = (person.get("FirstName") + "." + person.get("LastName")).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z.]", "") + (n > 0 ? Integer.toString(n) : "");
        return local + "@" + domain;
    }

    private static void copyCity(Map<String, Object> f, String cityField, String countryField, Random rnd) {
        String[][] places = {{"Berlin", "Germany"}, {"Lisbon", "Portugal"}, {"Austin", "United States"}, {"Osaka", "Japan"},
            {"Toronto", "Canada"}, {"Lyon", "France"}, {"Malmö", "Sweden"}};
        String[] p = places[rnd.nextInt(places.length)];
        f.put(cityField, p[0]);
        f.put(countryField, p[1]);
    }

    /** Spreads creation and modification over the last 30 days, to the second, as an old org has them. */
    private static void stamp(Record r, long now, Random rnd) {
        long created = now - (long) rnd.nextInt(30 * 86_400) * 1000;
        long modified = Math.min(now, created + (long) rnd.nextInt(86_400) * 1000);
        r.set("CreatedDate", created);
        r.set("LastModifiedDate", modified);
        r.set("SystemModstamp", modified);
    }

    /** A value for each custom field the object has (added before seeding), of its type; none for a quarter of them. */
    private static void custom(ObjectDef type, Map<String, Object> f, Random rnd) {
        for (FieldDef d : type.fields()) {
            if (!d.custom() || !d.updateable() || rnd.nextInt(4) == 0) {
                continue;
            }
            Object value = switch (d.type()) {
                case STRING, TEXTAREA -> "Value " + rnd.nextInt(1000);
                case DOUBLE, CURRENCY, PERCENT -> rnd.nextInt(100_000) / 100.0;
                case INT -> rnd.nextInt(1000);
                case BOOLEAN -> rnd.nextBoolean();
                case DATE -> java.time.LocalDate.of(2026, 1, 1).plusDays(rnd.nextInt(365)).toString();
                case PICKLIST -> d.picklist().isEmpty() ? null : d.picklist().get(rnd.nextInt(d.picklist().size()));
                default -> null;
            };
            if (value != null) {
                f.put(d.name(), value);
            }
        }
    }
}
