package io.tandem.domain.model.connection;

import java.util.Optional;

/** The saved connection, if an admin saved one. */
public interface ConnectionRepository {

    Optional<SavedConnection> saved();

    void save(SavedConnection connection);
}
