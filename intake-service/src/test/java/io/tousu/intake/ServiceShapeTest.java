package io.tousu.intake;

import io.tousu.local.ServiceShape;
import org.junit.jupiter.api.Test;

class ServiceShapeTest {
    @Test
    void packagesFollowTheServiceShapeWithoutLoops() {
        ServiceShape.assertFollowedBy("io.tousu.intake");
    }
}
