package io.tandem.emulator.org;

/**
 * What an administrator (or a test) sets on the org: the daily API allocation, the session lifetime,
 * the active lead assignment rule, and the organization id its logins answer (a test points the same
 * address at "another org" by changing it).
 */
public final class OrgSettings {

    private volatile String organizationId = Org.ORG_ID;

    private volatile long dailyApiLimit = 100_000;
    private volatile long tokenLifetimeSeconds = 7200;
    private volatile String leadAssignmentOwnerId;

    public long dailyApiLimit() {
        return dailyApiLimit;
    }

    public void dailyApiLimit(long limit) {
        this.dailyApiLimit = limit;
    }

    public String organizationId() {
        return organizationId;
    }

    public void organizationId(String id) {
        this.organizationId = id;
    }

    public long tokenLifetimeSeconds() {
        return tokenLifetimeSeconds;
    }

    public void tokenLifetimeSeconds(long seconds) {
        this.tokenLifetimeSeconds = seconds;
    }

    /** The owner the active lead assignment rule gives new leads, or null when no rule is active. */
    public String leadAssignmentOwnerId() {
        return leadAssignmentOwnerId;
    }

    public void leadAssignmentOwnerId(String ownerId) {
        this.leadAssignmentOwnerId = ownerId;
    }
}
