package io.tousu.routing.api;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;

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
        String own = ownDepartment().orElseThrow();
        if (own.isEmpty() || !own.equals(department)) {
            throw new ForbiddenException("department " + own + " may not see work of " + department);
        }
    }

    /** The caller's department when its view is narrowed to it; empty for a supervisor, who sees all. */
    public Optional<String> ownDepartment() {
        if (identity.hasRole(SUPERVISOR)) {
            return Optional.empty();
        }
        Object claim = token.getClaim("dept");
        // A department token without its claim sees nothing rather than everything.
        return Optional.of(claim == null ? "" : claim.toString().replace("\"", ""));
    }
}
