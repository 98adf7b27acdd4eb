package io.tandem.interfaces.web;

/** One labelled value on a page; a class with getters, since Expression Language 5 cannot read records. */
public final class Line {

    private final String id;
    private final String label;
    private final String value;

    Line(String id, String label, String value) {
        this.id = id;
        this.label = label;
        this.value = value;
    }

    public String getId() {
        return id;
    }

    public String getLabel() {
        return label;
    }

    public String getValue() {
        return value;
    }
}
