package io.tousu.routing.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import io.tousu.platform.policy.PolicyFiles;
import io.tousu.platform.problem.FieldError;
import io.tousu.platform.problem.InvalidInputException;
import io.tousu.platform.problem.StateConflictException;
import io.tousu.routing.taxonomy.Department;
import io.tousu.routing.taxonomy.Taxonomy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The routing rules in force: every published version is a row in {@code routing_rule_set}, the
 * highest wins. Each replica checks the version number before it routes and reloads only when
 * it changed, so all replicas route by the same rules one query after a publish.
 */
@ApplicationScoped
public class RuleBook {
    /** Serialises publishers across replicas, so two publishes never claim one version. */
    private static final long PUBLISH_LOCK = 0x7275_6C65_7365_7401L;
    private static final TypeReference<List<RoutingRule>> RULES = new TypeReference<>() {
    };

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final RuleSetValidator validator;
    private final String pack;
    private volatile RuleSet cached;

    public RuleBook(EntityManager em, ObjectMapper mapper, Clock clock, Taxonomy taxonomy) {
        this.em = em;
        this.mapper = mapper;
        this.clock = clock;
        this.pack = taxonomy.packName();
        this.validator = new RuleSetValidator(taxonomy.pack(),
                taxonomy.departments().stream().map(Department::code).collect(Collectors.toSet()));
    }

    public record RulesFile(String description, List<RoutingRule> rules) {
    }

    /** Publishes the pack's rule file as version 1 when no rules were ever published. */
    @Transactional
    void seed(@Observes StartupEvent start) {
        List<RoutingRule> rules = PolicyFiles.read(mapper, "policy/rules/" + pack + ".json", RulesFile.class).rules();
        List<FieldError> errors = validator.validate(rules);
        if (!errors.isEmpty()) {
            throw new IllegalStateException("policy/rules/" + pack + ".json is invalid: " + errors);
        }
        em.createNativeQuery("INSERT INTO routing_rule_set (version, rules, published_at, published_by) "
                        + "VALUES (1, ?1, ?2, ?3) ON CONFLICT DO NOTHING")
                .setParameter(1, write(rules)).setParameter(2, Timestamp.from(clock.instant()))
                .setParameter(3, "policy/rules/" + pack + ".json").executeUpdate();
    }

    @Transactional
    public RuleSet current() {
        int latest = ((Number) em.createNativeQuery("SELECT max(version) FROM routing_rule_set").getSingleResult())
                .intValue();
        RuleSet known = cached;
        if (known != null && known.version() == latest) {
            return known;
        }
        Object[] row = (Object[]) em.createNativeQuery(
                        "SELECT rules, published_at, published_by FROM routing_rule_set WHERE version = ?1")
                .setParameter(1, latest).getSingleResult();
        RuleSet loaded = new RuleSet(latest, read((String) row[0]), (Instant) row[1], (String) row[2]);
        cached = loaded;
        return loaded;
    }

    /**
     * Validates and publishes a new version, all or nothing.
     *
     * @param basedOn the version the editor started from; when given and no longer current, the
     *                publish is refused (409) rather than silently overwriting someone's change
     */
    @Transactional
    public RuleSet publish(List<RoutingRule> rules, Integer basedOn, String by) {
        List<FieldError> errors = validator.validate(rules);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, PUBLISH_LOCK).getSingleResult();
        int current = current().version();
        if (basedOn != null && basedOn != current) {
            throw new StateConflictException("the rules were changed meanwhile: version " + current
                    + " is in force, the edit was based on " + basedOn);
        }
        Instant now = clock.instant();
        em.createNativeQuery("INSERT INTO routing_rule_set (version, rules, published_at, published_by) "
                        + "VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, current + 1).setParameter(2, write(rules)).setParameter(3, Timestamp.from(now))
                .setParameter(4, by).executeUpdate();
        RuleSet published = new RuleSet(current + 1, List.copyOf(rules), now, by);
        cached = published;
        return published;
    }

    private String write(List<RoutingRule> rules) {
        try {
            return mapper.writeValueAsString(rules);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rules cannot be serialised", e);
        }
    }

    private List<RoutingRule> read(String json) {
        try {
            return mapper.readValue(json, RULES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored rules are unreadable", e);
        }
    }
}
