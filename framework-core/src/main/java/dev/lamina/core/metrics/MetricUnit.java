package dev.lamina.core.metrics;

/**
 * The units CloudWatch accepts for a metric, as the Embedded Metric Format names them. {@link
 * #NONE} is what CloudWatch assumes when a metric has no unit.
 */
public enum MetricUnit {
  /** Seconds. */
  SECONDS("Seconds"),
  /** Microseconds. */
  MICROSECONDS("Microseconds"),
  /** Milliseconds. */
  MILLISECONDS("Milliseconds"),
  /** Bytes. */
  BYTES("Bytes"),
  /** Kilobytes. */
  KILOBYTES("Kilobytes"),
  /** Megabytes. */
  MEGABYTES("Megabytes"),
  /** Gigabytes. */
  GIGABYTES("Gigabytes"),
  /** Terabytes. */
  TERABYTES("Terabytes"),
  /** Bits. */
  BITS("Bits"),
  /** Kilobits. */
  KILOBITS("Kilobits"),
  /** Megabits. */
  MEGABITS("Megabits"),
  /** Gigabits. */
  GIGABITS("Gigabits"),
  /** Terabits. */
  TERABITS("Terabits"),
  /** Percent. */
  PERCENT("Percent"),
  /** A count. */
  COUNT("Count"),
  /** Bytes per second. */
  BYTES_PER_SECOND("Bytes/Second"),
  /** Kilobytes per second. */
  KILOBYTES_PER_SECOND("Kilobytes/Second"),
  /** Megabytes per second. */
  MEGABYTES_PER_SECOND("Megabytes/Second"),
  /** Gigabytes per second. */
  GIGABYTES_PER_SECOND("Gigabytes/Second"),
  /** Terabytes per second. */
  TERABYTES_PER_SECOND("Terabytes/Second"),
  /** Bits per second. */
  BITS_PER_SECOND("Bits/Second"),
  /** Kilobits per second. */
  KILOBITS_PER_SECOND("Kilobits/Second"),
  /** Megabits per second. */
  MEGABITS_PER_SECOND("Megabits/Second"),
  /** Gigabits per second. */
  GIGABITS_PER_SECOND("Gigabits/Second"),
  /** Terabits per second. */
  TERABITS_PER_SECOND("Terabits/Second"),
  /** A count per second. */
  COUNT_PER_SECOND("Count/Second"),
  /** No unit. */
  NONE("None");

  private final String cloudWatchName;

  MetricUnit(String cloudWatchName) {
    this.cloudWatchName = cloudWatchName;
  }

  /** The unit as CloudWatch spells it, such as {@code Bytes/Second}. */
  public String cloudWatchName() {
    return cloudWatchName;
  }
}
