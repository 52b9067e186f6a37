package org.hotline.stack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code ./stack token ROLE[,ROLE...] [SUBJECT] [--team TEAM] [--for SERVICE]} asks for. One
 * reading of those words, for {@code ./stack} and for system-tests' {@code DocumentedCurlIT}, which
 * answers the documentation's {@code $(./stack token ...)} with its own stack's issuer.
 *
 * @param roles the roles the token holds (several, joined by commas, make one token holding them all)
 * @param subject the token's subject, {@code local-ROLE} (the first role) unless given
 * @param team the {@code team} claim (a case officer reads the cases assigned to it), or null
 * @param audiences the one service {@code --for} names, or all three
 */
public record TokenRequest(List<String> roles, String subject, String team, List<String> audiences) {

    public static final List<String> ROLES = List.of("operator", "case-officer", "supervisor", "analyst", "admin");
    /** The local stack's tokens last a working day (the services accept up to {@link Tokens#MAX_LIFETIME}). */
    public static final Duration LIFETIME = Duration.ofHours(12);

    /** The words after {@code ./stack token}; a {@link StackFailure} with the usage when they are not a request. */
    public static TokenRequest parse(List<String> options) {
        List<String> rest = new ArrayList<>(options);
        String team = valueOf("--team", rest);
        String service = valueOf("--for", rest);
        if (rest.isEmpty() || rest.size() > 2 || rest.contains("--team") || rest.contains("--for")
                || !ROLES.containsAll(List.of(rest.get(0).split(",", -1)))
                || (service != null && !Tokens.EVERY_SERVICE.contains(service))) {
            throw new StackFailure("usage: ./stack token ROLE[,ROLE...] [SUBJECT] [--team TEAM] [--for SERVICE], ROLE one of "
                    + String.join(", ", ROLES) + ", SERVICE one of " + String.join(", ", Tokens.EVERY_SERVICE));
        }
        List<String> roles = List.of(rest.get(0).split(","));
        String subject = rest.size() == 2 ? rest.get(1) : "local-" + roles.get(0);
        return new TokenRequest(roles, subject, team, service == null ? Tokens.EVERY_SERVICE : List.of(service));
    }

    /** The token, signed by {@code issuer}. */
    public String mint(Tokens issuer) {
        return issuer.mintFor(audiences, LIFETIME, team, subject, roles.toArray(String[]::new));
    }

    /** Takes {@code option VALUE} out of {@code options}: the value, or null when it is not there. */
    private static String valueOf(String option, List<String> options) {
        int at = options.indexOf(option);
        if (at < 0 || at + 1 >= options.size() || options.get(at + 1).isBlank()) {
            return null;
        }
        String value = options.get(at + 1);
        options.subList(at, at + 2).clear();
        return value;
    }
}
