package io.tousu.routing.workorder;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** A department's answer to a work order: what it found, did and owes the customer. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record WorkOrderResult(String outcome, String resolution, String rootCause, String responsibleParty,
                              Compensation compensation, String handledBy) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Compensation(String kind, String amount) {
    }
}
