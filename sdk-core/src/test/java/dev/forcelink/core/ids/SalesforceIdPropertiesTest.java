package dev.forcelink.core.ids;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class SalesforceIdPropertiesTest {

  @Property
  void theEighteenCharacterFormRoundTripsAndValidates(@ForAll("ids15") String id15) {
    SalesforceId id = SalesforceId.parse(id15);
    String id18 = id.to18();

    assertThat(id18).hasSize(18).startsWith(id15);
    assertThat(SalesforceId.isValid(id18)).isTrue();
    assertThat(SalesforceId.parse(id18)).isEqualTo(id);
    assertThat(SalesforceId.parse(id18).to15()).isEqualTo(id15);
    assertThat(SalesforceId.parse(id15 + id18.substring(15).toLowerCase())).isEqualTo(id);
  }

  @Property
  void flippingTheCaseOfAnyLetterInvalidatesTheOriginalChecksum(
      @ForAll("ids15") String id15, @ForAll @IntRange(min = 0, max = 14) int position) {
    char c = id15.charAt(position);
    Assume.that(Character.isLetter(c));
    char flipped = Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
    String flipped15 = id15.substring(0, position) + flipped + id15.substring(position + 1);
    String originalSuffix = SalesforceId.parse(id15).to18().substring(15);

    assertThat(SalesforceId.isValid(flipped15 + originalSuffix)).isFalse();
    assertThat(SalesforceId.parse(flipped15)).isNotEqualTo(SalesforceId.parse(id15));
  }

  @Provide
  Arbitrary<String> ids15() {
    return Arbitraries.strings().alpha().numeric().ofLength(15);
  }
}
