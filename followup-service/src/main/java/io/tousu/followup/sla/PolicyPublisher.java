package io.tousu.followup.sla;

import io.tousu.followup.events.PromisePolicy;

import io.tousu.followup.events.SlaPolicyPublished;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.tousu.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Publishes the configured SLA pack's promise on {@code policies.sla} whenever it differs from
 * what was last published, so that intake promises what followup's clocks hold it to.
 */
@ApplicationScoped
public class PolicyPublisher {
    private final ObjectMapper mapper;
    private final Outbox outbox;
    private final EntityManager em;
    private final String packName;

    public PolicyPublisher(ObjectMapper mapper, Outbox outbox, EntityManager em,
                           @ConfigProperty(name = "tousu.sla.pack") String packName) {
        this.mapper = mapper;
        this.outbox = outbox;
        this.em = em;
        this.packName = packName;
    }

    void onStart(@Observes StartupEvent event) {
        byte[] raw = read("policy/sla/" + packName + ".json");
        SlaPolicyPublished published = new SlaPolicyPublished(packName, checksum(raw), promise(raw));
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

    private PromisePolicy promise(byte[] raw) {
        try {
            JsonNode promise = mapper.readTree(raw).path("promise");
            return new PromisePolicy(packName, promise.path("name").asText(), promise.path("hours").asInt(),
                    promise.path("referralDueByWins").asBoolean(true));
        } catch (IOException e) {
            throw new UncheckedIOException("SLA pack " + packName + " is unreadable", e);
        }
    }

    private static byte[] read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("SLA pack " + resource + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String checksum(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
