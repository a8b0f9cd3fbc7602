package io.tousu.platform.policy;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;

/**
 * The referral sources of {@code policy/referral-sources.json}, the one list that intake
 * validates submissions against and routing validates its rules against.
 */
public final class ReferralSources {
    private static final List<String> CODES = PolicyFiles.read(new ObjectMapper(), "policy/referral-sources.json",
            File.class).sources().stream().map(Source::code).toList();

    private ReferralSources() {
    }

    record File(String description, List<Source> sources) {
    }

    record Source(String code, String name) {
    }

    /** The codes, in the file's order. */
    public static List<String> codes() {
        return CODES;
    }
}
