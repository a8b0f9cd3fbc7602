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
    REFERRAL_FINAL_ANSWER,
    /** The outage (incident) the complaint was part of is answered: every linked customer is told (紧急事故通知). */
    INCIDENT_RESOLVED;

    /** What the customer is told for this purpose, first time or again after a failed delivery. */
    public String toCustomer(String number) {
        return switch (this) {
            case PROGRESS_NOTICE -> "您反映的问题（编号 " + number + "）正在处理中，我们会尽快给您答复，感谢您的耐心。";
            case INCIDENT_RESOLVED -> "您反映的问题（编号 " + number + "）所涉及的区域故障已处理完毕，如仍有异常请回复或致电我们。";
            case SATISFACTION_SURVEY -> "您反映的问题（编号 " + number + "）已答复，请评价本次处理：回复1满意，2基本满意，3不满意。";
            default -> "请留意您反映问题（编号 " + number + "）的处理进展。";
        };
    }
}
