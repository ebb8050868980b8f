package dev.forcelink.core.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

class IdempotencyKeyPropertiesTest {

  @Property
  void keysOfTwoSplitsOfOneTextAreEqualExactlyWhenTheSplitsAre(
      @ForAll @StringLength(max = 12) String text,
      @ForAll @Size(max = 4) List<@IntRange(max = 12) Integer> cutsA,
      @ForAll @Size(max = 4) List<@IntRange(max = 12) Integer> cutsB) {
    Assume.that(text.chars().noneMatch(c -> Character.isSurrogate((char) c)));
    List<String> a = split(text, cutsA);
    List<String> b = split(text, cutsB);

    IdempotencyKey keyA = IdempotencyKey.derived("ns", a.toArray(new String[0]));
    IdempotencyKey keyB = IdempotencyKey.derived("ns", b.toArray(new String[0]));

    assertThat(keyA.equals(keyB)).isEqualTo(a.equals(b));
  }

  /** Cuts {@code text} at the given positions (clamped, duplicates kept as empty parts). */
  private static List<String> split(String text, List<Integer> cuts) {
    List<Integer> positions = new ArrayList<>();
    for (int cut : cuts) {
      positions.add(Math.min(cut, text.length()));
    }
    Collections.sort(positions);
    List<String> parts = new ArrayList<>();
    int start = 0;
    for (int position : positions) {
      parts.add(text.substring(start, position));
      start = position;
    }
    parts.add(text.substring(start));
    return parts;
  }
}
