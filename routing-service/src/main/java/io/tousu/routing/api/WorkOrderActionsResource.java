package io.tousu.routing.api;

import io.tousu.platform.problem.InvalidInputException;
import io.tousu.routing.complaint.RoutedComplaint;
import io.tousu.routing.dispatch.WorkOrderCoordination;
import io.tousu.routing.dispatch.WorkOrderHandling;
import io.tousu.routing.taxonomy.Taxonomy;
import io.tousu.routing.workorder.WorkOrder;
import io.tousu.routing.workorder.WorkOrderInput;
import io.tousu.routing.workorder.WorkOrderResult;
import io.quarkus.security.identity.SecurityIdentity;
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
    private final WorkOrderCoordination coordination;
    private final DepartmentAccess access;
    private final Taxonomy taxonomy;
    private final SecurityIdentity identity;

    public WorkOrderActionsResource(WorkOrderHandling handling, WorkOrderCoordination coordination,
                                    DepartmentAccess access, Taxonomy taxonomy, SecurityIdentity identity) {
        this.handling = handling;
        this.coordination = coordination;
        this.access = access;
        this.taxonomy = taxonomy;
        this.identity = identity;
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

    @POST
    @Path("/{id}/urge")
    @RolesAllowed("supervisor")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Urge the department on an active order (督办) with a reason and optionally a time to act by; "
            + "its priority rises to at least HIGH and it is sent to the department again. 409 unless active")
    public WorkOrderView urge(@PathParam("id") UUID id, WorkOrderInput.Urge body) {
        return WorkOrderView.of(coordination.urge(id, WorkOrderInput.urge(body), identity.getPrincipal().getName()));
    }

    @POST
    @Path("/{id}/co-handling")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ask another department to help (协办): a helping order goes to it, and this order cannot be "
            + "answered until the help is given. Answers the helping order. 409 unless active")
    public WorkOrderView coHandle(@PathParam("id") UUID id, WorkOrderInput.ToDepartment body) {
        return WorkOrderView.of(coordination.coHandle(id, WorkOrderInput.toDepartment(body, taxonomy::isDepartment),
                this::guard));
    }

    @POST
    @Path("/{id}/transfer")
    @RolesAllowed("supervisor")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send the complaint to another department directly (转派), not as a return: this order closes as "
            + "TRANSFERRED and a new one, at the same level, goes there. Answers the new order. 409 unless active")
    public WorkOrderView transfer(@PathParam("id") UUID id, WorkOrderInput.ToDepartment body) {
        return WorkOrderView.of(coordination.transfer(id, WorkOrderInput.toDepartment(body, taxonomy::isDepartment)));
    }

    @POST
    @Path("/{id}/suspend")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Suspend the order (挂起) while the department waits (a site visit, the customer); the "
            + "complaint's working-day clocks stand still until it is resumed. 409 unless OPEN or ACCEPTED")
    public WorkOrderView suspend(@PathParam("id") UUID id, WorkOrderInput.Suspension body) {
        return WorkOrderView.of(coordination.suspend(id, WorkOrderInput.suspension(body), this::guard));
    }

    @POST
    @Path("/{id}/resume")
    @Operation(summary = "Resume a suspended order, back to the state it was suspended in. 409 unless SUSPENDED")
    public WorkOrderView resume(@PathParam("id") UUID id) {
        return WorkOrderView.of(coordination.resume(id, this::guard));
    }

    @POST
    @Path("/{id}/merge")
    @RolesAllowed("supervisor")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Merge complaints about one matter into this order (并单): their active orders close as MERGED, "
            + "this order's answer is published for each of them (each still replied to and called back). "
            + "404 for a complaint routing has no record of; 409 if one has no open order or is this order's own")
    public MergeView merge(@PathParam("id") UUID id, WorkOrderInput.Merge body) {
        return new MergeView(id, coordination.merge(id, WorkOrderInput.merge(body)));
    }

    /** The order that handles the matter now, and the complaints merged into it by this request. */
    public record MergeView(UUID workOrderId, List<UUID> merged) {
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
