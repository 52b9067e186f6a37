package org.hotline.intake.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CallerKeysTest {

    private final CallerKeys keys = new CallerKeys(() -> "a-test-secret-that-is-long-enough-for-hmac");

    @Test
    void spellingsOfOnePhoneNumberShareAKey() {
        assertThat(keys.keyOf(" +7 (912) 345-67-89 ")).isEqualTo(keys.keyOf("+79123456789"))
                .isEqualTo(keys.keyOf("+7.912.345.67.89"));
    }

    @Test
    void handlesIgnoreCaseAndSurroundingSpaceButKeepTheirPunctuation() {
        assertThat(keys.keyOf(" @Ivan_Petrov ")).isEqualTo(keys.keyOf("@ivan_petrov"));
        assertThat(keys.keyOf("@ivan.petrov")).isNotEqualTo(keys.keyOf("@ivanpetrov"));
    }

    @Test
    void differentCallersGetDifferentKeys() {
        assertThat(keys.keyOf("+79123456789")).isNotEqualTo(keys.keyOf("+79123456788"));
    }

    @Test
    void theKeyIsAnHmacNotTheIdentifier() {
        assertThat(keys.keyOf("+79123456789")).matches("[0-9a-f]{64}").doesNotContain("9123456789");
        assertThat(new CallerKeys(() -> "another-test-secret-that-is-long-enough").keyOf("+79123456789"))
                .isNotEqualTo(keys.keyOf("+79123456789"));
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> new CallerKeys(() -> "too-short")).isInstanceOf(IllegalStateException.class);
    }
}
