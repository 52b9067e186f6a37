package org.hotline.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class MasterKeyRingTest {

    private static final byte[] ROW = "row-1".getBytes(StandardCharsets.UTF_8);

    @Test
    void aSealedValueOpensOnlyWithItsKeyAndWhereItBelongs() throws GeneralSecurityException {
        SecretKey key = new SecretKeySpec(randomBytes(), "AES");
        byte[] sealed = Aead.seal(key, ROW, "words".getBytes(StandardCharsets.UTF_8));

        assertThat(new String(Aead.open(key, ROW, sealed), StandardCharsets.UTF_8)).isEqualTo("words");
        assertThatThrownBy(() -> Aead.open(key, "row-2".getBytes(StandardCharsets.UTF_8), sealed))
                .isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> Aead.open(new SecretKeySpec(randomBytes(), "AES"), ROW, sealed))
                .isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void aRingWrapsWithItsActiveKeyAndNamesItsOwnSettingsWhenItRefusesAKey() {
        String v1 = Base64.getEncoder().encodeToString(randomBytes());
        SecretKey dataKey = new SecretKeySpec(randomBytes(), "AES");
        byte[] wrapped = new MasterKeyRing("a.master-key", "a.unwrap-only", 1, v1, List.of()).wrap(dataKey, ROW);

        MasterKeyRing next = new MasterKeyRing("a.master-key", "a.unwrap-only", 2,
                Base64.getEncoder().encodeToString(randomBytes()), List.of("1:" + v1));
        assertThat(next.unwrap(wrapped, ROW, 1)).isEqualTo(dataKey);
        assertThat(next.versions()).containsExactly(1, 2);

        assertThatThrownBy(() -> new MasterKeyRing("b.master-key", "b.unwrap-only", 1,
                "replace-me-with-openssl-rand-base64-32", List.of()))
                .hasMessageContaining("b.master-key").hasMessageContaining("published placeholder");
        assertThatThrownBy(() -> new MasterKeyRing("b.master-key", "b.unwrap-only", 1, v1, List.of(v1)))
                .hasMessageContaining("b.unwrap-only").hasMessageNotContaining(v1);
        assertThatThrownBy(() -> next.unwrap(wrapped, ROW, 3)).hasMessageContaining("a.unwrap-only");
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
