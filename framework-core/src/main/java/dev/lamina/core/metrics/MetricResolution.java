package dev.lamina.core.metrics;

/** How finely CloudWatch stores a metric: the Embedded Metric Format's {@code StorageResolution}. */
public enum MetricResolution {
  /** One-minute resolution, CloudWatch's default ({@code StorageResolution} 60). */
  STANDARD(60),
  /** One-second resolution, billed as a high-resolution metric ({@code StorageResolution} 1). */
  HIGH(1);

  private final int seconds;

  MetricResolution(int seconds) {
    this.seconds = seconds;
  }

  /** The storage resolution in seconds: 60 or 1. */
  public int seconds() {
    return seconds;
  }
}
