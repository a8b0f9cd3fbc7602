package io.tousu.followup.sla;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tousu.followup.config.FollowupConfig;
import io.tousu.followup.events.PromisePolicy;
import io.tousu.platform.policy.PolicyFiles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The configured SLA pack, {@code policy/sla/<pack>.json}: the promise told at intake, the clocks
 * followup runs, the callback loop's limits and the compensation each level may grant. Read once
 * at start; a missing or inconsistent pack stops the service.
 */
@ApplicationScoped
public class SlaPack {
    /** The clock of the reply time promised to the customer at intake, or later (a new promise replaces it). */
    public static final String PROMISE = "PROMISE";
    /** The clock of a referral's own {@code dueBy}: the final answer owed to the referring body. */
    public static final String REFERRAL = "REFERRAL";

    private final String name;
    private final String checksum;
    private final PromisePolicy promise;
    private final Given promiseClock;
    private final Given referralClock;
    private final List<ClockRule> clocks;
    private final CallbackPolicy callback;
    private final double supervisoryShare;
    private final Map<String, BigDecimal> compensationAuthority;

    @Inject
    public SlaPack(ObjectMapper mapper, FollowupConfig config) {
        this(mapper, config.pack());
    }

    public SlaPack(ObjectMapper mapper, String name) {
        byte[] raw = PolicyFiles.bytes("policy/sla/" + name + ".json");
        File file;
        try {
            file = mapper.readValue(raw, File.class);
        } catch (IOException e) {
            throw new UncheckedIOException("SLA pack " + name + " is unreadable", e);
        }
        if (file.promise() == null || file.referral() == null) {
            throw new IllegalStateException("SLA pack " + name + " needs a promise and a referral clock");
        }
        this.name = name;
        this.checksum = sha256(raw);
        this.promise = new PromisePolicy(name, file.promise().name(), file.promise().hours(),
                file.promise().referralDueByWins() == null || file.promise().referralDueByWins());
        this.promiseClock = new Given(file.promise().name(), file.promise().warnBefore(), file.promise().onDue());
        this.referralClock = file.referral();
        this.clocks = file.clocks() == null ? List.of() : List.copyOf(file.clocks());
        this.callback = file.callback();
        this.supervisoryShare = file.supervisoryCallback() == null ? 0 : file.supervisoryCallback().share();
        this.compensationAuthority = file.compensationAuthority() == null ? Map.of() : Map.copyOf(file.compensationAuthority());
        validate();
    }

    private void validate() {
        Set<String> kinds = new HashSet<>(Set.of(PROMISE, REFERRAL));
        for (ClockRule rule : clocks) {
            String problem = rule.problem();
            if (problem != null) {
                throw new IllegalStateException("SLA pack " + name + ", clock " + rule.kind() + ": " + problem);
            }
            // One kind may have several rules only when they apply to different complaints.
            if (!kinds.add(rule.kind()) && !rule.needsFacts()) {
                throw new IllegalStateException("SLA pack " + name + " has two unconditional clocks " + rule.kind());
            }
        }
        for (Given given : List.of(promiseClock, referralClock)) {
            if (given.name() == null || given.onDue() == null || given.onDue() == OnDue.NOTIFY_PROGRESS) {
                throw new IllegalStateException("SLA pack " + name + ": the promise and referral clocks need a name "
                        + "and onDue RECORD_BREACH or ESCALATE");
            }
        }
        if (callback == null || callback.unreachedAttempts() < 1 || !positive(callback.within())
                || !positive(callback.retryAfter())) {
            throw new IllegalStateException("SLA pack " + name + " needs callback.within (e.g. PT24H), "
                    + "callback.retryAfter (e.g. PT2H) and callback.unreachedAttempts of at least 1");
        }
        if (supervisoryShare < 0 || supervisoryShare > 1) {
            throw new IllegalStateException("SLA pack " + name + ": supervisoryCallback.share must be within 0..1");
        }
    }

    private static boolean positive(Duration d) {
        return d != null && !d.isNegative() && !d.isZero();
    }

    record File(String pack, String description, Promise promise, Given referral, List<ClockRule> clocks,
                CallbackPolicy callback, Supervisory supervisoryCallback, Map<String, BigDecimal> compensationAuthority) {
    }

    /**
     * Callbacks (回访): due {@code within} the reply (e.g. PT24H), an unreached customer called again
     * {@code retryAfter}, and after how many unreached calls the complaint closes as unreachable.
     */
    public record CallbackPolicy(Duration within, Duration retryAfter, int unreachedAttempts) {
    }

    record Promise(String name, int hours, Boolean referralDueByWins, Duration warnBefore, OnDue onDue) {
    }

    record Supervisory(double share) {
    }

    /** A clock whose due time comes from outside (the promise, the referral's dueBy): its name, warning and breach. */
    public record Given(String name, Duration warnBefore, OnDue onDue) {
    }

    public String name() {
        return name;
    }

    /** Changes whenever the file does: followup republishes the pack when it changed. */
    public String checksum() {
        return checksum;
    }

    public PromisePolicy promise() {
        return promise;
    }

    public Given promiseClock() {
        return promiseClock;
    }

    public Given referralClock() {
        return referralClock;
    }

    /** The pack's computed clocks, in file order. */
    public List<ClockRule> clocks() {
        return clocks;
    }

    public CallbackPolicy callback() {
        return callback;
    }

    /** The share (0..1) of closed complaints a supervisor calls back (L3) once more. */
    public double supervisoryShare() {
        return supervisoryShare;
    }

    /** The most compensation, in CNY, each level (L1, L2, L3) may grant; above L3 it goes to leadership. */
    public Map<String, BigDecimal> compensationAuthority() {
        return compensationAuthority;
    }

    private static String sha256(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
