package io.tousu.intake.complaint;

public enum ComplaintType {
    COMPLAINT, FAULT, INQUIRY, SUGGESTION, PRAISE, REPORT
}
