package io.tousu.e2e;

import io.tousu.local.FreePorts;
import io.tousu.local.LocalInfra;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/** A packaged service started in production without its database credentials refuses to start and says which are missing. */
class ProductionProfileIT {

    @Test
    void aProductionStartWithoutTheDatabasePasswordFailsNamingTheVariable() {
        LocalInfra.Endpoints infra = LocalInfra.forThisJvm();
        infra.createDatabase("reporting");
        Path root = Path.of(System.getProperty("tousu.root", "../../.."));
        try (ServiceProcess reporting = ServiceProcess.start(root, "reporting-service", FreePorts.pick(), Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", infra.kafkaBootstrap(),
                "QUARKUS_DATASOURCE_JDBC_URL", infra.jdbcUrl("reporting"),
                "QUARKUS_DATASOURCE_USERNAME", infra.dbUser(),
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", LocalInfra.tokens().publicKeyFile().toString()),
                Path.of("target/e2e-logs/production"))) {
            OptionalInt exit = reporting.awaitExit(Duration.ofSeconds(60));

            assertThat(exit).as("the service must stop by itself").isPresent();
            assertThat(exit.getAsInt()).isNotZero();
            assertThat(reporting.log()).contains("QUARKUS_DATASOURCE_PASSWORD")
                    .doesNotContain("Flyway"); // refused before it connected
        }
    }
}
