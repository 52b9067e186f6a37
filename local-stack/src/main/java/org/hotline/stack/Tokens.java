package org.hotline.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A stand-in token issuer for tests and the local stack: an RSA key pair whose public half the
 * services are told to trust ({@link #verification}), and RS256 bearer tokens minted with it.
 * Plain JDK, so that minting cannot disagree with a library's idea of what a token is; the
 * services verify with smallrye-jwt as they would a real provider's tokens.
 *
 * <p>Tokens carry {@code sub} and {@code groups} (the roles) and no {@code upn} or
 * {@code preferred_username}, so the subject is the only name an officer has; a case officer's
 * may carry {@code team} too, the team he works cases for (need to know, {@link #mintInTeam}).
 *
 * <p>From the command line: {@code java org.hotline.stack.Tokens DIR ROLE [SUBJECT]} prints a
 * token for ROLE, minted with the key pair kept in DIR (made there on first use).
 */
public final class Tokens {

    public static final String ISSUER = "https://issuer.hotline.invalid";
    /** Each service's own audience: a token meant for one is refused by the others (TokenAudienceConfig). */
    public static final String INTAKE_AUDIENCE = "intake-service";
    public static final String CASES_AUDIENCE = "case-service";
    public static final String STATS_AUDIENCE = "stats-service";
    /**
     * What this issuer's tokens are for unless a test says otherwise: all three services, as a
     * person's token is when his client is granted all three (the local stack's operator, who tries
     * every service with one token). Production clients ask only for the audiences they use.
     */
    public static final List<String> EVERY_SERVICE = List.of(INTAKE_AUDIENCE, CASES_AUDIENCE, STATS_AUDIENCE);
    public static final Duration LIFETIME = Duration.ofHours(1);
    /**
     * The longest lifetime ({@code exp - iat}) the services accept from this issuer: the local
     * stack hands out 12-hour tokens for a working day. Production keeps its own, shorter maximum
     * ({@code smallrye.jwt.time-to-live}, 1 hour in each service's application.properties).
     */
    public static final Duration MAX_LIFETIME = Duration.ofHours(12);

    private static final String PUBLIC_KEY_FILE = "public-key.pem";
    private static final String PRIVATE_KEY_FILE = "private-key.pem";
    private static final String TEST_KEY_DIRECTORY = "hotline.test-tokens.directory";
    private static Tokens forThisJvm;

    private final KeyPair keys;
    private final Path publicKeyFile;

    private Tokens(KeyPair keys, Path publicKeyFile) {
        this.keys = keys;
        this.publicKeyFile = publicKeyFile;
    }

    /**
     * The audience of a service, named as its module ({@code intake-service}) or its database
     * ({@code intake}, {@code cases}, {@code stats}).
     */
    public static String audienceOf(String service) {
        if (service.startsWith("intake")) {
            return INTAKE_AUDIENCE;
        }
        if (service.startsWith("case")) {
            return CASES_AUDIENCE;
        }
        if (service.startsWith("stats")) {
            return STATS_AUDIENCE;
        }
        throw new IllegalArgumentException("No service is called " + service);
    }

    /** The key of the folder of the relay keys, one folder below this issuer's own key pair. */
    private RelayKeys relayKeys() {
        return new RelayKeys(publicKeyFile.getParent().resolve("relay"));
    }

    /**
     * One key pair per test JVM, kept under {@code target/}. Its folder is remembered in a system
     * property, not only in a static field: Quarkus may load this class once for the test resource
     * and once for the test, and both must sign and trust with the same key.
     */
    public static synchronized Tokens forTests() {
        if (forThisJvm == null) {
            String directory = System.getProperty(TEST_KEY_DIRECTORY);
            if (directory == null) {
                directory = Path.of("target", "test-tokens", UUID.randomUUID().toString().substring(0, 8))
                        .toAbsolutePath().toString();
                System.setProperty(TEST_KEY_DIRECTORY, directory);
            }
            forThisJvm = inDirectory(Path.of(directory));
        }
        return forThisJvm;
    }

    /** The key pair kept in {@code directory}; a new one is made and kept there if it has none. */
    public static Tokens inDirectory(Path directory) {
        try {
            Files.createDirectories(directory);
            Path publicKey = directory.resolve(PUBLIC_KEY_FILE).toAbsolutePath();
            Path privateKey = directory.resolve(PRIVATE_KEY_FILE);
            if (Files.exists(publicKey) && Files.exists(privateKey)) {
                return new Tokens(read(publicKey, privateKey), publicKey);
            }
            KeyPair made = newKeyPair();
            Files.writeString(privateKey, pem("PRIVATE KEY", made.getPrivate().getEncoded()));
            restrictToOwner(privateKey);
            Files.writeString(publicKey, pem("PUBLIC KEY", made.getPublic().getEncoded()));
            return new Tokens(made, publicKey);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A key pair that nobody trusts, for tokens with a valid shape and a wrong signature. */
    public static Tokens stranger() {
        return new Tokens(newKeyPair(), null);
    }

    /**
     * The settings that make the service whose audience is {@code own} trust these tokens: the
     * standard MicroProfile JWT ones, the service's own audience, and its relay peer's audience and
     * keys where it has one (intake and case-service).
     */
    public Map<String, String> verification(String own) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("mp.jwt.verify.publickey.location", publicKeyFile.toUri().toString());
        settings.put("mp.jwt.verify.issuer", ISSUER);
        settings.put("mp.jwt.verify.audiences", RelayKeys.peerOf(own).map(peer -> own + "," + peer).orElse(own));
        settings.put("smallrye.jwt.time-to-live", Long.toString(MAX_LIFETIME.toSeconds()));
        settings.put("hotline.tokens.audience", own);
        settings.putAll(relayKeys().settings(own));
        return settings;
    }

    /** The same settings as environment variables, for a service started as a process. */
    public Map<String, String> verificationEnvironment(String own) {
        return verification(own).entrySet().stream().collect(Collectors.toMap(
                e -> e.getKey().toUpperCase().replace('.', '_').replace('-', '_'), Map.Entry::getValue));
    }

    public Path publicKeyFile() {
        return publicKeyFile;
    }

    /** A valid token for {@code subject} holding {@code roles}. */
    public String mint(String subject, String... roles) {
        return token(ISSUER, EVERY_SERVICE, subject, Instant.now(), LIFETIME, roles);
    }

    /**
     * A valid token for {@code subject} holding {@code roles}, whose {@code team} claim places him
     * in {@code team}: he reads the cases assigned to that team.
     */
    public String mintInTeam(String team, String subject, String... roles) {
        return token(ISSUER, EVERY_SERVICE, subject, Instant.now(), LIFETIME, team, roles);
    }

    /** A token meant for {@code audiences}, valid for {@code lifetime}; a null team leaves the claim out. */
    public String mintFor(List<String> audiences, Duration lifetime, String team, String subject, String... roles) {
        return token(ISSUER, audiences, subject, Instant.now(), lifetime, team, roles);
    }

    /** As {@link #mintInTeam}, valid for {@code lifetime}; a null team leaves the claim out. */
    public String mintInTeamValidFor(Duration lifetime, String team, String subject, String... roles) {
        return token(ISSUER, EVERY_SERVICE, subject, Instant.now(), lifetime, team, roles);
    }

    /** A valid token for a long run, such as a whole system-test suite. */
    public String mintValidFor(Duration lifetime, String subject, String... roles) {
        return token(ISSUER, EVERY_SERVICE, subject, Instant.now(), lifetime, roles);
    }

    /** A token that expired an hour ago (well past any clock-skew allowance). */
    public String expired(String subject, String... roles) {
        return token(ISSUER, EVERY_SERVICE, subject, Instant.now().minus(Duration.ofHours(3)), Duration.ofHours(2), roles);
    }

    /** A token meant for {@code audience} alone: one service's, or one that is none of them. */
    public String withAudience(String audience, String subject, String... roles) {
        return token(ISSUER, List.of(audience), subject, Instant.now(), LIFETIME, roles);
    }

    /** As {@link #mintInTeam}, meant for {@code audience} alone. */
    public String forAudienceInTeam(String audience, String team, String subject, String... roles) {
        return token(ISSUER, List.of(audience), subject, Instant.now(), LIFETIME, team, roles);
    }

    public String withIssuer(String issuer, String subject, String... roles) {
        return token(issuer, EVERY_SERVICE, subject, Instant.now(), LIFETIME, roles);
    }

    /** A token with {@code "alg": "none"} and no signature, otherwise valid: it must be refused. */
    public String unsigned(String subject, String... roles) {
        String token = token(ISSUER, EVERY_SERVICE, subject, Instant.now(), LIFETIME, roles);
        String claims = token.substring(token.indexOf('.') + 1, token.lastIndexOf('.'));
        return base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "." + claims + ".";
    }

    /** The {@code Authorization} header value for a valid token. */
    public String bearer(String subject, String... roles) {
        return "Bearer " + mint(subject, roles);
    }

    private String token(String issuer, List<String> audience, String subject, Instant issuedAt, Duration lifetime,
            String... roles) {
        return token(issuer, audience, subject, issuedAt, lifetime, null, roles);
    }

    private String token(String issuer, List<String> audience, String subject, Instant issuedAt, Duration lifetime,
            String team, String... roles) {
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String groups = Arrays.stream(roles).map(Tokens::quoted).collect(Collectors.joining(",", "[", "]"));
        String audiences = audience.size() == 1 ? quoted(audience.get(0))
                : audience.stream().map(Tokens::quoted).collect(Collectors.joining(",", "[", "]"));
        String claims = "{\"iss\":" + quoted(issuer) + ",\"aud\":" + audiences + ",\"sub\":" + quoted(subject)
                + ",\"groups\":" + groups + (team == null ? "" : ",\"team\":" + quoted(team)) + ",\"iat\":" + issuedAt.getEpochSecond()
                + ",\"exp\":" + issuedAt.plus(lifetime).getEpochSecond()
                + ",\"jti\":" + quoted(UUID.randomUUID().toString()) + "}";
        String signingInput = base64Url(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64Url(claims.getBytes(StandardCharsets.UTF_8));
        return signingInput + "." + base64Url(sign(signingInput));
    }

    private byte[] sign(String signingInput) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(keys.getPrivate());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String quoted(String value) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair read(Path publicKey, Path privateKey) throws IOException {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            PublicKey publicHalf = rsa.generatePublic(new X509EncodedKeySpec(unpem(Files.readString(publicKey))));
            PrivateKey privateHalf = rsa.generatePrivate(new PKCS8EncodedKeySpec(unpem(Files.readString(privateKey))));
            return new KeyPair(publicHalf, privateHalf);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Not an RSA key pair: " + publicKey.getParent(), e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] unpem(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system; the file stays as the platform made it.
        }
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: Tokens KEY_DIRECTORY ROLE [SUBJECT]");
            System.exit(2);
        }
        String role = args[1];
        String subject = args.length > 2 ? args[2] : "local-" + role;
        System.out.println(inDirectory(Path.of(args[0])).mint(subject, role));
    }
}
