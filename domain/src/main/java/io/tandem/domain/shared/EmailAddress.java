package io.tandem.domain.shared;

import io.tandem.domain.shared.InvalidValueException;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An email address as Tandem keeps it: trimmed, checked against the RFC 5321 shape (local part of at
 * most 64 characters, a dotted domain, 254 in all), and keyed in lower case, so case never makes two
 * contacts.
 */
@Embeddable
public class EmailAddress {

    private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern TOP_LEVEL = Pattern.compile("[A-Za-z][A-Za-z0-9-]*[A-Za-z0-9]");
    private static final Set<String> FREE_MAIL = Set.of("gmail.com", "googlemail.com", "outlook.com", "hotmail.com",
            "live.com", "msn.com", "yahoo.com", "ymail.com", "icloud.com", "me.com", "mac.com", "aol.com", "proton.me",
            "protonmail.com", "gmx.de", "gmx.net", "gmx.com", "web.de", "mail.com", "mail.ru", "yandex.ru", "yandex.com",
            "qq.com", "163.com", "126.com", "zoho.com", "fastmail.com", "hey.com", "t-online.de", "orange.fr", "libero.it");

    @Column(name = "email", length = 254, nullable = false)
    private String address;

    @Column(name = "email_key", length = 254, nullable = false)
    private String key;

    protected EmailAddress() {
    }

    private EmailAddress(String address) {
        this.address = address;
        this.key = address.toLowerCase(Locale.ROOT);
    }

    public static EmailAddress of(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException("email", "is required");
        }
        String email = raw.trim();
        if (email.length() > 254) {
            throw new InvalidValueException("email", "is longer than 254 characters");
        }
        int at = email.lastIndexOf('@');
        if (at <= 0 || at == email.length() - 1) {
            throw new InvalidValueException("email", "is not an email address: " + email);
        }
        String local = email.substring(0, at);
        String domain = email.substring(at + 1);
        if (local.length() > 64 || !LOCAL.matcher(local).matches()) {
            throw new InvalidValueException("email", "has an invalid local part: " + email);
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2 || !TOP_LEVEL.matcher(labels[labels.length - 1]).matches()) {
            throw new InvalidValueException("email", "has an invalid domain: " + email);
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                throw new InvalidValueException("email", "has an invalid domain: " + email);
            }
        }
        return new EmailAddress(email);
    }

    /** The lower-cased address: the one key a contact is found by. */
    public static String keyOf(String raw) {
        return raw == null ? null : raw.trim().toLowerCase(Locale.ROOT);
    }

    public String address() {
        return address;
    }

    public String key() {
        return key;
    }

    public String domain() {
        return key.substring(key.lastIndexOf('@') + 1);
    }

    /** Addresses at consumer mail services, which never say which company a person works for. */
    public boolean isFreeMail() {
        return FREE_MAIL.contains(domain());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EmailAddress other && Objects.equals(key, other.key);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(key);
    }

    @Override
    public String toString() {
        return address;
    }
}
