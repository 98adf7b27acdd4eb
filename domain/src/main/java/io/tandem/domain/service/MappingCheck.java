package io.tandem.domain.service;

import io.tandem.domain.model.field.SyncMode;
import io.tandem.domain.model.field.TandemType;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether a Tandem field can be mapped to a Salesforce field, judged against the org's describe: the
 * field exists on the object, its type holds Tandem's kind of value, it takes writes when the mode sends
 * values, and Tandem's values fit its length (a warning only: most values are shorter than the limit).
 */
public final class MappingCheck {

    private static final int CLOSEST = 3;

    /** The answer: a refusal with its reason, or a pass with any warnings. */
    public record Result(String refusal, List<String> warnings) {

        static Result refused(String reason) {
            return new Result(reason, List.of());
        }

        public boolean passed() {
            return refusal == null;
        }
    }

    private MappingCheck() {
    }

    /**
     * @param maxLength the longest text Tandem holds in the field (0 when it is not text)
     */
    public static Result check(String object, String salesforceName, TandemType type, int maxLength, SyncMode mode,
                               Map<String, SalesforceField> described) {
        SalesforceField f = described.get(salesforceName);
        if (f == null) {
            f = described.values().stream().filter(d -> d.name().equalsIgnoreCase(salesforceName)).findFirst().orElse(null);
        }
        if (f == null) {
            List<String> closest = closest(salesforceName, described.keySet());
            return Result.refused(object + " has no field " + salesforceName
                    + (closest.isEmpty() ? "" : "; the closest are " + String.join(", ", closest)));
        }
        if (!type.fits(f.type())) {
            return Result.refused(object + "." + f.name() + " is a " + f.type() + " field, which cannot hold a Tandem "
                    + type.code() + " (that takes " + type.fitting() + ")");
        }
        if (mode.sendsValues() && !f.updateable()) {
            return Result.refused(object + "." + f.name() + " is read-only in Salesforce (not updateable), so mode "
                    + mode.name().toLowerCase(Locale.ROOT) + " cannot send to it; choose always_salesforce");
        }
        if (mode.sendsValues() && maxLength > 0 && f.isText() && f.length() > 0 && f.length() < maxLength) {
            return new Result(null, List.of(object + "." + f.name() + " holds " + f.length() + " characters, Tandem's values up to "
                    + maxLength + ": longer ones are not sent (the record is parked as failed with the reason)"));
        }
        return new Result(null, List.of());
    }

    /** The exact API name as the org spells it (names are case-insensitive in Salesforce), or the name given. */
    public static String spelled(String salesforceName, Map<String, SalesforceField> described) {
        return described.values().stream().map(SalesforceField::name).filter(n -> n.equalsIgnoreCase(salesforceName)).findFirst()
                .orElse(salesforceName);
    }

    static List<String> closest(String name, java.util.Collection<String> names) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return names.stream()
                .map(n -> Map.entry(n, distance(wanted, n.toLowerCase(Locale.ROOT))))
                .filter(e -> e.getValue() <= Math.max(3, wanted.length() / 2))
                .sorted(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .limit(CLOSEST).map(Map.Entry::getKey).toList();
    }

    /** Edit distance (insertions, deletions, substitutions). */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }
}
