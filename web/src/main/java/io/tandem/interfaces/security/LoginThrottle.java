package io.tandem.interfaces.security;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins slow down, then lock, whoever keeps guessing: per user name and per address. After
 * {@link #USER_FAILURES} failures in a row for one user (or {@link #ADDRESS_FAILURES} from one address,
 * which many people may share behind a proxy) each further try waits: 30 s, then twice as long after each
 * new failure, up to 15 minutes. A locked caller is answered 429 with Retry-After before its password is
 * even looked at, so a lock says nothing about the password. A success clears both counts. Failures older
 * than the window are forgotten.
 * <p>
 * The counts live in this instance's memory: a cluster of N instances allows N times the tries, and a
 * restart forgets them, which is acceptable for slowing guessing down (the password policy does the rest).
 */
@ApplicationScoped
public class LoginThrottle {

    static final int USER_FAILURES = 5;
    static final int ADDRESS_FAILURES = 30;
    static final Duration FIRST_LOCK = Duration.ofSeconds(30);
    static final Duration LONGEST_LOCK = Duration.ofMinutes(15);
    static final Duration WINDOW = Duration.ofHours(1);
    private static final int MAX_TRACKED = 100_000;

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    public LoginThrottle() {
        this(Clock.systemUTC());
    }

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    private record Failures(int count, Instant last, Instant lockedUntil) {
    }

    /** How long the caller must still wait, if the user or the address is locked now. */
    public Optional<Duration> locked(String user, String address) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        for (String key : keys(user, address)) {
            Duration left = lockLeft(key, now);
            wait = left.compareTo(wait) > 0 ? left : wait;
        }
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    /** Until when the user's own lock holds (not its address's), for the users list. */
    public Optional<Instant> userLockedUntil(String user) {
        Instant now = clock.instant();
        Duration left = lockLeft(userKey(user), now);
        return left.isZero() ? Optional.empty() : Optional.of(now.plus(left));
    }

    private Duration lockLeft(String key, Instant now) {
        Failures f = failures.get(key);
        return f != null && f.lockedUntil() != null && f.lockedUntil().isAfter(now) ? Duration.between(now, f.lockedUntil()) : Duration.ZERO;
    }

    /** A wrong password (or an unknown user, or an invalid token) from this address. */
    public void failed(String user, String address) {
        Instant now = clock.instant();
        if (failures.size() > MAX_TRACKED) {
            failures.values().removeIf(f -> f.last().isBefore(now.minus(WINDOW)));
        }
        if (user != null) {
            failures.compute(userKey(user), (k, f) -> next(f, now, USER_FAILURES));
        }
        if (address != null) {
            failures.compute("address:" + address, (k, f) -> next(f, now, ADDRESS_FAILURES));
        }
    }

    public void succeeded(String user, String address) {
        for (String key : keys(user, address)) {
            failures.remove(key);
        }
    }

    private static Failures next(Failures f, Instant now, int allowed) {
        int count = f == null || f.last().isBefore(now.minus(WINDOW)) ? 1 : f.count() + 1;
        if (count < allowed) {
            return new Failures(count, now, null);
        }
        int doublings = Math.min(count - allowed, 10);
        Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
        return new Failures(count, now, now.plus(lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock));
    }

    private static String[] keys(String user, String address) {
        return new String[] {user == null ? "user:" : userKey(user), "address:" + address};
    }

    private static String userKey(String user) {
        return "user:" + user.trim().toLowerCase(java.util.Locale.ROOT);
    }
}
