package org.hotline.intake.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

import org.hotline.intake.PersonalData;
import org.hotline.sealing.Aead;
import org.hotline.intake.crypto.MasterKeys;
import org.hotline.intake.repository.CallerDataKeys;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;

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
    private final CallerDataKeys dataKeys;
    private final Clock clock;

    public PersonalDataVault(MasterKeys masterKeys, ObjectMapper json, CallerDataKeys dataKeys, Clock clock) {
        this.masterKeys = masterKeys;
        this.json = json;
        this.dataKeys = dataKeys;
        this.clock = clock;
    }

    /** What to seal: one contact's personal data, for its caller. */
    public record Sealing(String callerKey, UUID contactId, PersonalData data) {
    }

    /** Inside the caller's transaction; the caller's data key is made on his first contact. */
    public byte[] seal(String callerKey, UUID contactId, PersonalData data) {
        return sealAll(List.of(new Sealing(callerKey, contactId, data))).get(0);
    }

    /**
     * As {@link #seal}, for many contacts at once (a bulk import's chunk): the callers' data keys
     * are looked up, made and unwrapped once per caller, in two or three statements for the lot.
     *
     * @return the sealed values, in the order given
     */
    public List<byte[]> sealAll(List<Sealing> sealings) {
        Map<String, DataKey> keys = dataKeysOf(sealings.stream().map(Sealing::callerKey).distinct().toList());
        List<byte[]> sealed = new ArrayList<>(sealings.size());
        for (Sealing sealing : sealings) {
            DataKey key = keys.get(sealing.callerKey());
            byte[] ciphertext = Aead.seal(key.key(), bytes(sealing.contactId()), serialized(sealing.data()));
            sealed.add(ByteBuffer.allocate(HEADER_BYTES + ciphertext.length).put(FORMAT)
                    .putLong(key.id().getMostSignificantBits()).putLong(key.id().getLeastSignificantBits())
                    .put(ciphertext).array());
        }
        return sealed;
    }

    /** The contact's personal data, or empty if its caller's data was erased. */
    public Optional<PersonalData> open(UUID contactId, byte[] sealed) {
        ByteBuffer header = ByteBuffer.wrap(sealed, 0, HEADER_BYTES);
        if (header.get() != FORMAT) {
            throw new IllegalStateException("Contact " + contactId + " is sealed in an unknown format");
        }
        UUID keyId = new UUID(header.getLong(), header.getLong());
        Optional<CallerDataKeys.Wrapped> dataKey = dataKeys.findLive(keyId);
        if (dataKey.isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] plain = Aead.open(masterKeys.unwrap(dataKey.get().wrappedKey(), bytes(keyId), dataKey.get().version()),
                    bytes(contactId),
                    Arrays.copyOfRange(sealed, HEADER_BYTES, sealed.length));
            return Optional.of(json.readValue(plain, PersonalData.class));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Contact " + contactId + " does not open with its caller's key", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Destroys the callers' data keys: every contact sealed with them is unreadable from now on.
     * A backup taken before still holds the wrapped keys; the erasure ledger destroys them again
     * when such a backup is restored ({@link CallerErasure#reapply}), and retiring the master key
     * that wrapped them makes an old backup useless even outside the service. A later contact of
     * such a caller gets a new pseudonym and a new key.
     *
     * @return how many of them had a live key
     */
    public int eraseAll(Collection<String> callerKeys) {
        if (callerKeys.isEmpty()) {
            return 0;
        }
        return dataKeys.erase(callerKeys, clock.instant());
    }

    /** A caller's live data key in clear, for this transaction only. */
    private record DataKey(UUID id, SecretKey key) {
    }

    /**
     * The callers' live data keys, made for those who have none yet: a key made here is used as
     * made, without unwrapping it again. Two first contacts of one caller at once: the second
     * insert waits for the first and then does nothing, and both seal with the key that won.
     */
    private Map<String, DataKey> dataKeysOf(List<String> callerKeys) {
        Map<String, DataKey> keys = new HashMap<>();
        dataKeys.lockLive(callerKeys).forEach(live -> keys.put(live.callerKey(), unwrapped(live)));
        if (keys.size() == callerKeys.size()) {
            return keys;
        }
        Map<UUID, SecretKey> made = new HashMap<>();
        // In one order, so that two imports making keys for the same new callers never deadlock.
        List<CallerDataKeys.Live> wrapped = callerKeys.stream().filter(key -> !keys.containsKey(key)).sorted()
                .map(callerKey -> {
                    UUID id = UUID.randomUUID();
                    SecretKey key = newDataKey();
                    made.put(id, key);
                    return new CallerDataKeys.Live(id, callerKey, masterKeys.wrap(key, bytes(id)),
                            masterKeys.activeVersion());
                }).toList();
        Set<UUID> stored = dataKeys.insertIfNone(wrapped, clock.instant());
        List<String> lost = new ArrayList<>();
        for (CallerDataKeys.Live live : wrapped) {
            if (stored.contains(live.id())) {
                keys.put(live.callerKey(), new DataKey(live.id(), made.get(live.id())));
            } else {
                lost.add(live.callerKey());
            }
        }
        if (!lost.isEmpty()) {
            dataKeys.lockLive(lost).forEach(live -> keys.put(live.callerKey(), unwrapped(live)));
        }
        return keys;
    }

    private DataKey unwrapped(CallerDataKeys.Live live) {
        return new DataKey(live.id(), masterKeys.unwrap(live.wrappedKey(), bytes(live.id()), live.version()));
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
