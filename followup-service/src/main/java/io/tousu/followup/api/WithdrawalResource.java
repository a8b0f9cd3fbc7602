package io.tousu.followup.api;

import io.tousu.followup.complaint.Withdrawals;
import io.tousu.platform.problem.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.UUID;

@Path("/api/v1/complaints/{id}/withdrawal")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WithdrawalResource {
    private final Withdrawals withdrawals;

    public WithdrawalResource(Withdrawals withdrawals) {
        this.withdrawals = withdrawals;
    }

    @POST
    @RolesAllowed({"agent", "supervisor"})
    @Operation(summary = "The customer withdraws the complaint (撤诉): closed as WITHDRAWN, routing cancels its open orders")
    public Withdrawals.Withdrawn withdraw(@PathParam("id") UUID id, Withdrawals.Withdrawal withdrawal) {
        if (withdrawal == null) {
            throw new InvalidInputException("body", "must be the withdrawal");
        }
        return withdrawals.withdraw(id, withdrawal);
    }
}
