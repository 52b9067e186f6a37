package org.hotline.intake.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.hotline.intake.repository.CallerIndex;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Gives each caller his pseudonym, the {@code callerKey} that events, cases and stats know him by:
 * 128 random bits ({@code p-<32 hex>}), made on his first contact and found again on the next one
 * through the blind index of his identifier ({@link BlindIndex}, {@link CallerIndex}). Because the
 * pseudonym is random, nothing can recompute it from a phone number; once an erasure has deleted
 * his index entry, the pseudonym in the event log and in every store leads nowhere.
 */
@ApplicationScoped
public class CallerPseudonyms {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PREFIX = "p-";

    private final BlindIndex blindIndex;
    private final CallerIndex index;
    private final Clock clock;

    public CallerPseudonyms(BlindIndex blindIndex, CallerIndex index, Clock clock) {
        this.blindIndex = blindIndex;
        this.index = index;
        this.clock = clock;
    }

    /**
     * The pseudonym of each of these identifiers, made for those who have none, inside the
     * caller's transaction: two spellings of one number get one pseudonym, and so do two first
     * contacts of one caller at once (the second waits for the first and takes its pseudonym).
     *
     * @return identifier (as given) to pseudonym
     */
    public Map<String, String> of(Collection<String> identifiers) {
        Map<String, String> indexOf = new HashMap<>();
        identifiers.forEach(identifier -> indexOf.computeIfAbsent(identifier, blindIndex::of));
        Map<String, String> known = index.lock(indexOf.values().stream().distinct().toList());
        // Sorted, so that two imports making entries for the same new callers never deadlock.
        Map<String, String> made = new TreeMap<>();
        indexOf.values().stream().filter(blind -> !known.containsKey(blind))
                .forEach(blind -> made.computeIfAbsent(blind, b -> newPseudonym()));
        if (index.insertIfNone(made, clock.instant()) < made.size()) {
            // Another transaction stored some of them first: read the pseudonyms that won.
            known.putAll(index.lock(made.keySet()));
        }
        made.forEach(known::putIfAbsent);
        Map<String, String> pseudonyms = new HashMap<>();
        indexOf.forEach((identifier, blind) -> pseudonyms.put(identifier, known.get(blind)));
        return pseudonyms;
    }

    /** The pseudonym of one identifier; see {@link #of(Collection)}. */
    public String of(String identifier) {
        return of(List.of(identifier)).get(identifier);
    }

    static String newPseudonym() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return PREFIX + HexFormat.of().formatHex(bytes);
    }
}
