package io.tousu.local;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.nio.file.Path;
import java.util.Map;

/**
 * Points a service under test at the JVM's real broker and database (see {@link LocalInfra})
 * and makes it verify the tokens of {@link LocalInfra#tokens()}. Init arg {@code database}
 * names the service's own database.
 */
public class LocalInfraTestResource implements QuarkusTestResourceLifecycleManager {
    private String database = "app";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        LocalInfra.Endpoints infra = LocalInfra.forThisJvm();
        infra.createDatabase(database);
        return Map.of(
                "kafka.bootstrap.servers", infra.kafkaBootstrap(),
                "quarkus.datasource.jdbc.url", infra.jdbcUrl(database),
                "quarkus.datasource.username", infra.dbUser(),
                "quarkus.datasource.password", infra.dbPassword(),
                "mp.jwt.verify.publickey.location", JwtIssuer.in(Path.of(infra.jwtDir())).publicKeyFile().toString(),
                "mp.jwt.verify.issuer", JwtIssuer.ISSUER);
    }

    @Override
    public void stop() {
        // The broker and database serve every test of this JVM; a shutdown hook stops them.
    }
}
