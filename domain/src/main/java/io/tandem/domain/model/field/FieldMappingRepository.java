package io.tandem.domain.model.field;

import java.util.List;
import java.util.Optional;

/** Where the field mappings are kept, with every change made to them. */
public interface FieldMappingRepository {

    List<FieldMapping> all();

    Optional<FieldMapping> find(String field);

    void add(FieldMapping mapping);

    void remove(FieldMapping mapping);

    void record(FieldMappingChange change);

    /** A field's changes, newest first. */
    List<FieldMappingChange> changes(String field);
}
