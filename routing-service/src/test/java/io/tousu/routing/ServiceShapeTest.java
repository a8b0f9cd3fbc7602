package io.tousu.routing;

import io.tousu.local.ServiceShape;
import org.junit.jupiter.api.Test;

class ServiceShapeTest {
    @Test
    void packagesFollowTheServiceShapeWithoutLoops() {
        ServiceShape.assertFollowedBy("io.tousu.routing");
    }
}
