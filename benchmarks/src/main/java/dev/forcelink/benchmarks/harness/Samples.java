package dev.forcelink.benchmarks.harness;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Measurements of one variant over several rounds. Not thread-safe.
 */
public final class Samples {
  private final List<Double> values = new ArrayList<>();

  /**
   * Adds one round's figure.
   *
   * @param value the figure
   */
  public void add(double value) {
    values.add(value);
  }

  /**
   * Returns the median of the rounds so far.
   *
   * @return the median
   * @throws IllegalStateException if there is none
   */
  public double median() {
    if (values.isEmpty()) {
      throw new IllegalStateException("no samples");
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** @return the smallest figure */
  public double min() {
    return Collections.min(values);
  }

  /** @return the largest figure */
  public double max() {
    return Collections.max(values);
  }

  /** @return every figure, in the order measured */
  public List<Double> all() {
    return List.copyOf(values);
  }
}
