package org.hotline.intake.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

import org.hotline.intake.CallerDataKey;
import org.hotline.intake.PersonalData;
import org.hotline.intake.crypto.Aead;
import org.hotline.intake.crypto.MasterKeys;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

/**
 * Seals and opens personal data with the caller's own data key, and erases a caller by
 * destroying that key. A sealed value is {@code 1 | data key id (16 bytes) | nonce | ciphertext},
 * bound to its contact id, so it opens only on the row it was written for.
 */
@ApplicationScoped
public class PersonalDataVault {

    private static final byte FORMAT = 1;
    private static final int HEADER_BYTES = 1 + 16;

    private final MasterKeys masterKeys;
    private final ObjectMapper json;
    private final EntityManager entities;
    private final Clock clock;

    public PersonalDataVault(MasterKeys masterKeys, ObjectMapper json, EntityManager entities, Clock clock) {
        this.masterKeys = masterKeys;
        this.json = json;
        this.entities = entities;
        this.clock = clock;
    }

    /** Inside the caller's transaction; the caller's data key is made on his first contact. */
    public byte[] seal(String callerKey, UUID contactId, PersonalData data) {
        CallerDataKey live = liveKeyOf(callerKey);
        SecretKey key = masterKeys.unwrap(live.wrappedKey, bytes(live.id), live.masterKeyVersion);
        byte[] sealed = Aead.seal(key, bytes(contactId), serialized(data));
        return ByteBuffer.allocate(HEADER_BYTES + sealed.length).put(FORMAT)
                .putLong(live.id.getMostSignificantBits()).putLong(live.id.getLeastSignificantBits())
                .put(sealed).array();
    }

    /** The contact's personal data, or empty if its caller's data was erased. */
    public Optional<PersonalData> open(UUID contactId, byte[] sealed) {
        ByteBuffer header = ByteBuffer.wrap(sealed, 0, HEADER_BYTES);
        if (header.get() != FORMAT) {
            throw new IllegalStateException("Contact " + contactId + " is sealed in an unknown format");
        }
        UUID keyId = new UUID(header.getLong(), header.getLong());
        CallerDataKey dataKey = CallerDataKey.findById(keyId);
        if (dataKey == null || dataKey.wrappedKey == null) {
            return Optional.empty();
        }
        try {
            byte[] plain = Aead.open(masterKeys.unwrap(dataKey.wrappedKey, bytes(keyId), dataKey.masterKeyVersion), bytes(contactId),
                    Arrays.copyOfRange(sealed, HEADER_BYTES, sealed.length));
            return Optional.of(json.readValue(plain, PersonalData.class));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Contact " + contactId + " does not open with its caller's key", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Destroys the caller's data key: every contact sealed with it is unreadable from now on, in
     * every backup too, since no copy of the key exists in clear. A later contact of his gets a
     * new key.
     *
     * @return whether he had personal data to erase
     */
    public boolean erase(String callerKey) {
        return CallerDataKey.update("wrappedKey = null, erasedAt = ?1 where callerKey = ?2 and erasedAt is null",
                clock.instant(), callerKey) > 0;
    }

    private CallerDataKey liveKeyOf(String callerKey) {
        Optional<CallerDataKey> live = live(callerKey);
        if (live.isPresent()) {
            return live.get();
        }
        UUID id = UUID.randomUUID();
        // Two first contacts of one caller at once: the second insert waits for the first and
        // then does nothing, and both seal with the key that won.
        entities.createNativeQuery("insert into caller_data_key (id, caller_key, wrapped_key, master_key_version,"
                + " created_at) values (?1, ?2, ?3, ?4, ?5) on conflict (caller_key) where erased_at is null do nothing")
                .setParameter(1, id)
                .setParameter(2, callerKey)
                .setParameter(3, masterKeys.wrap(newDataKey(), bytes(id)))
                .setParameter(4, masterKeys.activeVersion())
                .setParameter(5, clock.instant())
                .executeUpdate();
        return live(callerKey).orElseThrow();
    }

    /**
     * Share-locked until the contact commits: an erasure (on request or by retention) waits for
     * it and then sees the new contact, rather than destroying the key under a contact being
     * sealed with it. Concurrent contacts of one caller share the lock and do not wait.
     */
    private static Optional<CallerDataKey> live(String callerKey) {
        return CallerDataKey.find("callerKey = ?1 and erasedAt is null", callerKey)
                .withLock(LockModeType.PESSIMISTIC_READ).firstResultOptional();
    }

    private byte[] serialized(PersonalData data) {
        try {
            return json.writeValueAsBytes(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SecretKey newDataKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            return generator.generateKey();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The associated data that binds a sealed value to its row: a contact, or a data key. */
    static byte[] bytes(UUID id) {
        return id.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
