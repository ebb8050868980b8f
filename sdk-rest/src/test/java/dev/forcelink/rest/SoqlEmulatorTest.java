package dev.forcelink.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forcelink.rest.soql.Condition;
import dev.forcelink.rest.soql.SoqlBuilder;
import dev.forcelink.testkit.EmulatorExtension;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Values written by the client (record fields and SOQL literals of {@link SoqlBuilder}) read back
 * unchanged from the emulator: quotes, backslashes, LIKE wildcards, dates and datetimes.
 */
class SoqlEmulatorTest {
  @RegisterExtension
  static final EmulatorExtension ORG = EmulatorRest.extension();

  private EmulatorRest e2e;

  @BeforeEach
  void connect() {
    e2e = new EmulatorRest(ORG.emulator());
  }

  @AfterEach
  void close() {
    e2e.close();
  }

  private List<String> names(Condition where) {
    String soql = SoqlBuilder.select("Name").from("Account").where(where).orderBy("Name").toSoql();
    return e2e.rest.query(soql).stream().map(r -> r.getString("Name")).collect(Collectors.toList());
  }

  @Test
  void everyStringLiteralMatchesOnlyItsOwnRecord() {
    List<String> awkward = List.of("O'Brien", "back\\slash", "quote \" inside", "line\nbreak", "tab\there",
        "50% off", "50x off", "under_score", "underXscore", "Zürich 東京 😀", "' OR Name != '", "a+b = c & d", "raw %25 escape");
    Map<String, String> ids = new LinkedHashMap<>();
    for (String name : awkward) {
      ids.put(name, e2e.rest.create(SObject.builder("Account").set("Name", name).set("Description", "soql")
          .build()).id());
    }

    for (String name : awkward) {
      assertThat(names(Condition.eq("Name", name))).as("Name = %s", name).containsExactly(name);
      assertThat(e2e.rest.retrieve("Account", ids.get(name), "Name").getString("Name")).isEqualTo(name);
    }
    assertThat(names(Condition.contains("Name", "50%"))).containsExactly("50% off");
    assertThat(names(Condition.startsWith("Name", "under_"))).containsExactly("under_score");
    assertThat(names(Condition.in("Name", List.of("O'Brien", "back\\slash"))))
        .containsExactlyInAnyOrder("O'Brien", "back\\slash");
  }

  @Test
  void datesDatetimesAndNumbersRoundTrip() {
    LocalDate close = LocalDate.of(2031, 2, 28);
    String id = e2e.rest.create(SObject.builder("Opportunity").set("Name", "Typed deal").set("StageName", "Prospecting")
        .set("CloseDate", close).set("Amount", new BigDecimal("1234.50")).set("Probability", 35).build()).id();
    SObject deal = e2e.rest.retrieve("Opportunity", id, "CloseDate", "Amount", "Probability", "CreatedDate");
    Instant created = deal.getInstant("CreatedDate");

    assertThat(deal.getDate("CloseDate")).isEqualTo(close);
    assertThat(deal.getDecimal("Amount")).isEqualByComparingTo("1234.50");
    assertThat(deal.getInteger("Probability")).isEqualTo(35);
    String byDate = SoqlBuilder.select("Id").from("Opportunity")
        .where(Condition.eq("CloseDate", close).and(Condition.ge("Amount", new BigDecimal("1234.5")))
            .and(Condition.ge("CreatedDate", created.minusSeconds(1))).and(Condition.isNotNull("StageName")))
        .toSoql();
    assertThat(e2e.rest.query(byDate).stream().map(r -> r.id().orElseThrow())).containsExactly(id);
    String later = SoqlBuilder.select("Id").from("Opportunity")
        .where(Condition.gt("CreatedDate", created.plusSeconds(2))).toSoql();
    assertThat(e2e.rest.query(later).stream()).isEmpty();
  }
}
