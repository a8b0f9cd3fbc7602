package io.tousu.e2e;

import io.tousu.local.LocalInfra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** One service's database of the local infrastructure, as the end-to-end tests start and query it. */
record E2eDatabase(LocalInfra.Endpoints infra, String name) {

    /** The settings a service process needs for the broker, this database and the test tokens. */
    Map<String, String> serviceEnv() {
        return Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", infra.kafkaBootstrap(),
                "QUARKUS_DATASOURCE_JDBC_URL", infra.jdbcUrl(name),
                "QUARKUS_DATASOURCE_USERNAME", infra.dbUser(),
                "QUARKUS_DATASOURCE_PASSWORD", infra.dbPassword(),
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", LocalInfra.tokens().publicKeyFile().toString());
    }

    /**
     * {@link #serviceEnv()} with consumer groups of its own: a killed instance stays a member of its
     * groups until its session times out (45 s), and a later test joining the same group would wait.
     */
    Map<String, String> serviceEnv(String group) {
        Map<String, String> env = new HashMap<>(serviceEnv());
        env.put("KAFKA_GROUP_ID", group);
        return Map.copyOf(env);
    }

    /** The number a {@code count(*)} query answers for one text parameter; 0 before the service made its tables. */
    long count(String sql, String parameter) throws SQLException {
        try {
            return single(sql, parameter, Long.class);
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return 0;
            }
            throw e;
        }
    }

    /** The one value a query answers for one text parameter. */
    <T> T single(String sql, String parameter, Class<T> type) throws SQLException {
        try (Connection c = DriverManager.getConnection(infra.jdbcUrl(name), infra.dbUser(), infra.dbPassword());
             var statement = c.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getObject(1, type);
            }
        }
    }
}
