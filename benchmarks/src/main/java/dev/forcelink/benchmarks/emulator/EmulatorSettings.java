package dev.forcelink.benchmarks.emulator;

import dev.forcelink.testkit.PubSubOptions;
import dev.forcelink.testkit.SalesforceEmulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * How {@link EmulatorProcess} starts its child JVM and the emulator inside it: the child's heap and
 * garbage-collector options, how many Accounts to seed before it reports ready, and the emulator
 * limits a benchmark changes. A limit left unset keeps the emulator's default.
 *
 * <p>The settings travel to the child as {@code name=value} arguments ({@link #toArguments()}, read
 * back by {@link #fromArguments(List)}), so both sides share this one shape.
 *
 * <p>Immutable and thread-safe.
 */
public final class EmulatorSettings {
  private static final Pattern HEAP = Pattern.compile("[1-9][0-9]*[kKmMgG]?");
  private static final String HEAP_ARG = "heap";
  private static final String GC_OPTION_ARG = "gcOption";
  private static final String SEEDED_ACCOUNTS_ARG = "seededAccounts";
  private static final String MAX_RECORDS_ARG = "maxRecords";
  private static final String JOURNAL_CAPACITY_ARG = "journalCapacity";
  private static final String DAILY_API_REQUESTS_ARG = "dailyApiRequests";
  private static final String BULK_RESULT_PAGE_SIZE_ARG = "bulkResultPageSize";
  private static final String MAX_EVENTS_PER_TOPIC_ARG = "maxEventsPerTopic";

  private final String heap;
  private final List<String> gcOptions;
  private final int seededAccounts;
  private final Integer maxRecords;
  private final Integer journalCapacity;
  private final Long dailyApiRequests;
  private final Integer bulkResultPageSize;
  private final Integer maxEventsPerTopic;

  private EmulatorSettings(Builder builder) {
    this.heap = builder.heap;
    this.gcOptions = List.copyOf(builder.gcOptions);
    this.seededAccounts = builder.seededAccounts;
    this.maxRecords = builder.maxRecords;
    this.journalCapacity = builder.journalCapacity;
    this.dailyApiRequests = builder.dailyApiRequests;
    this.bulkResultPageSize = builder.bulkResultPageSize;
    this.maxEventsPerTopic = builder.maxEventsPerTopic;
  }

  /**
   * Starts settings for a child JVM with the given heap and every emulator default.
   *
   * @param heap the child's {@code -Xmx} value, such as {@code "3g"} or {@code "512m"}
   * @return a builder
   * @throws IllegalArgumentException if {@code heap} is not a whole number with an optional
   *     {@code k}, {@code m} or {@code g} suffix
   */
  public static Builder builder(String heap) {
    return new Builder(heap);
  }

  /**
   * The settings of the REST benchmarks: {@code accounts} Accounts seeded, room for them plus
   * 10,000 inserts (at least the default 250,000 records), a small request journal, a daily API
   * allowance no run reaches, and the parallel collector.
   *
   * @param accounts how many Accounts to seed (0 or more)
   * @param heap the child's {@code -Xmx} value, such as {@code "3g"}
   * @return the settings
   * @throws IllegalArgumentException if {@code accounts} is negative or {@code heap} is malformed
   */
  public static EmulatorSettings seededForRest(int accounts, String heap) {
    return builder(heap)
        .gcOption("-XX:+UseParallelGC")
        .seededAccounts(accounts)
        .maxRecords(Math.max(250_000, accounts + 10_000))
        .journalCapacity(100)
        .dailyApiRequests(100_000_000L)
        .build();
  }

  /** @return the child's {@code -Xmx} value */
  public String heap() {
    return heap;
  }

  /** @return the child's garbage-collector options, such as {@code -XX:+UseParallelGC}; may be empty */
  public List<String> gcOptions() {
    return gcOptions;
  }

  /** @return how many Accounts the child seeds before it reports ready */
  public int seededAccounts() {
    return seededAccounts;
  }

  /** @return the emulator's record capacity, if set */
  public OptionalInt maxRecords() {
    return optional(maxRecords);
  }

  /** @return how many requests the emulator's journal keeps, if set */
  public OptionalInt journalCapacity() {
    return optional(journalCapacity);
  }

  /** @return the org's daily API request allowance, if set */
  public OptionalLong dailyApiRequests() {
    return dailyApiRequests == null ? OptionalLong.empty() : OptionalLong.of(dailyApiRequests);
  }

  /** @return records per Bulk API result page, if set */
  public OptionalInt bulkResultPageSize() {
    return optional(bulkResultPageSize);
  }

  /** @return the most Pub/Sub events kept per topic, if set */
  public OptionalInt maxEventsPerTopic() {
    return optional(maxEventsPerTopic);
  }

  /** @return the child JVM's options that these settings decide: the heap, then the GC options */
  List<String> jvmOptions() {
    List<String> options = new ArrayList<>();
    options.add("-Xmx" + heap);
    options.addAll(gcOptions);
    return options;
  }

  /** @return these settings as {@code name=value} arguments for {@link #fromArguments(List)} */
  List<String> toArguments() {
    List<String> args = new ArrayList<>();
    args.add(HEAP_ARG + "=" + heap);
    gcOptions.forEach(option -> args.add(GC_OPTION_ARG + "=" + option));
    args.add(SEEDED_ACCOUNTS_ARG + "=" + seededAccounts);
    addIfSet(args, MAX_RECORDS_ARG, maxRecords);
    addIfSet(args, JOURNAL_CAPACITY_ARG, journalCapacity);
    addIfSet(args, DAILY_API_REQUESTS_ARG, dailyApiRequests);
    addIfSet(args, BULK_RESULT_PAGE_SIZE_ARG, bulkResultPageSize);
    addIfSet(args, MAX_EVENTS_PER_TOPIC_ARG, maxEventsPerTopic);
    return args;
  }

  /**
   * Reads settings written by {@link #toArguments()}.
   *
   * @param args {@code name=value} arguments
   * @return the settings
   * @throws IllegalArgumentException naming the argument that is unknown, malformed or out of range
   */
  static EmulatorSettings fromArguments(List<String> args) {
    String heap = args.stream().filter(a -> a.startsWith(HEAP_ARG + "=")).findFirst()
        .map(a -> a.substring(HEAP_ARG.length() + 1))
        .orElseThrow(() -> new IllegalArgumentException("Missing argument " + HEAP_ARG + "=<-Xmx value>"));
    Builder builder = builder(heap);
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq < 1) {
        throw new IllegalArgumentException("Expected name=value, got '" + arg + "'");
      }
      String name = arg.substring(0, eq);
      String value = arg.substring(eq + 1);
      switch (name) {
        case HEAP_ARG -> { }
        case GC_OPTION_ARG -> builder.gcOption(value);
        case SEEDED_ACCOUNTS_ARG -> builder.seededAccounts(parseInt(name, value));
        case MAX_RECORDS_ARG -> builder.maxRecords(parseInt(name, value));
        case JOURNAL_CAPACITY_ARG -> builder.journalCapacity(parseInt(name, value));
        case DAILY_API_REQUESTS_ARG -> builder.dailyApiRequests(parseLong(name, value));
        case BULK_RESULT_PAGE_SIZE_ARG -> builder.bulkResultPageSize(parseInt(name, value));
        case MAX_EVENTS_PER_TOPIC_ARG -> builder.maxEventsPerTopic(parseInt(name, value));
        default -> throw new IllegalArgumentException("Unknown setting '" + name + "' in '" + arg + "'");
      }
    }
    return builder.build();
  }

  /**
   * Applies the emulator limits that are set to {@code builder}; the others keep their defaults.
   *
   * @param builder an emulator builder
   * @return {@code builder}
   */
  SalesforceEmulator.Builder applyTo(SalesforceEmulator.Builder builder) {
    if (maxRecords != null) {
      builder.maxRecords(maxRecords);
    }
    if (journalCapacity != null) {
      builder.journalCapacity(journalCapacity);
    }
    if (dailyApiRequests != null) {
      builder.dailyApiRequests(dailyApiRequests);
    }
    if (bulkResultPageSize != null) {
      builder.bulkResultPageSize(bulkResultPageSize);
    }
    if (maxEventsPerTopic != null) {
      builder.pubSub(PubSubOptions.builder().maxEventsPerTopic(maxEventsPerTopic).build());
    }
    return builder;
  }

  @Override
  public String toString() {
    return "EmulatorSettings" + toArguments();
  }

  private static OptionalInt optional(Integer value) {
    return value == null ? OptionalInt.empty() : OptionalInt.of(value);
  }

  private static void addIfSet(List<String> args, String name, Number value) {
    if (value != null) {
      args.add(name + "=" + value);
    }
  }

  private static int parseInt(String name, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'", e);
    }
  }

  private static long parseLong(String name, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'", e);
    }
  }

  private static int positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, got " + value);
    }
    return value;
  }

  /** Builds {@link EmulatorSettings}. Not thread-safe. */
  public static final class Builder {
    private final String heap;
    private final List<String> gcOptions = new ArrayList<>();
    private int seededAccounts;
    private Integer maxRecords;
    private Integer journalCapacity;
    private Long dailyApiRequests;
    private Integer bulkResultPageSize;
    private Integer maxEventsPerTopic;

    private Builder(String heap) {
      Objects.requireNonNull(heap, "heap");
      if (!HEAP.matcher(heap).matches()) {
        throw new IllegalArgumentException("The child heap must look like 512m or 3g (an -Xmx value), got '"
            + heap + "'");
      }
      this.heap = heap;
    }

    /**
     * Adds a garbage-collector option for the child JVM.
     *
     * @param option such as {@code -XX:+UseParallelGC}
     * @return this builder
     * @throws IllegalArgumentException if {@code option} does not start with {@code -X}
     */
    public Builder gcOption(String option) {
      Objects.requireNonNull(option, "option");
      if (!option.startsWith("-X")) {
        throw new IllegalArgumentException("A GC option starts with -X (such as -XX:+UseParallelGC), got '"
            + option + "'");
      }
      gcOptions.add(option);
      return this;
    }

    /**
     * Sets how many Accounts the child seeds, straight into its record store, before it reports ready.
     *
     * @param count how many Accounts the child seeds into its record store before it reports ready
     *     (default 0)
     * @return this builder
     * @throws IllegalArgumentException if {@code count} is negative
     */
    public Builder seededAccounts(int count) {
      if (count < 0) {
        throw new IllegalArgumentException("seededAccounts must be 0 or more, got " + count);
      }
      this.seededAccounts = count;
      return this;
    }

    /**
     * Sets the emulator's record capacity.
     *
     * @param value the emulator's record capacity (emulator default: 250,000)
     * @return this builder
     * @throws IllegalArgumentException if {@code value} is below 1
     */
    public Builder maxRecords(int value) {
      this.maxRecords = positive(MAX_RECORDS_ARG, value);
      return this;
    }

    /**
     * Sets how many requests the emulator's journal keeps.
     *
     * @param value how many requests the emulator's journal keeps (emulator default: 10,000)
     * @return this builder
     * @throws IllegalArgumentException if {@code value} is below 1
     */
    public Builder journalCapacity(int value) {
      this.journalCapacity = positive(JOURNAL_CAPACITY_ARG, value);
      return this;
    }

    /**
     * Sets the org's daily API request allowance, as reported in {@code Sforce-Limit-Info}.
     *
     * @param value the org's daily API request allowance (emulator default: 100,000)
     * @return this builder
     * @throws IllegalArgumentException if {@code value} is below 1
     */
    public Builder dailyApiRequests(long value) {
      if (value < 1) {
        throw new IllegalArgumentException(DAILY_API_REQUESTS_ARG + " must be at least 1, got " + value);
      }
      this.dailyApiRequests = value;
      return this;
    }

    /**
     * Sets how many records a Bulk API result page holds.
     *
     * @param value records per Bulk API result page (emulator default: 50,000)
     * @return this builder
     * @throws IllegalArgumentException if {@code value} is below 1
     */
    public Builder bulkResultPageSize(int value) {
      this.bulkResultPageSize = positive(BULK_RESULT_PAGE_SIZE_ARG, value);
      return this;
    }

    /**
     * Sets the most Pub/Sub events the emulator keeps per topic.
     *
     * @param value the most Pub/Sub events kept per topic (emulator default: 100,000)
     * @return this builder
     * @throws IllegalArgumentException if {@code value} is below 1
     */
    public Builder maxEventsPerTopic(int value) {
      this.maxEventsPerTopic = positive(MAX_EVENTS_PER_TOPIC_ARG, value);
      return this;
    }

    /**
     * Builds the settings.
     *
     * @return the settings
     */
    public EmulatorSettings build() {
      return new EmulatorSettings(this);
    }
  }
}
