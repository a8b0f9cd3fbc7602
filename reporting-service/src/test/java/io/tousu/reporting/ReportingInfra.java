package io.tousu.reporting;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.tousu.local.LocalInfraTestResource;

/** Every test of this module runs against the JVM's real broker and the {@code reporting} database. */
@QuarkusTestResource(value = LocalInfraTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "reporting"))
public final class ReportingInfra {
    private ReportingInfra() {
    }
}
