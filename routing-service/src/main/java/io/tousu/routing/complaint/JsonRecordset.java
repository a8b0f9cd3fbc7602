package io.tousu.routing.complaint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Collection;

/**
 * The parameter of a {@code jsonb_to_recordset(CAST(?1 AS jsonb))} query: a batch's lookup keys
 * as one JSON array of records, so that one statement looks up every key of the batch.
 */
public final class JsonRecordset {
    private JsonRecordset() {
    }

    /** Written straight to text: a batch has thousands of keys, and a tree in between doubled the cost. */
    public static String of(ObjectMapper mapper, Collection<? extends Record> rows) {
        try {
            return mapper.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("query keys cannot be written as JSON", e);
        }
    }
}
