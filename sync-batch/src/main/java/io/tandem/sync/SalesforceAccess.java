package io.tandem.sync;

import io.tandem.application.SalesforceConnections;
import io.tandem.domain.service.SalesforceGateway;
import io.tandem.infrastructure.salesforce.RestSalesforceGateway;
import io.tandem.infrastructure.salesforce.SalesforceClient;
import io.tandem.infrastructure.salesforce.SalesforceConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/**
 * The gateway to the org in force, one client (and so one session) for every job and timer; a changed
 * connection gets a new client at its next use.
 */
@ApplicationScoped
public class SalesforceAccess {

    @Inject
    SalesforceConnections connections;
    @jakarta.annotation.Resource
    jakarta.enterprise.concurrent.ManagedExecutorService executor;

    private SalesforceConnection current;
    private SalesforceClient client;
    private SalesforceGateway gateway;

    /** The gateway, or empty when no connection is configured. */
    public synchronized Optional<SalesforceGateway> gateway() {
        Optional<SalesforceConnection> connection = connections.connection();
        if (connection.isEmpty()) {
            return Optional.empty();
        }
        if (!connection.get().equals(current)) {
            current = connection.get();
            client = new SalesforceClient(current);
            gateway = new RestSalesforceGateway(client, current.apiVersion(), executor);
        }
        return Optional.of(gateway);
    }

    /** The client behind the gateway, for callers that need raw calls; empty when not connected. */
    public synchronized Optional<SalesforceClient> client() {
        return gateway().map(g -> client);
    }
}
