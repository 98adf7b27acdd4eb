package io.tandem.domain.model.field;

import java.util.List;
import java.util.Optional;

/** Where custom field definitions are kept. */
public interface CustomFieldRepository {

    List<CustomFieldDefinition> all();

    Optional<CustomFieldDefinition> byName(String name);

    void add(CustomFieldDefinition field);

    void remove(CustomFieldDefinition field);
}
