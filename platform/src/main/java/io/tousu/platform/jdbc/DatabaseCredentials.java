package io.tousu.platform.jdbc;

import io.smallrye.config.ConfigMapping;

/**
 * The database credentials as a required mapping, which SmallRye Config resolves when the
 * service starts, before the pool or Flyway connect. Production ships no default: its values
 * expand {@code QUARKUS_DATASOURCE_USERNAME} and {@code QUARKUS_DATASOURCE_PASSWORD}, so a start
 * without them fails at once with an error naming the variable instead of trying an empty
 * password (Quarkus's own datasource properties are optional and would not fail).
 */
@ConfigMapping(prefix = "tousu.database")
public interface DatabaseCredentials {
    String username();

    String password();
}
