package io.tousu.routing.classification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.List;

/** The classifier's candidates as a JSON text column (null when it was not asked). */
@Converter
public class CandidatesColumn implements AttributeConverter<List<ComplaintClassifier.Candidate>, String> {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public String convertToDatabaseColumn(List<ComplaintClassifier.Candidate> value) {
        try {
            return value == null || value.isEmpty() ? null : MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("category candidates cannot be written", e);
        }
    }

    @Override
    public List<ComplaintClassifier.Candidate> convertToEntityAttribute(String json) {
        try {
            return json == null ? List.of() : MAPPER.readValue(json, new TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("category candidates are unreadable", e);
        }
    }
}
