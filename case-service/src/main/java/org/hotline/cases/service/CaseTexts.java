package org.hotline.cases.service;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

import org.hotline.cases.CaseTextKey;
import org.hotline.cases.crypto.CaseTextMasterKeys;
import org.hotline.cases.repository.CaseTextKeyRepository;
import org.hotline.sealing.Aead;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Officers' free text, sealed at rest: AES-256-GCM under a data key of its case
 * ({@link CaseTextKey}, made with the case's first text), each value bound to its field, its case
 * and the case version it was written at, so a sealed value copied onto another row does not open.
 * When the caller is erased the case's key is destroyed ({@code CaseErasures}): its texts then read
 * as erased, and text given for the case afterwards is not kept.
 */
@ApplicationScoped
public class CaseTexts {

    /** Where a text belongs; its name is part of what the sealed value is bound to. */
    public enum Field {
        TRANSITION_REASON("case_transition.reason"),
        CARE_NOTE("care_record.note");

        private final String boundName;

        Field(String boundName) {
            this.boundName = boundName;
        }
    }

    /** A text as read: its words, or none; {@code erased} when there were words and they were erased. */
    public record Text(String value, boolean erased) {

        public static final Text NONE = new Text(null, false);
        public static final Text ERASED = new Text(null, true);
    }

    private final CaseTextKeyRepository keys;
    private final CaseTextMasterKeys masterKeys;
    private final Clock clock;

    public CaseTexts(CaseTextKeyRepository keys, CaseTextMasterKeys masterKeys, Clock clock) {
        this.keys = keys;
        this.masterKeys = masterKeys;
        this.clock = clock;
    }

    /**
     * Seals a text of a case, making the case's key if it has none yet.
     *
     * @return the sealed value; null when there is no text, or when the case's text was erased (then
     *         the text is not kept)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public byte[] seal(UUID caseId, Field field, long caseVersion, String text) {
        if (text == null) {
            return null;
        }
        CaseTextKey key = keys.ofCase(caseId).orElseGet(() -> newKey(caseId));
        if (key.isErased()) {
            return null;
        }
        return Aead.seal(unwrap(key), boundTo(field, caseId, caseVersion), text.getBytes(StandardCharsets.UTF_8));
    }

    /** Opens the texts of one case, unwrapping its key once. */
    public Opener openerFor(UUID caseId) {
        Optional<SecretKey> key = keys.ofCase(caseId).filter(found -> !found.isErased()).map(this::unwrap);
        return (field, caseVersion, sealed) -> {
            if (sealed == null) {
                return Text.NONE;
            }
            if (key.isEmpty()) {
                return Text.ERASED;
            }
            try {
                return new Text(new String(Aead.open(key.get(), boundTo(field, caseId, caseVersion), sealed),
                        StandardCharsets.UTF_8), false);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("a sealed " + field.boundName + " of case " + caseId
                        + " does not open: it was not sealed for this row", e);
            }
        };
    }

    /** The texts of one case, with its key unwrapped. */
    @FunctionalInterface
    public interface Opener {
        Text open(Field field, long caseVersion, byte[] sealed);
    }

    private CaseTextKey newKey(UUID caseId) {
        CaseTextKey key = new CaseTextKey();
        key.id = UUID.randomUUID();
        key.caseId = caseId;
        key.wrappedKey = masterKeys.wrap(freshDataKey(), bytes(key.id));
        key.masterKeyVersion = masterKeys.activeVersion();
        key.createdAt = clock.instant();
        keys.persist(key);
        return key;
    }

    private SecretKey unwrap(CaseTextKey key) {
        return masterKeys.unwrap(key.wrappedKey, bytes(key.id), key.masterKeyVersion);
    }

    private static SecretKey freshDataKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            return generator.generateKey();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("AES unavailable", e);
        }
    }

    private static byte[] boundTo(Field field, UUID caseId, long caseVersion) {
        return (field.boundName + "|" + caseId + "|" + caseVersion).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
    }
}
