package dev.forcelink.testkit.internal.soql;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * SOQL date constants. Each one is a range of whole days, {@code [start, end)}, relative to today;
 * on a datetime field the days are taken in UTC.
 */
enum DateConstant {
    YESTERDAY(false), TODAY(false), TOMORROW(false),
    LAST_WEEK(false), THIS_WEEK(false), NEXT_WEEK(false),
    LAST_MONTH(false), THIS_MONTH(false), NEXT_MONTH(false),
    LAST_YEAR(false), THIS_YEAR(false), NEXT_YEAR(false),
    LAST_90_DAYS(false), NEXT_90_DAYS(false),
    LAST_N_DAYS(true), NEXT_N_DAYS(true), N_DAYS_AGO(true);

    private final boolean takesArgument;

    DateConstant(boolean takesArgument) {
        this.takesArgument = takesArgument;
    }

    boolean takesArgument() {
        return takesArgument;
    }

    /** The constant by name, case-insensitively, or null. */
    static DateConstant find(String name) {
        for (DateConstant constant : values()) {
            if (constant.name().equalsIgnoreCase(name)) {
                return constant;
            }
        }
        return null;
    }

    /**
     * The range of days this constant covers.
     *
     * <p>LAST_N_DAYS:n runs from n days ago through today (Salesforce includes today, so
     * LAST_N_DAYS:1 is yesterday and today); NEXT_N_DAYS:n runs from tomorrow for n days; LAST_90_DAYS
     * and NEXT_90_DAYS are those with n = 90.
     */
    DayRange range(LocalDate today, int n, DayOfWeek firstDayOfWeek) {
        LocalDate weekStart = today.with(TemporalAdjusters.previousOrSame(firstDayOfWeek));
        LocalDate monthStart = today.withDayOfMonth(1);
        LocalDate yearStart = today.withDayOfYear(1);
        return switch (this) {
            case YESTERDAY -> days(today.minusDays(1), 1);
            case TODAY -> days(today, 1);
            case TOMORROW -> days(today.plusDays(1), 1);
            case LAST_WEEK -> days(weekStart.minusWeeks(1), 7);
            case THIS_WEEK -> days(weekStart, 7);
            case NEXT_WEEK -> days(weekStart.plusWeeks(1), 7);
            case LAST_MONTH -> new DayRange(monthStart.minusMonths(1), monthStart);
            case THIS_MONTH -> new DayRange(monthStart, monthStart.plusMonths(1));
            case NEXT_MONTH -> new DayRange(monthStart.plusMonths(1), monthStart.plusMonths(2));
            case LAST_YEAR -> new DayRange(yearStart.minusYears(1), yearStart);
            case THIS_YEAR -> new DayRange(yearStart, yearStart.plusYears(1));
            case NEXT_YEAR -> new DayRange(yearStart.plusYears(1), yearStart.plusYears(2));
            case LAST_90_DAYS -> new DayRange(today.minusDays(90), today.plusDays(1));
            case NEXT_90_DAYS -> days(today.plusDays(1), 90);
            case LAST_N_DAYS -> new DayRange(today.minusDays(n), today.plusDays(1));
            case NEXT_N_DAYS -> days(today.plusDays(1), n);
            case N_DAYS_AGO -> days(today.minusDays(n), 1);
        };
    }

    private static DayRange days(LocalDate start, int count) {
        return new DayRange(start, start.plusDays(count));
    }

    /** Days from {@code start} (inclusive) to {@code end} (exclusive). */
    record DayRange(LocalDate start, LocalDate end) {
    }
}
