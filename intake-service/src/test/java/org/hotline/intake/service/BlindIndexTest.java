package org.hotline.intake.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BlindIndexTest {

    private final BlindIndex keys = keys("a-test-secret-that-is-long-enough-for-hmac", 1);

    @Test
    void spellingsOfOnePhoneNumberShareAnIndex() {
        assertThat(keys.of(" +7 (912) 345-67-89 ")).isEqualTo(keys.of("+79123456789"))
                .isEqualTo(keys.of("+7.912.345.67.89"));
    }

    @Test
    void handlesIgnoreCaseAndSurroundingSpaceButKeepTheirPunctuation() {
        assertThat(keys.of(" @Ivan_Petrov ")).isEqualTo(keys.of("@ivan_petrov"));
        assertThat(keys.of("@ivan.petrov")).isNotEqualTo(keys.of("@ivanpetrov"));
    }

    @Test
    void differentCallersGetDifferentIndexes() {
        assertThat(keys.of("+79123456789")).isNotEqualTo(keys.of("+79123456788"));
    }

    @Test
    void theIndexIsAnHmacNotTheIdentifier() {
        assertThat(keys.of("+79123456789")).matches("b1-[0-9a-f]{64}").doesNotContain("9123456789");
        assertThat(keys("another-test-secret-that-is-long-enough", 1).of("+79123456789"))
                .isNotEqualTo(keys.of("+79123456789"));
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> keys("too-short", 1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theThreeSpellingsOfOneRussianMobileShareAnIndex() {
        assertThat(keys.of("+7 912 345-67-89")).isEqualTo(keys.of("79123456789"))
                .isEqualTo(keys.of("8 912 345 67 89"));
    }

    @Test
    void theIndexNamesTheVersionOfTheSecretThatMadeIt() {
        assertThat(keys("a-rotated-test-secret-that-is-long-enough", 2).of("+79123456789"))
                .startsWith("b2-").hasSize(3 + 64);
    }

    private static BlindIndex keys(String secret, int version) {
        return new BlindIndex(secret, version, new CallerIdentifiers("RU"));
    }
}
