package io.tousu.routing.dispatch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.UUID;

/**
 * Transaction-scoped PostgreSQL advisory locks on what repeat and incident detection count: a
 * customer, a category family in an area. Complaints of one customer arrive on different
 * partitions and may be routed by different replicas at once; holding the lock makes the second
 * see the first. A batch takes all its locks at once, in key order, so batches cannot deadlock.
 */
@ApplicationScoped
public class RoutingLocks {
    private final EntityManager em;

    public RoutingLocks(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(Collection<String> names) {
        if (names.isEmpty()) {
            return;
        }
        // One round trip for the batch; the keys go as one array parameter, which the database
        // reads far faster than a statement with thousands of constants.
        Long[] keys = names.stream().map(RoutingLocks::key).distinct().toArray(Long[]::new);
        em.createNativeQuery("""
                        SELECT count(pg_advisory_xact_lock(k))
                        FROM (SELECT unnest(CAST(?1 AS bigint[])) AS k ORDER BY k) AS ordered""")
                .setParameter(1, keys).getSingleResult();
    }

    /** The same 64-bit key for a name on every replica. */
    static long key(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).getMostSignificantBits();
    }
}
