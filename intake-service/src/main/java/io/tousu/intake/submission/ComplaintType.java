package io.tousu.intake.submission;

public enum ComplaintType {
    COMPLAINT, FAULT, INQUIRY, SUGGESTION, PRAISE, REPORT
}
