package org.hotline.intake.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class RequestFingerprintsTest {

    private static final String SECRET = "test-only-caller-key-secret-of-32-characters";
    private static final byte[] FOLLOW_UP = """
            {"channel":"PHONE","purpose":"FOLLOW_UP","caller":{"identifier":"+79123456789"}}"""
            .getBytes(StandardCharsets.UTF_8);

    private final RequestFingerprints fingerprints = new RequestFingerprints(SECRET);

    @Test
    void theSameRequestUnderTheSameKeyAndSubjectHasTheSameFingerprint() {
        assertThat(KeyedRequest.of(fingerprints, "contact", "operator-1", "k", FOLLOW_UP))
                .isEqualTo(KeyedRequest.of(new RequestFingerprints(SECRET), "contact", "operator-1", "k", FOLLOW_UP));
    }

    @Test
    void theFingerprintIsNotAPlainHashOfTheRequestNorOfKeyAndRequest() throws Exception {
        KeyedRequest keyed = KeyedRequest.of(fingerprints, "contact", "operator-1", "k", FOLLOW_UP);

        assertThat(keyed.fingerprint()).matches("[0-9a-f]{64}")
                .isNotEqualTo(sha256(FOLLOW_UP))
                .isNotEqualTo(sha256((keyed.key() + new String(FOLLOW_UP, StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anotherSubjectsSameKeyIsAnotherKeyWithAnotherFingerprint() {
        KeyedRequest first = KeyedRequest.of(fingerprints, "contact", "operator-1", "k", FOLLOW_UP);
        KeyedRequest second = KeyedRequest.of(fingerprints, "contact", "operator-2", "k", FOLLOW_UP);

        assertThat(second.key()).isNotEqualTo(first.key());
        assertThat(second.fingerprint()).isNotEqualTo(first.fingerprint());
    }

    @Test
    void aSubjectHoldingTheSeparatorCannotPassForAnotherSubjectAndKey() {
        KeyedRequest tricky = KeyedRequest.of(fingerprints, "contact", "operator-1:k", "x", FOLLOW_UP);
        KeyedRequest plain = KeyedRequest.of(fingerprints, "contact", "operator-1", "k:x", FOLLOW_UP);

        assertThat(tricky.key()).isNotEqualTo(plain.key());
    }

    @Test
    void anotherSecretGivesAnotherFingerprint() {
        RequestFingerprints other = new RequestFingerprints("test-only-another-secret-of-32-characters!");

        assertThat(KeyedRequest.of(other, "contact", "operator-1", "k", FOLLOW_UP).fingerprint())
                .isNotEqualTo(KeyedRequest.of(fingerprints, "contact", "operator-1", "k", FOLLOW_UP).fingerprint());
    }

    @Test
    void aPartIsFingerprintedUnderItsOwnKey() {
        KeyedRequest batch = KeyedRequest.of(fingerprints, "batch", "operator-1", "k", FOLLOW_UP);

        assertThat(batch.part(1, FOLLOW_UP).key()).isEqualTo(batch.key() + "#1");
        assertThat(batch.part(1, FOLLOW_UP).fingerprint()).isNotEqualTo(batch.part(2, FOLLOW_UP).fingerprint())
                .isEqualTo(fingerprints.of(batch.key() + "#1", FOLLOW_UP));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
