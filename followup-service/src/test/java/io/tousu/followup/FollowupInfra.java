package io.tousu.followup;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.tousu.local.LocalInfraTestResource;

/** Every test of this module runs against the JVM's real broker and the {@code followup} database. */
@QuarkusTestResource(value = LocalInfraTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "followup"))
public final class FollowupInfra {
    private FollowupInfra() {
    }
}
