package io.tousu.followup.notification;

/** Why a task goes out on {@code notifications.outbound}. */
public enum Purpose {
    /** Not resolved 24 hours after receipt: the customer is told how it stands. */
    PROGRESS_NOTICE,
    /** A clock reached its warning point: its owner must act before it runs out. */
    CLOCK_WARNING,
    /** The promise told to the customer is about to be missed: the owner contacts the customer first. */
    PROMISE_AT_RISK,
    /** A callback (回访) is due, or due again after the customer was not reached. */
    CALLBACK_DUE,
    /** The customer's satisfaction asked by SMS after the reply (1 满意 / 2 基本满意 / 3 不满意). */
    SATISFACTION_SURVEY,
    /** The final answer owed to the body that referred the complaint (办结回复). */
    REFERRAL_FINAL_ANSWER
}
