package io.tousu.followup.sla;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tousu.followup.config.FollowupConfig;
import io.tousu.followup.events.PromisePolicy;
import io.tousu.platform.policy.PolicyFiles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The configured SLA pack, {@code policy/sla/<pack>.json}: the promise told at intake and the
 * clocks followup runs. Read once at start; a missing or inconsistent pack stops the service.
 */
@ApplicationScoped
public class SlaPack {
    private final String name;
    private final String checksum;
    private final PromisePolicy promise;
    private final ClockPolicy reply;
    private final CallbackPolicy callback;
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
        if (file.promise() == null) {
            throw new IllegalStateException("SLA pack " + name + " has no promise");
        }
        this.name = name;
        this.checksum = sha256(raw);
        this.promise = new PromisePolicy(name, file.promise().name(), file.promise().hours(),
                file.promise().referralDueByWins() == null || file.promise().referralDueByWins());
        this.reply = file.clocks() == null ? null : file.clocks().stream()
                .filter(c -> ClockKind.REPLY.name().equals(c.kind())).findFirst().orElse(null);
        this.callback = file.callback();
        this.compensationAuthority = file.compensationAuthority() == null ? Map.of() : Map.copyOf(file.compensationAuthority());
        if (callback == null || callback.unreachedAttempts() < 1 || callback.within() == null
                || callback.within().isNegative() || callback.within().isZero()) {
            throw new IllegalStateException("SLA pack " + name
                    + " needs callback.within (e.g. PT24H) and callback.unreachedAttempts of at least 1");
        }
        if (reply == null || !"WORKING_DAYS".equals(reply.unit()) || !"NEXT_DAY".equals(reply.start())
                || reply.amount() < 1) {
            throw new IllegalStateException("SLA pack " + name
                    + " needs a REPLY clock of at least 1 WORKING_DAYS counted from the NEXT_DAY");
        }
    }

    record File(String pack, String description, Promise promise, List<ClockPolicy> clocks, CallbackPolicy callback,
                Map<String, BigDecimal> compensationAuthority) {
    }

    /**
     * Callbacks (回访): due {@code within} the reply (e.g. PT24H), and how many unreached calls
     * close a complaint as unreachable.
     */
    public record CallbackPolicy(Duration within, int unreachedAttempts) {
    }

    record Promise(String name, int hours, Boolean referralDueByWins) {
    }

    /** One clock of the pack: its name, how long in which unit, and when it starts counting. */
    public record ClockPolicy(String kind, String name, String unit, int amount, String start) {
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

    public ClockPolicy reply() {
        return reply;
    }

    public CallbackPolicy callback() {
        return callback;
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
