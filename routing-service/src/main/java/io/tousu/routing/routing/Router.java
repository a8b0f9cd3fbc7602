package io.tousu.routing.routing;

import io.tousu.routing.complaint.ReceivedComplaint;
import io.tousu.routing.taxonomy.TaxonomyPack;
import io.tousu.routing.workorder.Priority;

/**
 * Decides the department of a complaint. The walking skeleton's one rule: the department of
 * its category in the taxonomy pack, or the pack's default (triage) department.
 */
public final class Router {
    static final String CATEGORY_RULE = "category-department";
    static final int CATEGORY_RULE_VERSION = 1;
    /** L1: the front-line handling level of a first dispatch. */
    static final int FIRST_LEVEL = 1;

    private final TaxonomyPack pack;

    public Router(TaxonomyPack pack) {
        this.pack = pack;
    }

    public RoutingDecision route(ReceivedComplaint complaint) {
        return new RoutingDecision(pack.departmentFor(complaint.category()), Priority.NORMAL, FIRST_LEVEL,
                CATEGORY_RULE, CATEGORY_RULE_VERSION);
    }
}
