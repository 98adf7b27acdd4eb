package io.tandem.domain.model.field;

import io.tandem.domain.shared.InvalidValueException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A custom contact field: its API name, label, type and, for picklists, the allowed values. */
@Entity
@Table(name = "custom_fields")
@TableGenerator(name = "custom_field_ids", table = "id_sequences", pkColumnName = "name", valueColumnName = "next_val",
        pkColumnValue = "custom_fields", allocationSize = 10)
@NamedQuery(name = CustomFieldDefinition.ALL, query = "SELECT f FROM CustomFieldDefinition f ORDER BY f.name")
@NamedQuery(name = CustomFieldDefinition.BY_NAME, query = "SELECT f FROM CustomFieldDefinition f WHERE f.name = :name")
public class CustomFieldDefinition {

    public static final String ALL = "CustomFieldDefinition.all";
    public static final String BY_NAME = "CustomFieldDefinition.byName";

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "custom_field_ids")
    private Long id;

    @Column(nullable = false, length = 40)
    private String name;

    @Column(nullable = false, length = 80)
    private String label;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private CustomFieldType type;

    /** Picklist values joined by newlines. */
    private String options;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected CustomFieldDefinition() {
    }

    public CustomFieldDefinition(String name, String label, CustomFieldType type, List<String> options, Instant at) {
        if (name == null || !name.matches("[a-z][A-Za-z0-9_]{0,39}")) {
            throw new InvalidValueException("name", "must start with a lower-case letter and hold at most 40 letters, digits or _");
        }
        this.name = name;
        this.type = type;
        this.createdAt = at;
        relabel(label == null || label.isBlank() ? name : label);
        changeOptions(options);
    }

    public void relabel(String newLabel) {
        if (newLabel == null || newLabel.isBlank() || newLabel.length() > 80) {
            throw new InvalidValueException("label", "is required, at most 80 characters");
        }
        label = newLabel.trim();
    }

    public void changeOptions(List<String> values) {
        if (type != CustomFieldType.PICKLIST) {
            if (values != null && !values.isEmpty()) {
                throw new InvalidValueException("options", "only picklists have options");
            }
            options = null;
            return;
        }
        if (values == null || values.isEmpty()) {
            throw new InvalidValueException("options", "a picklist needs at least one value");
        }
        List<String> clean = new ArrayList<>();
        for (String v : values) {
            if (v == null || v.isBlank() || v.contains("\n") || v.length() > 255) {
                throw new InvalidValueException("options", "values are non-empty single lines of at most 255 characters");
            }
            clean.add(v.trim());
        }
        options = String.join("\n", clean);
    }

    /** The stored form of a value for this field, or an error naming it. */
    public Object normalize(Object value) {
        return type.normalize("customFields." + name, value, options());
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String label() {
        return label;
    }

    public CustomFieldType type() {
        return type;
    }

    public List<String> options() {
        return options == null ? List.of() : Arrays.asList(options.split("\n"));
    }
}
