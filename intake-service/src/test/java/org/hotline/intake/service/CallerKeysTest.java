package org.hotline.intake.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CallerKeysTest {

    private final CallerKeys keys = keys("a-test-secret-that-is-long-enough-for-hmac", 1);

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
        assertThat(keys.keyOf("+79123456789")).matches("k1-[0-9a-f]{64}").doesNotContain("9123456789");
        assertThat(keys("another-test-secret-that-is-long-enough", 1).keyOf("+79123456789"))
                .isNotEqualTo(keys.keyOf("+79123456789"));
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> keys("too-short", 1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theThreeSpellingsOfOneRussianMobileShareAKey() {
        assertThat(keys.keyOf("+7 912 345-67-89")).isEqualTo(keys.keyOf("79123456789"))
                .isEqualTo(keys.keyOf("8 912 345 67 89"));
    }

    @Test
    void theKeyNamesTheVersionOfTheSecretThatMadeIt() {
        assertThat(keys("a-rotated-test-secret-that-is-long-enough", 2).keyOf("+79123456789"))
                .startsWith("k2-").hasSize(3 + 64);
    }

    private static CallerKeys keys(String secret, int version) {
        return new CallerKeys(secret, version, new CallerIdentifiers("RU"));
    }
}
