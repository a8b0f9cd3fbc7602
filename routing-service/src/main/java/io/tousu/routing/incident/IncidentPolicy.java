package io.tousu.routing.incident;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tousu.platform.policy.PolicyFiles;
import io.tousu.routing.complaint.ReceivedComplaint;
import io.tousu.routing.taxonomy.Category;
import io.tousu.routing.taxonomy.TaxonomyPack;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which complaints can be one incident, and when ({@code policy/incidents/<pack>.json}): families
 * of categories that are faults of a place (an outage), each with the number of complaints in one
 * area within a window that makes an incident. A complaint of no family never joins one. Some
 * complaints keep their own work order even when linked ({@link #answersAlone}).
 */
public final class IncidentPolicy {
    /** One kind of fault: its categories (a code takes everything below it), threshold and window. */
    public record Family(String name, String nameZh, List<String> categories, Integer threshold, Duration window) {
        /** The earliest receipt time that still counts towards an incident with a complaint received at {@code at}. */
        public Instant countsSince(Instant at) {
            return at.minus(window);
        }

        public boolean opensWith(int complaintsInWindow) {
            return complaintsInWindow >= threshold;
        }
    }

    /** What makes a linked complaint keep its own order: a referral, a VIP, a repeat, one of these demands. */
    public record AnswersAlone(String description, boolean referral, boolean vip, boolean repeat, List<String> demands) {
    }

    record Defaults(int threshold, Duration window) {
    }

    record PolicyFile(String pack, String description, Defaults defaults, List<Family> families,
                      AnswersAlone answersAlone) {
    }

    private final List<Family> families;
    private final AnswersAlone answersAlone;
    /** Each category's family, worked out once: routing asks for every complaint. */
    private final Map<String, Family> byCategory = new HashMap<>();

    IncidentPolicy(List<Family> families, AnswersAlone answersAlone, TaxonomyPack taxonomy) {
        for (Family f : families) {
            if (f.threshold() < 2) {
                throw new IllegalArgumentException("incident family " + f.name() + ": an incident needs at least 2 complaints, not "
                        + f.threshold());
            }
            for (String code : f.categories()) {
                if (!taxonomy.isCategory(code)) {
                    throw new IllegalArgumentException("incident family " + f.name() + " names unknown category " + code);
                }
            }
        }
        this.families = List.copyOf(families);
        this.answersAlone = answersAlone;
        for (Category c : taxonomy.categories()) {
            families.stream().filter(f -> f.categories().stream().anyMatch(code -> taxonomy.isWithin(c.code(), code)))
                    .findFirst().ifPresent(f -> byCategory.put(c.code(), f));
        }
    }

    /** The pack's file, each family's missing threshold and window taken from its defaults, checked against the taxonomy. */
    public static IncidentPolicy load(ObjectMapper mapper, String pack, TaxonomyPack taxonomy) {
        PolicyFile file = PolicyFiles.read(mapper, "policy/incidents/" + pack + ".json", PolicyFile.class);
        List<Family> families = file.families().stream().map(f -> new Family(f.name(), f.nameZh(), f.categories(),
                f.threshold() == null ? file.defaults().threshold() : f.threshold(),
                f.window() == null ? file.defaults().window() : f.window())).toList();
        return new IncidentPolicy(families, file.answersAlone(), taxonomy);
    }

    /** The family a category belongs to; empty for categories that are never an incident (bills, attitude, ...). */
    public Optional<Family> familyOf(String category) {
        return Optional.ofNullable(category).map(byCategory::get);
    }

    public Optional<Family> family(String name) {
        return families.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /**
     * Why a complaint must be answered on its own even when it joins an incident, or empty: a
     * regulator's or media referral (its legal due date runs apart), a VIP, a repeat complaint,
     * or a demand (compensation) that the incident's answer does not settle.
     */
    public Optional<String> answersAlone(ReceivedComplaint c, boolean repeat) {
        if (answersAlone.referral() && c.referralSource() != null) {
            return Optional.of("REFERRAL");
        }
        if (answersAlone.vip() && c.vip()) {
            return Optional.of("VIP");
        }
        if (answersAlone.repeat() && repeat) {
            return Optional.of("REPEAT");
        }
        return c.demands() == null ? Optional.empty()
                : c.demands().stream().filter(answersAlone.demands()::contains).findFirst();
    }
}
