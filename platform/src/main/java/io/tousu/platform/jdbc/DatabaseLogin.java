package io.tousu.platform.jdbc;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Logs at start which database user the service runs as. Its injection point also registers
 * {@link DatabaseCredentials}, which Quarkus resolves only for mappings something injects.
 */
@ApplicationScoped
class DatabaseLogin {
    private static final Logger LOG = Logger.getLogger(DatabaseLogin.class);

    void started(@Observes StartupEvent start, DatabaseCredentials credentials) {
        LOG.infof("database user %s", credentials.username());
    }
}
