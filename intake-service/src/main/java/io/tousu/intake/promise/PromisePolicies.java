package io.tousu.intake.promise;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tousu.intake.config.IntakeConfig;
import io.tousu.platform.messaging.PoisonMessageException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The promise rule in force: the last one followup published, kept in intake's database so that
 * every replica uses the same one; the configured default only until the first arrives.
 * Read through a short cache, so the request path does not query it each time.
 */
@ApplicationScoped
public class PromisePolicies {
    private static final Duration CACHE = Duration.ofSeconds(10);

    private final EntityManager em;
    private final PromiseRule fallback;
    private volatile PromiseRule current;
    private volatile Instant loadedAt = Instant.EPOCH;

    public PromisePolicies(EntityManager em, IntakeConfig config) {
        this.em = em;
        this.fallback = new PromiseRule(config.promisedReply(), true);
    }

    public PromiseRule current() {
        if (Instant.now().isAfter(loadedAt.plus(CACHE))) {
            current = QuarkusTransaction.joiningExisting().call(this::load);
            loadedAt = Instant.now();
        }
        return current;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void store(PublishedPolicy policy) {
        if (policy.promise() == null || policy.promise().hours() < 1) {
            throw new PoisonMessageException("SLA policy of pack " + policy.pack() + " has no valid promise");
        }
        em.createNativeQuery("""
                        INSERT INTO promise_policy (id, pack, name, hours, referral_due_by_wins, updated_at)
                        VALUES (1, ?1, ?2, ?3, ?4, now())
                        ON CONFLICT (id) DO UPDATE SET pack = EXCLUDED.pack, name = EXCLUDED.name, hours = EXCLUDED.hours,
                            referral_due_by_wins = EXCLUDED.referral_due_by_wins, updated_at = now()""")
                .setParameter(1, policy.pack()).setParameter(2, policy.promise().name())
                .setParameter(3, policy.promise().hours()).setParameter(4, policy.promise().referralDueByWins())
                .executeUpdate();
        loadedAt = Instant.EPOCH;
    }

    private PromiseRule load() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT hours, referral_due_by_wins FROM promise_policy WHERE id = 1")
                .getResultList();
        if (rows.isEmpty()) {
            return fallback;
        }
        return new PromiseRule(Duration.ofHours(((Number) rows.get(0)[0]).longValue()), (Boolean) rows.get(0)[1]);
    }
}
