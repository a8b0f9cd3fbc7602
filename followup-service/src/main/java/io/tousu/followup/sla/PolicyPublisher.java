package io.tousu.followup.sla;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.tousu.followup.events.SlaPolicyPublished;
import io.tousu.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

/**
 * Publishes the configured SLA pack's promise on {@code policies.sla} whenever it differs from
 * what was last published, so that intake promises what followup's clocks hold it to.
 */
@ApplicationScoped
public class PolicyPublisher {
    private final SlaPack pack;
    private final Outbox outbox;
    private final EntityManager em;

    public PolicyPublisher(SlaPack pack, Outbox outbox, EntityManager em) {
        this.pack = pack;
        this.outbox = outbox;
        this.em = em;
    }

    void onStart(@Observes StartupEvent event) {
        SlaPolicyPublished published = new SlaPolicyPublished(pack.name(), pack.checksum(), pack.promise());
        QuarkusTransaction.requiringNew().run(() -> publishIfChanged(published));
    }

    private void publishIfChanged(SlaPolicyPublished policy) {
        int changed = em.createNativeQuery("""
                        INSERT INTO published_policy (pack, checksum, published_at) VALUES (?1, ?2, now())
                        ON CONFLICT (pack) DO UPDATE SET checksum = EXCLUDED.checksum, published_at = now()
                        WHERE published_policy.checksum <> EXCLUDED.checksum""")
                .setParameter(1, policy.pack()).setParameter(2, policy.checksum()).executeUpdate();
        if (changed == 1) {
            outbox.add(SlaPolicyPublished.TOPIC, policy.pack(), SlaPolicyPublished.TYPE, policy);
        }
    }
}
