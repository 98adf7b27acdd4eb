package io.tandem.domain.model.imports;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row the import could not take: its number in the file (header = row 1), the column and why. */
@Entity
@Table(name = "import_errors")
public class ImportError {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "import_id", nullable = false)
    private long importId;
    @Column(name = "row_no", nullable = false)
    private int rowNumber;
    @Column(name = "column_name")
    private String column;
    @Column(nullable = false, length = 1000)
    private String message;

    protected ImportError() {
    }

    public ImportError(long importId, int rowNumber, String column, String message) {
        this.importId = importId;
        this.rowNumber = rowNumber;
        this.column = column;
        this.message = message.length() > 1000 ? message.substring(0, 997) + "..." : message;
    }

    public int rowNumber() {
        return rowNumber;
    }

    public String column() {
        return column;
    }

    public String message() {
        return message;
    }
}
