package io.tousu.routing.escalation;

/**
 * 逐级上升: L1 front line → L2 department → L3 department / customer-service manager → L4
 * company leadership. Plain rules on levels; {@link Escalations} applies them.
 */
public final class EscalationLadder {
    public static final int FRONT_LINE = 1;
    public static final int DEPARTMENT = 2;
    public static final int MANAGER = 3;
    public static final int LEADERSHIP = 4;

    private EscalationLadder() {
    }

    /** A requested escalation: at least one level up, or the requested level if higher; never above L4. */
    public static int requested(int current, Integer requestedLevel) {
        int target = Math.max(current + 1, requestedLevel == null ? 0 : requestedLevel);
        return Math.min(target, LEADERSHIP);
    }

    /**
     * A reopened complaint (the customer is not satisfied) goes back to the department that
     * handled it, at department level; from the second reopen on, to the manager (经理审查).
     */
    public static int afterReopen(int current, int reopenCount) {
        int floor = reopenCount >= 2 ? MANAGER : DEPARTMENT;
        return Math.min(Math.max(current, floor), LEADERSHIP);
    }

    /** Reads {@code 3} or {@code "L3"}; null when absent or unreadable. */
    public static Integer parse(String level) {
        if (level == null) {
            return null;
        }
        String digits = level.startsWith("L") || level.startsWith("l") ? level.substring(1) : level;
        try {
            int value = Integer.parseInt(digits.trim());
            return value >= FRONT_LINE && value <= LEADERSHIP ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
