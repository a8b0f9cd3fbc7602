package io.tousu.routing.api;

import io.tousu.platform.problem.InvalidInputException;
import io.tousu.routing.taxonomy.Taxonomy;
import io.tousu.routing.workorder.WorkOrder;
import io.tousu.routing.workorder.WorkOrderStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.Arrays;
import java.util.List;

@Path("/api/v1/departments/{dept}/work-orders")
@Produces(MediaType.APPLICATION_JSON)
public class WorkOrderResource {
    private final Taxonomy taxonomy;
    private final DepartmentAccess access;

    public WorkOrderResource(Taxonomy taxonomy, DepartmentAccess access) {
        this.taxonomy = taxonomy;
        this.access = access;
    }

    @GET
    @RolesAllowed({"department", "supervisor"})
    @Operation(summary = "A department's work queue, oldest first")
    public List<WorkOrderView> list(@PathParam("dept") String dept, @QueryParam("status") String status) {
        if (!taxonomy.isDepartment(dept)) {
            throw new NotFoundException("No department " + dept);
        }
        access.requireDepartment(dept);
        return WorkOrder.ofDepartment(dept, parse(status)).stream().map(WorkOrderView::of).toList();
    }

    private static WorkOrderStatus parse(String status) {
        if (status == null) {
            return null;
        }
        try {
            return WorkOrderStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("status", "must be one of " + Arrays.toString(WorkOrderStatus.values()));
        }
    }
}
