package io.tousu.routing.api;

import io.tousu.platform.problem.InvalidInputException;
import io.tousu.routing.complaint.RoutedComplaint;
import io.tousu.routing.dispatch.WorkOrderHandling;
import io.tousu.routing.workorder.WorkOrder;
import io.tousu.routing.workorder.WorkOrderInput;
import io.tousu.routing.workorder.WorkOrderResult;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/work-orders")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"department", "supervisor"})
public class WorkOrderActionsResource {
    private final WorkOrderHandling handling;
    private final DepartmentAccess access;

    public WorkOrderActionsResource(WorkOrderHandling handling, DepartmentAccess access) {
        this.handling = handling;
        this.access = access;
    }

    @GET
    @RolesAllowed("supervisor")
    @Transactional
    @Operation(summary = "The work orders of a complaint, its incident's included, oldest first")
    public List<WorkOrderView> ofComplaint(@QueryParam("complaintId") String complaintId) {
        UUID id = uuid("complaintId", complaintId);
        UUID incident = RoutedComplaint.<RoutedComplaint>findByIdOptional(id).map(c -> c.incidentId).orElse(null);
        return WorkOrder.ofComplaint(id, incident).stream().map(WorkOrderView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Transactional
    @Operation(summary = "One work order")
    public WorkOrderView get(@PathParam("id") UUID id) {
        WorkOrder order = WorkOrder.<WorkOrder>findByIdOptional(id)
                .orElseThrow(() -> new NotFoundException("No work order " + id));
        access.requireDepartment(order.department);
        return WorkOrderView.of(order);
    }

    @POST
    @Path("/{id}/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign for an OPEN work order (签收); 409 in any other state")
    public WorkOrderView accept(@PathParam("id") UUID id, WorkOrderInput.Acceptance body) {
        return WorkOrderView.of(handling.accept(id, WorkOrderInput.handler(body), this::guard));
    }

    @POST
    @Path("/{id}/result")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer an ACCEPTED work order: outcome, resolution, root cause, compensation; 409 otherwise",
            description = "An incident's answer reaches every complaint linked to the incident.")
    public WorkOrderView result(@PathParam("id") UUID id, WorkOrderResult body) {
        return WorkOrderView.of(handling.submitResult(id, WorkOrderInput.result(body), this::guard));
    }

    @POST
    @Path("/{id}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Return a misrouted work order (退单) with a reason; the complaint is routed again, "
            + "never to a department that returned it. 409 unless OPEN or ACCEPTED")
    public WorkOrderView returnOrder(@PathParam("id") UUID id, WorkOrderInput.Return body) {
        return WorkOrderView.of(handling.returnOrder(id, WorkOrderInput.reason(body), this::guard));
    }

    private void guard(WorkOrder order) {
        access.requireDepartment(order.department);
    }

    private static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException(field, "must be a complaint id (UUID)");
        }
    }
}
