package io.tandem.sync.imports;

/** A row the reader cannot read as the header says (another number of cells); skipped and reported. */
public class MalformedRowException extends RuntimeException {

    private final int row;

    public MalformedRowException(int row, String message) {
        super(message);
        this.row = row;
    }

    public int row() {
        return row;
    }
}
