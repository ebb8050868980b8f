package dev.forcelink.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StateTest {
  @Test
  void generatesUnguessableValues() {
    State a = State.generate();
    State b = State.generate();
    assertThat(a.value()).hasSize(43).matches("[A-Za-z0-9_-]+");
    assertThat(a.value()).isNotEqualTo(b.value());
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void matchesOnlyTheSameValue() {
    State state = State.of("abc123");
    assertThat(state.matches("abc123")).isTrue();
    assertThat(state.matches("abc124")).isFalse();
    assertThat(state.matches("abc1234")).isFalse();
    assertThat(state.matches("")).isFalse();
    assertThat(state.matches(null)).isFalse();
    assertThat(state).isEqualTo(State.of("abc123")).hasSameHashCodeAs(State.of("other"));
  }

  @Test
  void rejectsEmptyAndHidesTheValue() {
    assertThatThrownBy(() -> State.of("")).isInstanceOf(IllegalArgumentException.class);
    State state = State.generate();
    assertThat(state.toString()).doesNotContain(state.value());
  }
}
