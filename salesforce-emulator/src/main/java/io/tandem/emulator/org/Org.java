package io.tandem.emulator.org;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The state of one org: its schema, every record (the recycle bin included) and the clock. Reads and
 * writes go through {@link #read} and {@link #write}, so a query sees a consistent org and a write of
 * several records (a collection, a conversion) is atomic.
 */
public final class Org {

    public static final String ORG_ID = "00DRO0000001TdmMAE";

    private final Schema schema;
    private final Ids ids;
    private final Map<String, Record> byId = new HashMap<>();
    private final Map<ObjectDef, List<Record>> byType = new LinkedHashMap<>();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile long clockOffsetMillis;
    private final Clock clock = Clock.systemUTC();
    private String integrationUserId;

    public Org(Schema schema, long idSequenceStart) {
        this.schema = schema;
        this.ids = new Ids(idSequenceStart);
    }

    public Schema schema() {
        return schema;
    }

    public Ids ids() {
        return ids;
    }

    /** Now, to the second, as Salesforce stamps records (many rows share one SystemModstamp). */
    public long now() {
        return (clock.millis() + clockOffsetMillis) / 1000 * 1000;
    }

    public long nowMillis() {
        return clock.millis() + clockOffsetMillis;
    }

    public void advanceClock(long millis) {
        clockOffsetMillis += millis;
    }

    public String integrationUserId() {
        return integrationUserId;
    }

    public void integrationUserId(String id) {
        this.integrationUserId = id;
    }

    public interface Action<T> {
        T run();
    }

    public <T> T read(Action<T> action) {
        lock.readLock().lock();
        try {
            return action.run();
        } finally {
            lock.readLock().unlock();
        }
    }

    public <T> T write(Action<T> action) {
        lock.writeLock().lock();
        try {
            return action.run();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The record with that id (15 or 18 characters), deleted or not; null when unknown. */
    public Record find(String id) {
        // the ids are kept in their 18-character form, which most callers hold: found without normalizing
        Record exact = id == null ? null : byId.get(id);
        if (exact != null) {
            return exact;
        }
        String normalized = Ids.normalize(id);
        return normalized == null ? null : byId.get(normalized);
    }

    /** Live and deleted rows of a type in insertion order; callers hold a lock. */
    public List<Record> rows(ObjectDef type) {
        return byType.getOrDefault(type, List.of());
    }

    public Collection<Record> all() {
        return byId.values();
    }

    public int size() {
        return byId.size();
    }

    /** A new row with system fields set; the caller fills the rest under the write lock. */
    Record newRecord(ObjectDef type, String userId, long at) {
        Record r = new Record(type, ids.next(type.keyPrefix()));
        r.set("Id", r.id());
        r.set("IsDeleted", Boolean.FALSE);
        r.set("CreatedDate", at);
        r.set("CreatedById", userId);
        r.set("LastModifiedDate", at);
        r.set("LastModifiedById", userId);
        r.set("SystemModstamp", at);
        if (type.ownable()) {
            r.set("OwnerId", userId);
        }
        return r;
    }

    void insert(Record r) {
        byId.put(r.id(), r);
        byType.computeIfAbsent(r.type(), t -> new ArrayList<>()).add(r);
    }

    /** Takes a record out entirely (rolling back its creation). */
    void remove(Record r) {
        byId.remove(r.id());
        List<Record> list = byType.get(r.type());
        if (list != null) {
            for (int i = list.size() - 1; i >= 0; i--) {
                if (list.get(i) == r) {
                    list.remove(i);
                    break;
                }
            }
        }
    }

    public void clear() {
        byId.clear();
        byType.clear();
    }
}
