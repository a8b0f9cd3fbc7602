package io.tousu.platform.policy;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Policy files (taxonomy, departments, rules, keywords, wording, SLA packs, referral sources),
 * read from the classpath. A missing or broken file stops the service at start, not at the
 * first complaint.
 */
public final class PolicyFiles {
    private PolicyFiles() {
    }

    public static <T> T read(ObjectMapper mapper, String resource, Class<T> type) {
        try {
            return mapper.readValue(bytes(resource), type);
        } catch (IOException e) {
            throw new UncheckedIOException("policy file " + resource + " is unreadable", e);
        }
    }

    /** The file as it is, for a checksum of what is in force. */
    public static byte[] bytes(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("policy file " + resource + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("policy file " + resource + " is unreadable", e);
        }
    }
}
