package io.tousu.routing.api;

import io.tousu.routing.taxonomy.Category;
import io.tousu.routing.taxonomy.Department;
import io.tousu.routing.taxonomy.Taxonomy;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class TaxonomyResource {
    private final Taxonomy taxonomy;

    public TaxonomyResource(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    @GET
    @Path("/taxonomy")
    @Operation(summary = "The categories of the configured pack, each with its department")
    public List<Category> taxonomy() {
        return taxonomy.pack().categories();
    }

    @GET
    @Path("/departments")
    @Operation(summary = "The departments and the topic each one's work orders go to")
    public List<Department> departments() {
        return taxonomy.departments();
    }
}
