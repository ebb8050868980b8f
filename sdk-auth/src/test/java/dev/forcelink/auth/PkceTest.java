package dev.forcelink.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forcelink.core.Secret;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PkceTest {
  @Test
  void matchesTheRfc7636AppendixBExample() {
    // The pair published in RFC 7636 appendix B (SHA-256 bytes 19, 211, 30, 150, ... 249, 195).
    Pkce pkce = Pkce.fromVerifier(Secret.of("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
    assertThat(pkce.challenge()).isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    assertThat(pkce.method()).isEqualTo("S256");
  }

  @Test
  void generatesDistinctWellFormedVerifiers() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      Pkce pkce = Pkce.generate();
      String verifier = pkce.verifier().reveal();
      assertThat(verifier).hasSizeBetween(43, 128).matches("[A-Za-z0-9\\-._~]+");
      assertThat(pkce.challenge()).hasSize(43).doesNotContain("=", "+", "/");
      assertThat(Pkce.fromVerifier(pkce.verifier()).challenge()).isEqualTo(pkce.challenge());
      seen.add(verifier);
    }
    assertThat(seen).hasSize(50);
  }

  @Test
  void rejectsMalformedVerifiers() {
    assertThatThrownBy(() -> Pkce.fromVerifier(Secret.of("short"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Pkce.fromVerifier(Secret.of("a".repeat(129)))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Pkce.fromVerifier(Secret.of("a".repeat(42) + "+"))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("aaaa");
  }

  @Test
  void toStringHidesTheVerifier() {
    Pkce pkce = Pkce.generate();
    assertThat(pkce.toString()).doesNotContain(pkce.verifier().reveal()).contains(pkce.challenge());
  }
}
