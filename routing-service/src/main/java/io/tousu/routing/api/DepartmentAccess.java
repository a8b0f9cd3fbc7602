package io.tousu.routing.api;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** A department token sees and acts on its own department's work only; supervisors see all. */
@RequestScoped
public class DepartmentAccess {
    static final String SUPERVISOR = "supervisor";

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public DepartmentAccess(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public void requireDepartment(String department) {
        if (identity.hasRole(SUPERVISOR)) {
            return;
        }
        Object claim = token.getClaim("dept");
        if (claim == null || !department.equals(claim.toString().replace("\"", ""))) {
            throw new ForbiddenException("department " + claim + " may not see work of " + department);
        }
    }
}
