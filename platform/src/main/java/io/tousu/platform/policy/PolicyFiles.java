package io.tousu.platform.policy;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Routing's policy files (taxonomy, departments, rules, keywords, wording), read from the classpath. */
public final class PolicyFiles {
    private PolicyFiles() {
    }

    /** Reads one; a missing or broken file stops the service at start, not at the first complaint. */
    public static <T> T read(ObjectMapper mapper, String resource, Class<T> type) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("policy file " + resource + " is missing");
            }
            return mapper.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("policy file " + resource + " is unreadable", e);
        }
    }
}
