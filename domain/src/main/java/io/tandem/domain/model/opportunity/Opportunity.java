package io.tandem.domain.model.opportunity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A Salesforce Opportunity as last read: its Account, name, stage, amount and close date. */
@Entity
@Table(name = "opportunities")
public class Opportunity {

    @Id
    @Column(name = "sf_id", length = 18)
    private String id;

    @Column(name = "account_sf_id", length = 18)
    private String accountId;

    @Column(nullable = false, length = 120)
    private String name;

    private String stage;

    private BigDecimal amount;

    @Column(name = "close_date")
    private LocalDate closeDate;

    @Column(name = "is_closed", nullable = false)
    private boolean closed;

    @Column(name = "is_won", nullable = false)
    private boolean won;

    @Column(name = "sf_modified_at", nullable = false)
    private Instant modifiedAt;

    protected Opportunity() {
    }

    public Opportunity(String id) {
        this.id = id;
    }

    /** As Salesforce has it now; answers whether anything shown changed. */
    public boolean seen(String accountId, String name, String stage, BigDecimal amount, LocalDate closeDate, boolean closed, boolean won,
                        Instant modifiedAt) {
        boolean changed = !java.util.Objects.equals(this.accountId, accountId) || !java.util.Objects.equals(this.name, name)
                || !java.util.Objects.equals(this.stage, stage) || !sameAmount(this.amount, amount)
                || !java.util.Objects.equals(this.closeDate, closeDate) || this.closed != closed || this.won != won;
        this.accountId = accountId;
        this.name = name == null ? "" : name;
        this.stage = stage;
        this.amount = amount;
        this.closeDate = closeDate;
        this.closed = closed;
        this.won = won;
        this.modifiedAt = modifiedAt;
        return changed;
    }

    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    public String id() {
        return id;
    }

    public String accountId() {
        return accountId;
    }

    public String name() {
        return name;
    }

    public String stage() {
        return stage;
    }

    public BigDecimal amount() {
        return amount;
    }

    public LocalDate closeDate() {
        return closeDate;
    }

    public boolean isClosed() {
        return closed;
    }

    public boolean isWon() {
        return won;
    }

    public Instant modifiedAt() {
        return modifiedAt;
    }
}
