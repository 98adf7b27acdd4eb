package io.tandem.domain.model.campaign;

import io.tandem.domain.shared.InvalidValueException;
import io.tandem.domain.shared.JsonText;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A campaign type's member statuses, in order: at least one, labels distinct (whatever their case), exactly
 * one default and at least one that counts as responded, as Salesforce requires of a campaign's statuses.
 */
public final class MemberStatuses {

    public static final int MAX_LABEL = 255;
    public static final int MAX_STATUSES = 50;

    private final List<MemberStatus> statuses;

    private MemberStatuses(List<MemberStatus> statuses) {
        this.statuses = List.copyOf(statuses);
    }

    /** The statuses given, trimmed, or an error naming the rule they break. */
    public static MemberStatuses of(List<MemberStatus> given) {
        if (given == null || given.isEmpty()) {
            throw new InvalidValueException("statuses", "at least one status is required");
        }
        if (given.size() > MAX_STATUSES) {
            throw new InvalidValueException("statuses", "at most " + MAX_STATUSES + " statuses");
        }
        List<MemberStatus> clean = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (MemberStatus s : given) {
            String label = s == null || s.label() == null ? "" : s.label().trim();
            if (label.isEmpty() || label.length() > MAX_LABEL) {
                throw new InvalidValueException("statuses", "each status has a label of 1 to " + MAX_LABEL + " characters");
            }
            if (!seen.add(label.toLowerCase(Locale.ROOT))) {
                throw new InvalidValueException("statuses", "\"" + label + "\" is there twice");
            }
            clean.add(new MemberStatus(label, s.isDefault(), s.responded()));
        }
        long defaults = clean.stream().filter(MemberStatus::isDefault).count();
        if (defaults != 1) {
            throw new InvalidValueException("statuses", "exactly one status is the default, not " + defaults);
        }
        if (clean.stream().noneMatch(MemberStatus::responded)) {
            throw new InvalidValueException("statuses", "at least one status counts as responded");
        }
        return new MemberStatuses(clean);
    }

    public List<MemberStatus> all() {
        return statuses;
    }

    public MemberStatus defaultStatus() {
        return statuses.stream().filter(MemberStatus::isDefault).findFirst().orElseThrow();
    }

    /** The status with this label, spelled as the type spells it (labels match whatever their case). */
    public Optional<MemberStatus> find(String label) {
        if (label == null) {
            return Optional.empty();
        }
        String wanted = label.trim();
        return statuses.stream().filter(s -> s.label().equalsIgnoreCase(wanted)).findFirst();
    }

    /** The labels of these statuses that {@code next} no longer has. */
    public List<String> removedIn(MemberStatuses next) {
        return statuses.stream().map(MemberStatus::label).filter(l -> next.find(l).isEmpty()).toList();
    }

    String json() {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < statuses.size(); i++) {
            MemberStatus s = statuses.get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("label", s.label());
            m.put("default", s.isDefault());
            m.put("responded", s.responded());
            out.append(i == 0 ? "" : ",").append(JsonText.write(m));
        }
        return out.append(']').toString();
    }

    @SuppressWarnings("unchecked")
    static MemberStatuses fromJson(String json) {
        List<MemberStatus> list = new ArrayList<>();
        for (Object o : JsonText.readArray(json)) {
            Map<String, Object> m = (Map<String, Object>) o;
            list.add(new MemberStatus((String) m.get("label"), Boolean.TRUE.equals(m.get("default")), Boolean.TRUE.equals(m.get("responded"))));
        }
        return new MemberStatuses(list);
    }
}
