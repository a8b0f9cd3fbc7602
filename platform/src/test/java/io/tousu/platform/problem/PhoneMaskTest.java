package io.tousu.platform.problem;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneMaskTest {
    @Test
    void masksMobileAndLandlineNumbersKeepingWhatIdentifiesTheLine() {
        assertThat(PhoneMask.mask("13800138000")).isEqualTo("138****8000");
        assertThat(PhoneMask.mask("010-12345678")).isEqualTo("010-****5678");
        assertThat(PhoneMask.mask("12")).isEqualTo("****");
        assertThat(PhoneMask.mask(null)).isNull();
    }
}
