package dev.forcelink.pubsub.internal.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forcelink.testkit.internal.pubsub.BitmapEncoder;
import dev.forcelink.testkit.internal.pubsub.EventDescription;
import dev.forcelink.testkit.internal.pubsub.EventField;
import dev.forcelink.testkit.internal.pubsub.EventSchemaGenerator;
import dev.forcelink.testkit.internal.pubsub.SalesforceFieldType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.avro.Schema;

/** The emulator's encoder and the client's decoder agree on every field set of every schema shape. */
class BitmapRoundTripTest {
  private static final SalesforceFieldType[] TYPES = SalesforceFieldType.values();

  /** A change-event shape: 0 for a scalar field, n &gt; 0 for a compound field of n parts. */
  record Shape(List<Integer> fields) {
    Schema schema() {
      List<EventField> described = new ArrayList<>();
      for (int i = 0; i < fields.size(); i++) {
        int parts = fields.get(i);
        if (parts == 0) {
          described.add(EventField.scalar("S" + i, TYPES[i % TYPES.length]));
        } else {
          described.add(EventField.compound("C" + i, IntStream.range(0, parts)
              .mapToObj(j -> EventField.scalar("P" + j, TYPES[j % TYPES.length])).toList()));
        }
      }
      return EventSchemaGenerator.generate(EventDescription.changeEvent("Random__c", described));
    }
  }

  /** A shape and the paths chosen in it. */
  record Case(Shape shape, Set<String> paths) {}

  @Property(tries = 200)
  void decoderReadsBackWhatTheEncoderWrote(@ForAll("cases") Case c) {
    Schema schema = c.shape().schema();

    List<String> bitmap = BitmapEncoder.encode(schema, c.paths());
    List<String> decoded = BitmapDecoder.decode(schema, "changedFields", bitmap);

    assertThat(new HashSet<>(decoded)).isEqualTo(collapsed(c));
    assertThat(decoded).doesNotHaveDuplicates();
    if (!bitmap.isEmpty()) {
      assertThat(bitmap.get(0)).matches("0x([0-9A-F]{2})+");
      assertThat(bitmap.subList(1, bitmap.size())).allMatch(e -> e.matches("[0-9]+-0x([0-9A-F]{2})+"));
    }
  }

  /** What the decoder must report: a compound named whole, or with all its parts, is its name alone. */
  private static Set<String> collapsed(Case c) {
    Set<String> expected = new HashSet<>();
    List<Integer> fields = c.shape().fields();
    for (int i = 0; i < fields.size(); i++) {
      int parts = fields.get(i);
      if (parts == 0) {
        if (c.paths().contains("S" + i)) {
          expected.add("S" + i);
        }
        continue;
      }
      String parent = "C" + i;
      List<String> chosen = IntStream.range(0, parts).mapToObj(j -> parent + ".P" + j)
          .filter(c.paths()::contains).toList();
      if (c.paths().contains(parent) || chosen.size() == parts) {
        expected.add(parent);
      } else {
        expected.addAll(chosen);
      }
    }
    return expected;
  }

  @Provide
  Arbitrary<Case> cases() {
    return shapes().flatMap(shape -> paths(shape).map(paths -> new Case(shape, paths)));
  }

  /** 65 to 160 top-level fields (so bitmaps span several 64-bit words), up to 8 of them compound. */
  private Arbitrary<Shape> shapes() {
    Arbitrary<Integer> scalarCount = Arbitraries.integers().between(64, 152);
    Arbitrary<List<Integer>> compoundSizes = Arbitraries.integers().between(1, 10).list().ofMinSize(1).ofMaxSize(8);
    return Combinators.combine(scalarCount, compoundSizes).flatAs((scalars, compounds) -> {
      List<Integer> fields = new ArrayList<>(compounds);
      fields.addAll(Collections.nCopies(scalars, 0));
      return Arbitraries.shuffle(fields).map(Shape::new);
    });
  }

  /** Per field: absent or present; per compound: none, the name, every part, or some parts. */
  private Arbitrary<Set<String>> paths(Shape shape) {
    List<Arbitrary<List<String>>> perField = new ArrayList<>();
    for (int i = 0; i < shape.fields().size(); i++) {
      int parts = shape.fields().get(i);
      if (parts == 0) {
        String name = "S" + i;
        perField.add(Arbitraries.of(List.<String>of(), List.of(name)));
      } else {
        String parent = "C" + i;
        List<String> all = IntStream.range(0, parts).mapToObj(j -> parent + ".P" + j).toList();
        perField.add(Arbitraries.oneOf(
            Arbitraries.just(List.of()),
            Arbitraries.just(List.of(parent)),
            Arbitraries.just(all),
            Arbitraries.subsetOf(all).map(List::copyOf)));
      }
    }
    return Combinators.combine(perField).as(lists -> {
      Set<String> paths = new LinkedHashSet<>();
      lists.forEach(paths::addAll);
      return paths;
    });
  }
}
