package dev.forcelink.auth.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.forcelink.core.Secret;
import dev.forcelink.core.exception.ForcelinkClientException;
import java.security.PrivateKey;
import java.security.interfaces.RSAKey;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;

/**
 * Signs JWT bearer assertions with RS256, the only algorithm Salesforce accepts: header
 * {@code {"alg":"RS256"}}, claims {@code iss}, {@code sub}, {@code aud} and {@code exp} (epoch
 * seconds). Thread-safe.
 */
public final class JwtAssertionSigner {
  private static final int MIN_RSA_BITS = 2048;
  private final RSASSASigner signer;

  private JwtAssertionSigner(RSASSASigner signer) {
    this.signer = signer;
  }

  /**
   * Creates a signer for an RSA private key.
   *
   * @param key the private key
   * @return the signer
   * @throws IllegalArgumentException if the key is not an RSA key of at least 2048 bits
   */
  public static JwtAssertionSigner create(PrivateKey key) {
    Objects.requireNonNull(key, "privateKey");
    if (!"RSA".equalsIgnoreCase(key.getAlgorithm())) {
      throw new IllegalArgumentException("The JWT bearer flow signs with RS256 and needs an RSA private"
          + " key; this key's algorithm is " + key.getAlgorithm());
    }
    if (key instanceof RSAKey && ((RSAKey) key).getModulus().bitLength() < MIN_RSA_BITS) {
      throw new IllegalArgumentException("The RSA private key has "
          + ((RSAKey) key).getModulus().bitLength() + " bits; RS256 needs at least " + MIN_RSA_BITS);
    }
    return new JwtAssertionSigner(new RSASSASigner(key));
  }

  /**
   * Builds and signs one assertion.
   *
   * @param issuer the consumer key
   * @param subject the username
   * @param audience the audience
   * @param expiresAt the expiry; written in whole epoch seconds
   * @return the compact serialized assertion
   * @throws ForcelinkClientException if signing fails (for example a hardware key that refuses)
   */
  public Secret sign(String issuer, String subject, String audience, Instant expiresAt) {
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .issuer(issuer)
        .subject(subject)
        .audience(audience)
        .expirationTime(Date.from(Instant.ofEpochSecond(expiresAt.getEpochSecond())))
        .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new ForcelinkClientException("Could not sign the JWT bearer assertion with the private key ("
          + e.getClass().getSimpleName() + ")", null, null, false);
    }
    return Secret.of(jwt.serialize());
  }

  /** Describes the signer without the key. */
  @Override
  public String toString() {
    return "JwtAssertionSigner{alg=RS256}";
  }
}
