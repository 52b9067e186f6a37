package org.hotline.intake.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class MasterKeysTest {

    private static final String V1 = randomKey();
    private static final String V2 = randomKey();
    private static final byte[] KEY_ID = "0b1f6c7e-0000-4000-8000-000000000001".getBytes(StandardCharsets.US_ASCII);
    private static final SecretKey DATA_KEY = new SecretKeySpec(new byte[32], "AES");

    @Test
    void aKeyWrappedByVersionOneOpensMidRotationAndAfterReWrappingOpensWithoutIt() {
        byte[] underV1 = new MasterKeys(1, V1, List.of()).wrap(DATA_KEY, KEY_ID);
        MasterKeys midRotation = new MasterKeys(2, V2, List.of("1:" + V1));

        byte[] underV2 = midRotation.wrap(midRotation.unwrap(underV1, KEY_ID, 1), KEY_ID);

        assertThat(midRotation.versions()).containsExactly(1, 2);
        assertThat(new MasterKeys(2, V2, List.of()).unwrap(underV2, KEY_ID, 2)).isEqualTo(DATA_KEY);
    }

    @Test
    void theNextKeyCanBeKnownBeforeItTurnsActive() {
        byte[] underV2 = new MasterKeys(2, V2, List.of()).wrap(DATA_KEY, KEY_ID);

        assertThat(new MasterKeys(1, V1, List.of("# the next key", "2:" + V2, "")).unwrap(underV2, KEY_ID, 2))
                .isEqualTo(DATA_KEY);
    }

    @Test
    void aVersionThatIsNotConfiguredIsNamedWithoutItsKey() {
        byte[] underV1 = new MasterKeys(1, V1, List.of()).wrap(DATA_KEY, KEY_ID);

        assertThatThrownBy(() -> new MasterKeys(2, V2, List.of()).unwrap(underV1, KEY_ID, 1))
                .hasMessageContaining("version 1, which is not configured").hasMessageNotContaining(V1);
    }

    @Test
    void aWrongKeyForAVersionIsRefused() {
        byte[] underV1 = new MasterKeys(1, V1, List.of()).wrap(DATA_KEY, KEY_ID);

        assertThatThrownBy(() -> new MasterKeys(2, V2, List.of("1:" + randomKey())).unwrap(underV1, KEY_ID, 1))
                .hasMessageContaining("does not open with master key version 1");
    }

    @Test
    void shortPublishedMalformedOrRepeatedKeysAreRefusedWithoutEchoingThem() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> new MasterKeys(2, V2, List.of("1:" + shortKey))).hasMessageContaining("32 bytes")
                .hasMessageNotContaining(shortKey);
        assertThatThrownBy(() -> new MasterKeys(2, V2, List.of("1:replace-me-with-openssl-rand-base64-32")))
                .hasMessageContaining("published placeholder");
        assertThatThrownBy(() -> new MasterKeys(2, V2, List.of(V1))).hasMessageContaining("VERSION:BASE64")
                .hasMessageNotContaining(V1);
        assertThatThrownBy(() -> new MasterKeys(2, V2, List.of("2:" + V1))).hasMessageContaining("twice");
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
