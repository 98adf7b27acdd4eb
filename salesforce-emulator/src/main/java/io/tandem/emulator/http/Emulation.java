package io.tandem.emulator.http;

import io.tandem.emulator.org.Dml;
import io.tandem.emulator.org.Org;
import io.tandem.emulator.org.OrgActions;
import io.tandem.emulator.org.OrgSettings;
import io.tandem.emulator.org.Record;
import io.tandem.emulator.org.Schema;
import io.tandem.emulator.org.Seeder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything one running emulator holds: the org, its settings, sessions, counters and cursors. */
public final class Emulation {

    public static final String DEMO_CLIENT_ID = "tandem-demo";
    public static final String DEMO_CLIENT_SECRET = "tandem-demo-secret";
    public static final String INTEGRATION_USERNAME = "integration@tandem-demo.example";
    public static final String INTEGRATION_PASSWORD = "demo-password";

    private volatile Org org;
    private volatile Dml dml;
    private volatile OrgActions actions;
    private final OrgSettings settings = new OrgSettings();
    private final Sessions sessions = new Sessions();
    private final ApiUsage usage = new ApiUsage();
    private final Faults faults = new Faults();
    private final CallLog calls = new CallLog();
    private final QueryCursors cursors = new QueryCursors();
    private final BulkQueryJobs bulkJobs = new BulkQueryJobs();
    private volatile Map<String, String> orgUsers = Map.of();

    public Emulation() {
        reset();
    }

    /**
     * An empty org with its users, queue, lead statuses and the demo connected app. Its ids go on from the
     * last org's, as a real org never gives an id twice: a client that still holds an id from before the
     * reset finds it gone, never pointing at another record.
     */
    public synchronized void reset() {
        Org fresh = new Org(Schema.standard(), org == null ? 1_000 : org.ids().current());
        Dml freshDml = new Dml(fresh, settings);
        Map<String, String> users = Seeder.baseOrg(fresh, freshDml);
        fresh.integrationUserId(users.get("integration"));
        this.org = fresh;
        this.dml = freshDml;
        this.actions = new OrgActions(fresh, freshDml);
        this.orgUsers = users;
        settings.leadAssignmentOwnerId(null);
        sessions.clearTokens();
        sessions.addClient(new Sessions.Client(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, users.get("integration")));
        sessions.addLogin(new Sessions.Login(INTEGRATION_USERNAME, INTEGRATION_PASSWORD, users.get("integration")));
        usage.set(0, fresh.nowMillis());
        calls.clear();
        cursors.clear();
        bulkJobs.clear();
    }

    /** Takes over an org loaded from a snapshot, finding its users by their usernames. */
    public synchronized void adopt(Org loaded) {
        Dml loadedDml = new Dml(loaded, settings);
        Map<String, String> users = new LinkedHashMap<>();
        String[][] names = {{"integration", "integration@"}, {"admin", "admin@"}, {"rep1", "pat.rivera@"},
            {"rep2", "sam.okafor@"}, {"rep3", "kim.larsen@"}};
        loaded.read(() -> {
            for (Record r : loaded.rows(loaded.schema().require("User"))) {
                for (String[] n : names) {
                    if (r.string("Username").startsWith(n[1])) {
                        users.put(n[0], r.id());
                    }
                }
            }
            for (Record r : loaded.rows(loaded.schema().require("Group"))) {
                if ("Web_Leads".equals(r.get("DeveloperName"))) {
                    users.put("webLeadsQueue", r.id());
                }
            }
            return null;
        });
        this.org = loaded;
        this.dml = loadedDml;
        this.actions = new OrgActions(loaded, loadedDml);
        this.orgUsers = users;
        cursors.clear();
        bulkJobs.clear();
    }

    public Org org() {
        return org;
    }

    public Dml dml() {
        return dml;
    }

    public OrgActions actions() {
        return actions;
    }

    public OrgSettings settings() {
        return settings;
    }

    public Sessions sessions() {
        return sessions;
    }

    public ApiUsage usage() {
        return usage;
    }

    public Faults faults() {
        return faults;
    }

    public CallLog calls() {
        return calls;
    }

    public QueryCursors cursors() {
        return cursors;
    }

    public BulkQueryJobs bulkJobs() {
        return bulkJobs;
    }

    /** Ids of the base org's users and queue: integration, admin, rep1..rep3, webLeadsQueue. */
    public Map<String, String> users() {
        return orgUsers;
    }

    public String repUserId() {
        return orgUsers.get("rep1");
    }

    public Map<String, Object> counts() {
        return org.read(() -> {
            Map<String, Object> m = new LinkedHashMap<>();
            for (var type : org.schema().objects()) {
                List<Record> rows = org.rows(type);
                long live = rows.stream().filter(r -> !r.isDeleted()).count();
                m.put(type.name(), live);
            }
            return m;
        });
    }
}
