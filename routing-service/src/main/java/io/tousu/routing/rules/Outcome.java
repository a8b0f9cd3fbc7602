package io.tousu.routing.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tousu.routing.workorder.Priority;

/**
 * What a matching rule decides. A missing department means the department of the complaint's
 * category; a priority is a floor that priority assessment may raise; the escalation level
 * defaults to L1.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Outcome(String department, Priority priority, Integer escalationLevel) {
}
