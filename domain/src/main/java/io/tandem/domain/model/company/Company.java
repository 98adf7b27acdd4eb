package io.tandem.domain.model.company;

import io.tandem.domain.shared.EmailAddress;
import io.tandem.domain.shared.InvalidValueException;
import io.tandem.domain.shared.SalesforceId;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;

/** A company: shared by the contacts of one Salesforce Account, or standalone for a single contact. */
@Entity
@Table(name = "companies")
@TableGenerator(name = "company_ids", table = "id_sequences", pkColumnName = "name", valueColumnName = "next_val",
        pkColumnValue = "companies", allocationSize = 500)
public class Company {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "company_ids")
    private Long id;

    @Column(nullable = false)
    private String name;

    private String domain;

    private String website;

    @Column(nullable = false)
    private boolean standalone;

    private String industry;

    @Column(name = "annual_revenue", precision = 18, scale = 2)
    private BigDecimal annualRevenue;

    private Integer employees;

    @Embedded
    @AttributeOverride(name = "value", column = @Column(name = "sf_account_id", length = 18))
    private SalesforceId account;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private int version;

    protected Company() {
    }

    private Company(String name, String domain, boolean standalone, Instant at) {
        rename(name);
        this.domain = domain;
        this.standalone = standalone;
        this.createdAt = at;
        this.updatedAt = at;
    }

    /** A shared company, as marketing creates one (or an Account brings one). */
    public static Company shared(String name, String website, Instant at) {
        Company c = new Company(name, null, false, at);
        c.changeWebsite(website);
        return c;
    }

    /**
     * The company of one contact with no Account: named after the email's domain, or after the
     * address itself on a free-mail domain, which names no company.
     */
    public static Company standaloneFor(EmailAddress email, Instant at) {
        return new Company(email.isFreeMail() ? email.address() : email.domain(),
                email.isFreeMail() ? null : email.domain(), true, at);
    }

    /** The standalone company of a Lead's contact: named after the Lead's company when it has one. */
    public static Company standaloneFor(EmailAddress email, String companyName, Instant at) {
        Company c = standaloneFor(email, at);
        if (companyName != null && !companyName.isBlank()) {
            c.rename(companyName.length() > 255 ? companyName.substring(0, 255) : companyName);
        }
        return c;
    }

    public void rename(String newName) {
        if (newName == null || newName.isBlank()) {
            throw new InvalidValueException("name", "is required");
        }
        if (newName.trim().length() > 255) {
            throw new InvalidValueException("name", "is longer than 255 characters");
        }
        this.name = newName.trim();
    }

    public void changeWebsite(String newWebsite) {
        if (newWebsite == null || newWebsite.isBlank()) {
            website = null;
            return;
        }
        if (newWebsite.trim().length() > 255) {
            throw new InvalidValueException("website", "is longer than 255 characters");
        }
        website = newWebsite.trim();
        domain = domainOf(website);
    }

    /** Links the company to its Salesforce Account: contacts of that Account share it. */
    public void linkAccount(SalesforceId accountId) {
        account = accountId;
        standalone = false;
    }

    /** The Account was deleted in Salesforce: the company stays, without a link. */
    public void unlinkAccount() {
        account = null;
    }

    /** A mapped company field's value (industry, annual revenue, employees). */
    public Object value(CompanyField field) {
        return switch (field) {
            case INDUSTRY -> industry;
            case ANNUAL_REVENUE -> annualRevenue;
            case EMPLOYEES -> employees;
        };
    }

    /** Sets a mapped company field, normalized ({@link CompanyField#normalize}); answers whether it changed. */
    public boolean set(CompanyField field, Object value) {
        Object v = field.normalize(value);
        Object current = value(field);
        if (v instanceof BigDecimal a && current instanceof BigDecimal b ? a.compareTo(b) == 0 : java.util.Objects.equals(v, current)) {
            return false;
        }
        switch (field) {
            case INDUSTRY -> industry = (String) v;
            case ANNUAL_REVENUE -> annualRevenue = (BigDecimal) v;
            case EMPLOYEES -> employees = (Integer) v;
        }
        return true;
    }

    public void touch(Instant at) {
        updatedAt = at;
    }

    /** The host of a website, without scheme, {@code www.}, port or path: what emails are matched on. */
    public static String domainOf(String website) {
        String s = website.trim().toLowerCase(Locale.ROOT);
        s = s.substring(afterScheme(s));
        int cut = s.length();
        for (char c : new char[] {'/', '?', '#', ':'}) {
            int i = s.indexOf(c);
            if (i >= 0 && i < cut) {
                cut = i;
            }
        }
        s = s.substring(0, cut);
        return s.startsWith("www.") ? s.substring(4) : s;
    }

    /**
     * Where the text after a scheme ({@code [a-z][a-z0-9+.-]*://}) starts, 0 without one; read by hand: the
     * regular expression it replaces was compiled anew for every website an import read.
     */
    static int afterScheme(String s) {
        if (s.isEmpty() || s.charAt(0) < 'a' || s.charAt(0) > 'z') {
            return 0;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ':') {
                return s.startsWith("//", i + 1) ? i + 3 : 0;
            }
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '.' || c == '-')) {
                return 0;
            }
        }
        return 0;
    }

    /** Gives a new company the id a bulk writer allocated for it; refuses one that has an id. */
    public void identify(long newId) {
        if (id != null) {
            throw new IllegalStateException("company " + id + " has an id");
        }
        id = newId;
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String domain() {
        return domain;
    }

    public String website() {
        return website;
    }

    public boolean isStandalone() {
        return standalone;
    }

    public SalesforceId account() {
        return account == null || account.value() == null ? null : account;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
