package io.tousu.routing.workorder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;

import java.util.List;

/** JSON text columns of a work order, read and written with a plain mapper (no Jackson modules needed). */
final class JsonColumns {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonColumns() {
    }

    static final class StringList implements AttributeConverter<List<String>, String> {
        @Override
        public String convertToDatabaseColumn(List<String> value) {
            return write(value == null ? List.of() : value);
        }

        @Override
        public List<String> convertToEntityAttribute(String json) {
            return read(json, new TypeReference<>() {
            });
        }
    }

    static final class Result implements AttributeConverter<WorkOrderResult, String> {
        @Override
        public String convertToDatabaseColumn(WorkOrderResult value) {
            return value == null ? null : write(value);
        }

        @Override
        public WorkOrderResult convertToEntityAttribute(String json) {
            return json == null ? null : read(json, new TypeReference<>() {
            });
        }
    }

    private static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("work order column cannot be written", e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("work order column is unreadable", e);
        }
    }
}
