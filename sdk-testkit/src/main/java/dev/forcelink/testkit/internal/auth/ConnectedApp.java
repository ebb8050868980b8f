package dev.forcelink.testkit.internal.auth;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The org's one connected app: consumer key and secret, the public keys of its uploaded certificates (for the JWT
 * bearer flow) and whether its users are pre-authorised. {@link #toString()} shows no secret.
 *
 * <p>Thread-safe.
 */
public final class ConnectedApp {

    private final String clientId;
    private final String clientSecret;
    private final boolean preAuthorized;
    private final List<RSAPublicKey> jwtKeys = new CopyOnWriteArrayList<>();
    private KeyPair generatedKeyPair;

    /**
     * @param clientId consumer key
     * @param clientSecret consumer secret
     * @param preAuthorized whether the JWT bearer flow may act for the org's user without prior approval
     */
    public ConnectedApp(String clientId, String clientSecret, boolean preAuthorized) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.preAuthorized = preAuthorized;
    }

    public String clientId() {
        return clientId;
    }

    String clientSecret() {
        return clientSecret;
    }

    boolean preAuthorized() {
        return preAuthorized;
    }

    /**
     * Registers a key that JWT assertions may be signed with.
     *
     * @param key an RSA public key
     * @throws IllegalArgumentException if the key is not RSA (Salesforce accepts only RS256)
     */
    public void registerJwtKey(PublicKey key) {
        if (!(key instanceof RSAPublicKey)) {
            throw new IllegalArgumentException("JWT bearer assertions are RS256: register an RSA public key, not "
                    + key.getAlgorithm());
        }
        jwtKeys.add((RSAPublicKey) key);
    }

    List<RSAPublicKey> jwtKeys() {
        return jwtKeys;
    }

    /**
     * Generates a new 2048-bit RSA key pair and registers its public key.
     *
     * @return the key pair
     */
    public KeyPair generateJwtKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            registerJwtKey(pair.getPublic());
            return pair;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK offers no RSA key generator", e);
        }
    }

    /**
     * Returns the app's own key pair, generating and registering it on first use.
     *
     * @return the key pair
     */
    public synchronized KeyPair defaultJwtKeyPair() {
        if (generatedKeyPair == null) {
            generatedKeyPair = generateJwtKeyPair();
        }
        return generatedKeyPair;
    }

    @Override
    public String toString() {
        return "ConnectedApp[clientId=" + clientId + ", jwtKeys=" + jwtKeys.size() + "]";
    }
}
