package io.tousu.followup.escalation;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How much compensation each escalation level may grant (as the SLA pack gives it, e.g. L1 50
 * CNY, L2 500, L3 5,000): a department's result above its level's authority must be approved higher.
 */
public final class CompensationAuthority {
    /** Above every listed level: the company's leadership. */
    static final int LEADERSHIP = 4;

    private final TreeMap<Integer, BigDecimal> limits = new TreeMap<>();

    public CompensationAuthority(Map<String, BigDecimal> byLevel) {
        byLevel.forEach((level, limit) -> {
            if (!level.matches("L[1-3]") || limit == null || limit.signum() < 0) {
                throw new IllegalStateException("compensation authority needs L1-L3 with limits of 0 or more, got "
                        + level + "=" + limit);
            }
            limits.put(Integer.parseInt(level.substring(1)), limit);
        });
    }

    /**
     * The level that must approve {@code amount} when it was granted at {@code level}: empty if
     * that level may grant it, else the lowest level whose limit covers it (leadership above all).
     */
    public Optional<Integer> approverFor(BigDecimal amount, int level) {
        if (limits.isEmpty() || amount == null || amount.signum() <= 0 || withinLimit(amount, level)) {
            return Optional.empty();
        }
        for (Map.Entry<Integer, BigDecimal> limit : limits.tailMap(level, false).entrySet()) {
            if (amount.compareTo(limit.getValue()) <= 0) {
                return Optional.of(limit.getKey());
            }
        }
        return Optional.of(LEADERSHIP);
    }

    private boolean withinLimit(BigDecimal amount, int level) {
        if (level >= LEADERSHIP) {
            return true;
        }
        BigDecimal limit = limits.get(level);
        return limit != null && amount.compareTo(limit) <= 0;
    }

    public Optional<BigDecimal> limitOf(int level) {
        return Optional.ofNullable(limits.get(level));
    }
}
