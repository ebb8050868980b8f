package dev.forcelink.core.limits;

import java.util.Objects;
import java.util.Optional;

/**
 * A client-side guard that keeps an integration from using up the org's daily API allocation, which
 * the org's users and other integrations share. Before each call the connection compares the latest
 * {@link ApiUsage} it has seen with this budget and, when the usage is above
 * {@link #maxDailyShare()} or the remaining calls are at or below {@link #reserve()}, refuses the
 * call with {@link dev.forcelink.core.exception.ApiBudgetExceededException} without sending it.
 * Before the first response there is no usage to compare, so the first call always goes out.
 *
 * <p>Immutable and thread-safe.
 */
public final class ApiBudget {
  private final double maxDailyShare;
  private final long reserve;

  private ApiBudget(double maxDailyShare, long reserve) {
    this.maxDailyShare = maxDailyShare;
    this.reserve = reserve;
  }

  /**
   * Creates a budget that refuses calls once more than {@code maxDailyShare} of the daily allocation
   * is used.
   *
   * @param maxDailyShare a share in (0, 1], such as 0.9 for 90 %
   * @return the budget, with no reserve
   * @throws IllegalArgumentException if the share is not in (0, 1]
   */
  public static ApiBudget maxDailyShare(double maxDailyShare) {
    if (!(maxDailyShare > 0.0 && maxDailyShare <= 1.0)) {
      throw new IllegalArgumentException(
          "maxDailyShare must be in (0, 1], such as 0.9 for 90 %, got " + maxDailyShare);
    }
    return new ApiBudget(maxDailyShare, 0);
  }

  /**
   * Returns a copy that also refuses calls while at most {@code reserve} calls remain in the daily
   * allocation, keeping them for people and other integrations.
   *
   * @param reserve calls to keep; zero or positive
   * @return the new budget
   * @throws IllegalArgumentException if negative
   */
  public ApiBudget reserve(long reserve) {
    if (reserve < 0) {
      throw new IllegalArgumentException("reserve must not be negative, got " + reserve);
    }
    return new ApiBudget(maxDailyShare, reserve);
  }

  /**
   * Returns the highest share of the daily allocation this client may see used before refusing.
   *
   * @return a share in (0, 1]
   */
  public double maxDailyShare() {
    return maxDailyShare;
  }

  /**
   * Returns the calls kept in reserve.
   *
   * @return zero or more
   */
  public long reserve() {
    return reserve;
  }

  /**
   * Checks a usage snapshot against this budget.
   *
   * @param usage the latest usage
   * @return a sentence saying why the call must be refused and what to do, or empty when it may go
   * @throws NullPointerException if {@code usage} is null
   */
  public Optional<String> refusal(ApiUsage usage) {
    Objects.requireNonNull(usage, "usage");
    if (usage.max() <= 0) {
      return Optional.empty();
    }
    boolean overShare = usage.dailyShareUsed() > maxDailyShare;
    boolean inReserve = reserve > 0 && usage.remaining() <= reserve;
    if (!overShare && !inReserve) {
      return Optional.empty();
    }
    String why = overShare
        ? String.format(java.util.Locale.ROOT, "above the configured maximum share of %.1f %%",
            maxDailyShare * 100)
        : "within the configured reserve of " + reserve + " calls";
    return Optional.of("API budget guard refused the call: the org has used " + usage.used() + " of "
        + usage.max() + " daily API requests (as of " + usage.observedAt() + "), " + why
        + ". Nothing was sent. Wait for the rolling 24-hour window to free calls, raise the budget"
        + " on the connection (ApiBudget.maxDailyShare / reserve), or move bulk work to Bulk API 2.0.");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ApiBudget
        && Double.compare(((ApiBudget) o).maxDailyShare, maxDailyShare) == 0
        && ((ApiBudget) o).reserve == reserve;
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxDailyShare, reserve);
  }

  @Override
  public String toString() {
    return "ApiBudget{maxDailyShare=" + maxDailyShare + ", reserve=" + reserve + "}";
  }
}
