package io.tousu.e2e;

import io.tousu.local.FreePorts;
import io.tousu.local.LocalInfra;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A packaged service starts in the production profile, which has no default credentials: a start
 * without one of them fails at once and says which variable is missing, instead of trying
 * postgres/postgres on localhost.
 */
class ProductionProfileIT {
    @ParameterizedTest
    @ValueSource(strings = {"QUARKUS_DATASOURCE_PASSWORD", "QUARKUS_DATASOURCE_USERNAME"})
    void aProductionStartWithoutACredentialFailsNamingIt(String missing) {
        LocalInfra.Endpoints infra = LocalInfra.forThisJvm();
        infra.createDatabase("reporting");
        Map<String, String> env = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", infra.kafkaBootstrap(),
                "QUARKUS_DATASOURCE_JDBC_URL", infra.jdbcUrl("reporting"),
                "QUARKUS_DATASOURCE_USERNAME", infra.dbUser(),
                "QUARKUS_DATASOURCE_PASSWORD", infra.dbPassword());
        Path root = Path.of(System.getProperty("tousu.root", "../../.."));
        ServiceProcess service = ServiceProcess.start(root, "reporting-service", FreePorts.pick(), env,
                List.of(missing), Path.of("target/e2e-logs/production-" + missing));

        int exit = service.awaitExit(Duration.ofSeconds(60));

        assertThat(exit).isNotZero();
        assertThat(service.tail()).contains(missing);
    }
}
