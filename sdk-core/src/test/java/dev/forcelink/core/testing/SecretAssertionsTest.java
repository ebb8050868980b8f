package dev.forcelink.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class SecretAssertionsTest {
  private static final Logger LOG = LoggerFactory.getLogger(SecretAssertionsTest.class);
  private static final String SECRET = "PLANTED-SECRET-0001";

  @Test
  void findsASecretInTraceLinesAndStackTracesAndNeverPrintsIt() {
    try (LogCapture logs = LogCapture.start()) {
      LOG.trace("harmless line");
      assertThat(logs.linesAt("TRACE")).anyMatch(l -> l.contains("harmless line"));
      SecretAssertions.planted(SECRET).assertNotIn(logs);
      LOG.debug("failure", new IllegalStateException("outer", new RuntimeException("inner " + SECRET)));
      assertThatThrownBy(() -> SecretAssertions.planted(SECRET).assertNotIn(logs))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("log line")
          .hasMessageNotContaining(SECRET);
    }
  }

  @Test
  void findsASecretInCauseChainsAndToString() {
    Exception e = new Exception("outer", new IllegalStateException("x=" + SECRET));
    assertThatThrownBy(() -> SecretAssertions.planted(SECRET).assertNotIn(e)).isInstanceOf(AssertionError.class);
    Object leaky = new Object() {
      @Override
      public String toString() {
        return "token=" + SECRET;
      }
    };
    assertThatThrownBy(() -> SecretAssertions.planted(SECRET).assertNotInToString(leaky)).isInstanceOf(AssertionError.class);
    SecretAssertions.planted(SECRET).assertNotIn(new Exception("clean")).assertNotInToString("clean", null);
    assertThatThrownBy(() -> SecretAssertions.planted("short")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void closingRestoresTheRootLevel() {
    ch.qos.logback.classic.Logger root =
        (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    ch.qos.logback.classic.Level before = root.getLevel();
    LogCapture.start().close();
    assertThat(root.getLevel()).isEqualTo(before);
  }
}
