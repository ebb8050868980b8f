package dev.forcelink.auth;

import dev.forcelink.core.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A PKCE (RFC 7636) pair for one authorization: a random code verifier, kept by the application
 * until the code exchange, and its {@code S256} challenge, sent in the authorize URL.
 *
 * <p>A web application stores {@link #verifier()} with the user's session between the redirect and
 * the callback and restores it with {@link #fromVerifier(Secret)}. Immutable and thread-safe;
 * {@link #toString()} never shows the verifier.
 */
public final class Pkce {
  /** The challenge method: SHA-256. */
  public static final String METHOD = "S256";
  private static final int VERIFIER_BYTES = 32; // 43 base64url characters, as RFC 7636 recommends
  private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9\\-._~]{43,128}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Secret verifier;
  private final String challenge;

  private Pkce(Secret verifier) {
    this.verifier = verifier;
    this.challenge = challengeOf(verifier.reveal());
  }

  /**
   * Generates a new pair with a 43-character verifier from 32 bytes of {@link SecureRandom}.
   *
   * @return a new pair
   */
  public static Pkce generate() {
    byte[] bytes = new byte[VERIFIER_BYTES];
    RANDOM.nextBytes(bytes);
    return new Pkce(Secret.of(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)));
  }

  /**
   * Restores a pair from a stored verifier.
   *
   * @param verifier the verifier: 43 to 128 characters of {@code A-Z a-z 0-9 - . _ ~}
   * @return the pair
   * @throws NullPointerException if {@code verifier} is null
   * @throws IllegalArgumentException if the verifier is malformed
   */
  public static Pkce fromVerifier(Secret verifier) {
    Objects.requireNonNull(verifier, "verifier");
    if (!VERIFIER.matcher(verifier.reveal()).matches()) {
      throw new IllegalArgumentException("A PKCE code verifier has 43 to 128 characters from"
          + " A-Z a-z 0-9 - . _ ~ (RFC 7636 section 4.1)");
    }
    return new Pkce(verifier);
  }

  /**
   * Returns the code verifier, sent only with the code exchange.
   *
   * @return the verifier
   */
  public Secret verifier() {
    return verifier;
  }

  /**
   * Returns the challenge: base64url of the SHA-256 of the verifier, without padding.
   *
   * @return the challenge
   */
  public String challenge() {
    return challenge;
  }

  /**
   * Returns the challenge method.
   *
   * @return {@code "S256"}
   */
  public String method() {
    return METHOD;
  }

  private static String challengeOf(String verifier) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }

  /** Shows the challenge, never the verifier. */
  @Override
  public String toString() {
    return "Pkce{method=" + METHOD + ", challenge=" + challenge + ", verifier=" + verifier + "}";
  }
}
