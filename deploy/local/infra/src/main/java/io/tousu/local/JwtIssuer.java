package io.tousu.local;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Signs the bearer tokens of the local run and the tests with a key pair it keeps in a folder;
 * the services verify them with the public key ({@code mp.jwt.verify.publickey.location}).
 */
public final class JwtIssuer {
    public static final String ISSUER = "https://tousu.local";
    private static final String PRIVATE = "privateKey.pem";
    private static final String PUBLIC = "publicKey.pem";

    private final Path dir;
    private final PrivateKey privateKey;

    private JwtIssuer(Path dir, PrivateKey privateKey) {
        this.dir = dir;
        this.privateKey = privateKey;
    }

    /** Loads the key pair in {@code dir}, generating it on first use. */
    public static JwtIssuer in(Path dir) {
        try {
            Files.createDirectories(dir);
            if (!Files.exists(dir.resolve(PRIVATE))) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                Files.writeString(dir.resolve(PUBLIC), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                Files.writeString(dir.resolve(PRIVATE), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            }
            String body = Files.readString(dir.resolve(PRIVATE)).replaceAll("-----[A-Z ]+-----|\\s", "");
            PrivateKey key = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
            return new JwtIssuer(dir, key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path publicKeyFile() {
        return dir.resolve(PUBLIC);
    }

    /** A token for a person or system holding one role. */
    public String forRole(String role) {
        return token(role + "-user", List.of(role), Map.of(), Duration.ofDays(365));
    }

    /** A channel system's token, allowed to submit for the listed channels only. */
    public String forChannels(String subject, List<String> channels) {
        return token(subject, List.of("channel"), Map.of("channels", new ArrayList<>(channels)), Duration.ofDays(365));
    }

    /** A department token: role {@code department}, scoped by the {@code dept} claim. */
    public String forDepartment(String dept) {
        return token(dept + "-desk", List.of("department"), Map.of("dept", dept), Duration.ofDays(365));
    }

    public String token(String subject, List<String> groups, Map<String, Object> claims, Duration validity) {
        JwtClaims jwt = new JwtClaims();
        jwt.setIssuer(ISSUER);
        jwt.setSubject(subject);
        jwt.setClaim("upn", subject);
        jwt.setStringListClaim("groups", new ArrayList<>(groups));
        claims.forEach(jwt::setClaim);
        jwt.setIssuedAtToNow();
        jwt.setExpirationTimeMinutesInTheFuture(validity.toMinutes());
        jwt.setGeneratedJwtId();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(jwt.toJson());
        jws.setKey(privateKey);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
