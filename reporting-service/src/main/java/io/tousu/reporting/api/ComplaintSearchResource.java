package io.tousu.reporting.api;

import io.quarkus.security.identity.SecurityIdentity;
import io.tousu.reporting.search.ComplaintSearch;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class ComplaintSearchResource {
    private final ComplaintSearch search;
    private final SecurityIdentity identity;

    public ComplaintSearchResource(ComplaintSearch search, SecurityIdentity identity) {
        this.search = search;
        this.identity = identity;
    }

    @GET
    @Path("/complaints")
    @RolesAllowed({"analyst", "supervisor"})
    @Operation(summary = "Search the complaints, newest first; customers masked unless the reader is a supervisor")
    public ComplaintSearch.Page search(@QueryParam("from") String from, @QueryParam("to") String to,
                                       @QueryParam("status") String status, @QueryParam("channel") String channel,
                                       @QueryParam("category") String category,
                                       @QueryParam("department") String department, @QueryParam("area") String area,
                                       @QueryParam("q") String q, @QueryParam("page") @DefaultValue("0") int page,
                                       @QueryParam("size") @DefaultValue("20") int size,
                                       @Context HttpServerRequest request) {
        ComplaintSearch.Reader reader = new ComplaintSearch.Reader(identity.getPrincipal().getName(),
                identity.hasRole("supervisor"), request.remoteAddress() == null ? null : request.remoteAddress().hostAddress(),
                request.uri());
        return search.search(new ComplaintSearch.Criteria(from, to, status, channel, category, department, area, q, page,
                size), reader);
    }

    @GET
    @Path("/audit")
    @RolesAllowed("admin")
    @Operation(summary = "Who viewed customers' data unmasked, when, which complaint, from where; newest first")
    public List<ComplaintSearch.View> audit(@QueryParam("page") @DefaultValue("0") int page,
                                            @QueryParam("size") @DefaultValue("50") int size) {
        return search.audit(page, size);
    }
}
