package io.tousu.followup.timer;

/** What a due timer does when it comes due. */
public enum TimerAction {
    /** A clock's warning point: its owner is told. Subject: the clock's kind. */
    WARN,
    /** A clock's due time: the progress notice, or the breach. Subject: the clock's kind. */
    DUE,
    /** A callback is due (after a reply, or again after an unreached call). Subject: the round. */
    CALLBACK
}
