package io.tousu.intake.submission;

/** Where a complaint came in. */
public enum Channel {
    HOTLINE, APP, COUNTER, EMAIL, MEDIA, REGULATOR;

    /** Media and regulator cases arrive as referrals with their own reference and due date. */
    public boolean requiresReferral() {
        return this == MEDIA || this == REGULATOR;
    }

    /** At the hotline and the counter an agent takes the complaint and owns it (首问负责制). */
    public boolean requiresFirstResponder() {
        return this == HOTLINE || this == COUNTER;
    }
}
