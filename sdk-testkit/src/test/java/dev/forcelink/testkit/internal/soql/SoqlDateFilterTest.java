package dev.forcelink.testkit.internal.soql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Date constants against a clock fixed at Wednesday 2024-01-17 12:00 UTC, over one record per day
 * from 2022-12-01 to 2026-01-31. Each record has a date field and two datetime fields: the first
 * and the last second of that day in UTC.
 */
class SoqlDateFilterTest {
    private static final LocalDate FIRST_DAY = LocalDate.of(2022, 12, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(2026, 1, 31);

    private final TestCatalog catalog = new TestCatalog();
    private final TestRecords records = new TestRecords();
    private final SoqlEngine engine = SoqlEngine.builder().clock(SampleOrg.CLOCK).build();

    SoqlDateFilterTest() {
        catalog.object("Event__c").field("Day__c", SoqlFieldType.DATE).field("Starts__c", SoqlFieldType.DATETIME)
                .field("Ends__c", SoqlFieldType.DATETIME);
        int n = 0;
        for (LocalDate day = FIRST_DAY; !day.isAfter(LAST_DAY); day = day.plusDays(1)) {
            Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
            records.add("Event__c", "Id", SampleOrg.id("a00", n++), "Day__c", day, "Starts__c", start,
                    "Ends__c", start.plusSeconds(86_399).atOffset(ZoneOffset.ofHours(5)));
        }
    }

    private List<LocalDate> days(SoqlEngine using, String condition) {
        SoqlResult result = using.execute(using.prepare("SELECT Day__c FROM Event__c WHERE " + condition, catalog),
                records, false);
        return result.records().stream().map(row -> (LocalDate) row.get("Day__c")).toList();
    }

    private List<LocalDate> days(String condition) {
        return days(engine, condition);
    }

    private static List<LocalDate> range(String first, String last) {
        return LocalDate.parse(first).datesUntil(LocalDate.parse(last).plusDays(1)).toList();
    }

    @ParameterizedTest(name = "{0} covers {1} to {2}")
    @CsvSource({
        "TODAY,2024-01-17,2024-01-17",
        "YESTERDAY,2024-01-16,2024-01-16",
        "TOMORROW,2024-01-18,2024-01-18",
        "LAST_WEEK,2024-01-07,2024-01-13",
        "THIS_WEEK,2024-01-14,2024-01-20",
        "NEXT_WEEK,2024-01-21,2024-01-27",
        "LAST_MONTH,2023-12-01,2023-12-31",
        "THIS_MONTH,2024-01-01,2024-01-31",
        "NEXT_MONTH,2024-02-01,2024-02-29",
        "LAST_YEAR,2023-01-01,2023-12-31",
        "THIS_YEAR,2024-01-01,2024-12-31",
        "NEXT_YEAR,2025-01-01,2025-12-31",
        "LAST_N_DAYS:3,2024-01-14,2024-01-17",
        "LAST_N_DAYS:1,2024-01-16,2024-01-17",
        "NEXT_N_DAYS:3,2024-01-18,2024-01-20",
        "N_DAYS_AGO:3,2024-01-14,2024-01-14",
        "LAST_90_DAYS,2023-10-19,2024-01-17",
        "NEXT_90_DAYS,2024-01-18,2024-04-16"})
    void dateConstantCoversItsDaysOnDateAndDateTimeFields(String constant, String first, String last) {
        List<LocalDate> expected = range(first, last);

        assertThat(days("Day__c = " + constant)).isEqualTo(expected);
        assertThat(days("Starts__c = " + constant)).isEqualTo(expected);
        assertThat(days("Ends__c = " + constant)).isEqualTo(expected);
    }

    @Test
    void comparisonsAgainstAConstantUseItsFirstOrLastDay() {
        List<LocalDate> january = range("2024-01-01", "2024-01-31");

        assertThat(days("Day__c < THIS_MONTH")).isEqualTo(range(FIRST_DAY.toString(), "2023-12-31"));
        assertThat(days("Day__c <= THIS_MONTH")).isEqualTo(range(FIRST_DAY.toString(), "2024-01-31"));
        assertThat(days("Day__c > THIS_MONTH")).isEqualTo(range("2024-02-01", LAST_DAY.toString()));
        assertThat(days("Day__c >= THIS_MONTH")).isEqualTo(range("2024-01-01", LAST_DAY.toString()));
        assertThat(days("Ends__c < THIS_MONTH")).isEqualTo(range(FIRST_DAY.toString(), "2023-12-31"));
        assertThat(days("Starts__c > THIS_MONTH")).isEqualTo(range("2024-02-01", LAST_DAY.toString()));
        assertThat(days("Day__c != THIS_MONTH")).hasSize(range(FIRST_DAY.toString(), LAST_DAY.toString()).size()
                - january.size()).doesNotContainAnyElementsOf(january);
        assertThat(days("Day__c IN (YESTERDAY, TOMORROW)")).containsExactly(LocalDate.parse("2024-01-16"),
                LocalDate.parse("2024-01-18"));
    }

    @Test
    void weekConstantsFollowTheConfiguredFirstDayOfWeek() {
        SoqlEngine mondayFirst = SoqlEngine.builder().clock(SampleOrg.CLOCK).firstDayOfWeek(DayOfWeek.MONDAY).build();

        assertThat(days(mondayFirst, "Day__c = THIS_WEEK")).isEqualTo(range("2024-01-15", "2024-01-21"));
    }

    @Test
    void todayIsTakenFromTheClockInUtcAtEachExecution() {
        Clock lateEvening = Clock.fixed(Instant.parse("2024-01-17T23:30:00Z"), ZoneOffset.ofHours(-8));
        SoqlEngine engineLate = SoqlEngine.builder().clock(lateEvening).build();

        assertThat(days(engineLate, "Day__c = TODAY")).containsExactly(LocalDate.parse("2024-01-17"));
    }

    @Test
    void dateLiteralsCompareWithDateFields() {
        assertThat(days("Day__c = 2024-02-29")).containsExactly(LocalDate.parse("2024-02-29"));
        assertThat(days("Day__c > 2026-01-29")).isEqualTo(range("2026-01-30", "2026-01-31"));
        assertThat(days("Day__c <= 2022-12-02")).isEqualTo(range("2022-12-01", "2022-12-02"));
    }

    @Test
    void dateTimeLiteralsCompareInstantsWhateverTheOffset() {
        assertThat(days("Starts__c = 2024-01-17T00:00:00Z")).containsExactly(LocalDate.parse("2024-01-17"));
        assertThat(days("Starts__c = 2024-01-17T01:00:00+01:00")).containsExactly(LocalDate.parse("2024-01-17"));
        assertThat(days("Ends__c >= 2026-01-30T23:59:59.000+0000")).isEqualTo(range("2026-01-30", "2026-01-31"));
        assertThat(days("Starts__c < 2022-12-02T00:00:00Z")).containsExactly(FIRST_DAY);
    }
}
