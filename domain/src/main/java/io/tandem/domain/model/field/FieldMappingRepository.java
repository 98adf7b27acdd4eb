package io.tandem.domain.model.field;

import java.util.List;
import java.util.Optional;

/** Where the chosen sync modes are kept. */
public interface FieldMappingRepository {

    List<FieldMapping> all();

    Optional<FieldMapping> find(String field);

    void add(FieldMapping mapping);
}
