package io.tousu.e2e;

import io.tousu.local.FreePorts;
import io.tousu.local.LocalInfra;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * During a rolling upgrade the next release migrates first. A replica of the release before it
 * that restarts then must still start: on a database with the next release's own migration
 * (above its versions) and with a new platform migration (0.x, below them).
 */
class RollingUpgradeIT {
    private static final String DATABASE = "upgrade";

    @Test
    void aReplicaStartsOnTheSchemaOfTheNextRelease() throws SQLException {
        LocalInfra.Endpoints infra = LocalInfra.forThisJvm();
        infra.createDatabase(DATABASE);
        Path root = Path.of(System.getProperty("tousu.root", "../../.."));
        Map<String, String> env = new E2eDatabase(infra, DATABASE).serviceEnv();
        Path logs = Path.of("target/e2e-logs/upgrade");
        try (ServiceProcess first = ServiceProcess.start(root, "reporting-service", FreePorts.pick(), env, logs)) {
            first.awaitReady(Duration.ofSeconds(90));
        }
        // What the next release's Flyway would have recorded: a platform migration and one of its own.
        try (Connection c = DriverManager.getConnection(infra.jdbcUrl(DATABASE), infra.dbUser(), infra.dbPassword());
             var insert = c.prepareStatement("""
                     INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,
                         installed_by, execution_time, success)
                     SELECT max(installed_rank) + 1, ?, ?, 'SQL', ?, 1, 'next-release', 1, true FROM flyway_schema_history""")) {
            for (String[] m : new String[][] {{"0.99", "next platform", "V0_99__next_platform.sql"},
                    {"99", "next release", "V99__next_release.sql"}}) {
                insert.setString(1, m[0]);
                insert.setString(2, m[1]);
                insert.setString(3, m[2]);
                insert.executeUpdate();
            }
        }
        try (ServiceProcess restarted = ServiceProcess.start(root, "reporting-service", FreePorts.pick(), env, logs)) {
            restarted.awaitReady(Duration.ofSeconds(90));
            given().when().get(restarted.url() + "/q/health/ready").then().statusCode(200)
                    .body("status", equalTo("UP"));
            assertThat(restarted.log()).doesNotContain("Validate failed");
        }
    }
}
