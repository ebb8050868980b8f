package dev.forcelink.testkit.internal.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import dev.forcelink.testkit.internal.http.Json;
import java.io.IOException;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks a JWT bearer assertion as Salesforce does: RS256 signature by a registered certificate, {@code iss} the
 * consumer key, {@code aud} a login host, {@code exp} in seconds, in the future and not far ahead, {@code sub} a
 * known user. Thread-safe.
 */
final class JwtAssertionVerifier {

    /** How far ahead {@code exp} may lie; a millisecond {@code exp} lies far beyond it. */
    static final Duration MAX_AHEAD = Duration.ofMinutes(5);

    private final ConnectedApp app;
    private final Set<String> audiences;
    private final Clock clock;

    JwtAssertionVerifier(ConnectedApp app, Set<String> audiences, Clock clock) {
        this.app = app;
        this.audiences = audiences;
        this.clock = clock;
    }

    /**
     * @param assertion the compact JWT
     * @return the {@code sub} claim (username), not yet checked against the org's users
     * @throws OAuthError describing the first problem found
     */
    String verify(String assertion) {
        if (assertion == null || assertion.isBlank()) {
            throw OAuthError.invalidGrant("invalid assertion");
        }
        JWSObject jws;
        JsonNode claims;
        try {
            jws = JWSObject.parse(assertion.trim());
            claims = Json.mapper().readTree(jws.getPayload().toBytes());
        } catch (ParseException | IOException | RuntimeException e) {
            throw OAuthError.invalidGrant("invalid assertion");
        }
        if (!JWSAlgorithm.RS256.equals(jws.getHeader().getAlgorithm()) || claims == null || !claims.isObject()) {
            throw OAuthError.invalidGrant("invalid assertion");
        }
        if (!app.clientId().equals(claims.path("iss").asText(null))) {
            throw OAuthError.invalidClientId();
        }
        if (!signedByRegisteredKey(jws)) {
            throw OAuthError.invalidGrant("invalid assertion");
        }
        if (audience(claims.get("aud")).stream().noneMatch(aud -> audiences.contains(stripSlash(aud)))) {
            throw OAuthError.invalidGrant("audience is invalid");
        }
        checkExpiry(claims.get("exp"));
        String subject = claims.path("sub").asText(null);
        if (subject == null || subject.isBlank()) {
            throw OAuthError.invalidGrant("invalid assertion");
        }
        return subject;
    }

    private boolean signedByRegisteredKey(JWSObject jws) {
        for (RSAPublicKey key : app.jwtKeys()) {
            try {
                if (jws.verify(new RSASSAVerifier(key))) {
                    return true;
                }
            } catch (JOSEException | IllegalStateException e) {
                return false;
            }
        }
        return false;
    }

    private void checkExpiry(JsonNode exp) {
        long seconds;
        if (exp != null && exp.isNumber()) {
            seconds = exp.asLong();
        } else if (exp != null && exp.isTextual() && exp.asText().matches("\\d{1,19}")) {
            // Some clients send exp as a numeric string; Salesforce accepts it.
            seconds = Long.parseLong(exp.asText());
        } else {
            throw OAuthError.invalidGrant("invalid assertion");
        }
        long nowSeconds = clock.millis() / 1000;
        // Salesforce answers "expired authorization code" both for an exp in the past and for an exp far ahead
        // (typically milliseconds sent instead of seconds).
        if (seconds <= nowSeconds || seconds > nowSeconds + MAX_AHEAD.getSeconds()) {
            throw OAuthError.invalidGrant("expired authorization code");
        }
    }

    private static List<String> audience(JsonNode aud) {
        List<String> values = new ArrayList<>();
        if (aud != null && aud.isArray()) {
            aud.forEach(node -> values.add(node.asText()));
        } else if (aud != null && aud.isTextual()) {
            values.add(aud.asText());
        }
        return values;
    }

    static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
