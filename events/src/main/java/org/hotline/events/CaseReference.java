package org.hotline.events;

import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The reference an operator reads to a caller, such as {@code K7M2-Q9TX}: eight characters in
 * two groups, from an alphabet without look-alikes (no 0/O, 1/I/L) and easy to spell out on a
 * bad line. The last character is a check character, so a misheard or mistyped reference is
 * caught before anyone looks it up.
 */
public final class CaseReference {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final int PAYLOAD = 7;

    private CaseReference() {
    }

    /**
     * Who draws a reference. Each issuer draws the first character from its own half of the
     * alphabet, so intake (for callers) and case-service (for men captured without a call) can
     * never hand out the same reference, and neither needs to ask the other.
     */
    public enum Issuer {
        INTAKE(0, 15), CASE_SERVICE(15, 31);

        private final int firstFrom;
        private final int firstTo;

        Issuer(int firstFrom, int firstTo) {
            this.firstFrom = firstFrom;
            this.firstTo = firstTo;
        }

        /** Whether a well-formed reference was drawn by this issuer. */
        public boolean issued(String reference) {
            int first = ALPHABET.indexOf(reference.charAt(0));
            return first >= firstFrom && first < firstTo;
        }
    }

    public static String generate(RandomGenerator random, Issuer issuer) {
        StringBuilder chars = new StringBuilder(PAYLOAD + 1);
        chars.append(ALPHABET.charAt(random.nextInt(issuer.firstFrom, issuer.firstTo)));
        for (int i = 1; i < PAYLOAD; i++) {
            chars.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        chars.append(checkChar(chars));
        return chars.substring(0, 4) + "-" + chars.substring(4);
    }

    /**
     * The canonical form of what a caller or operator typed ({@code k7m2 q9tx}, {@code K7M2Q9TX}),
     * or empty if it is not a well-formed reference.
     */
    public static Optional<String> normalize(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String chars = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
        if (chars.length() != PAYLOAD + 1 || !chars.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)
                || chars.charAt(PAYLOAD) != checkChar(chars.substring(0, PAYLOAD))) {
            return Optional.empty();
        }
        return Optional.of(chars.substring(0, 4) + "-" + chars.substring(4));
    }

    public static boolean isWellFormed(String typed) {
        return normalize(typed).isPresent();
    }

    /** Position-weighted sum modulo a prime alphabet size: catches any single wrong or swapped character. */
    private static char checkChar(CharSequence payload) {
        int sum = 0;
        for (int i = 0; i < payload.length(); i++) {
            sum += (i + 1) * ALPHABET.indexOf(payload.charAt(i));
        }
        return ALPHABET.charAt(sum % ALPHABET.length());
    }
}
