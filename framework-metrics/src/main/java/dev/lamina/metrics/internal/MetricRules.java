package dev.lamina.metrics.internal;

import dev.lamina.core.metrics.InvalidMetricException;

/**
 * The Embedded Metric Format's and CloudWatch's rules for names and values, in one place. Every
 * message names the entry and the rule, never the value (a dimension value may come from a
 * payload).
 */
public final class MetricRules {
  /** Metric definitions in one metric directive, and so on one line. */
  public static final int MAX_METRICS_PER_LINE = 100;

  /** Values of one metric on one line. */
  public static final int MAX_VALUES_PER_METRIC = 100;

  /** Dimensions in one dimension set. */
  public static final int MAX_DIMENSIONS = 30;

  /** Characters of a dimension name (the specification's schema). */
  public static final int MAX_DIMENSION_NAME = 250;

  /** Characters of a dimension value. */
  public static final int MAX_DIMENSION_VALUE = 1024;

  /** Characters of a metric name, a namespace and a metadata key (CloudWatch's limit). */
  public static final int MAX_NAME = 255;

  /** The dimension every invocation's default set starts with. */
  public static final String SERVICE = "Service";

  /** The member the format reserves for itself. */
  public static final String RESERVED = "_aws";

  private MetricRules() {}

  /** Checks a metric name. */
  public static void checkMetricName(String name) {
    if (name == null) {
      throw new InvalidMetricException("A metric name must not be null");
    }
    checkLength("Metric name", name, MAX_NAME);
    if (isBlank(name)) {
      throw new InvalidMetricException("A metric name must hold a character that is not a space");
    }
    if (RESERVED.equals(name)) {
      throw new InvalidMetricException(
          "[_aws] is reserved by the Embedded Metric Format; choose another metric name");
    }
  }

  /** Checks a value: JSON has no NaN or infinity, and CloudWatch takes neither. */
  public static void checkValue(String name, double value) {
    if (!Double.isFinite(value)) {
      throw new InvalidMetricException(
          "Metric [" + name + "] got a value that is not a finite number; record finite values");
    }
  }

  /** Checks a dimension's name and value. */
  public static void checkDimension(String name, String value) {
    if (name == null) {
      throw new InvalidMetricException("A dimension name must not be null");
    }
    checkLength("Dimension name", name, MAX_DIMENSION_NAME);
    if (!isAscii(name) || isBlank(name)) {
      throw new InvalidMetricException(
          "Dimension name ["
              + printable(name)
              + "] must be ASCII characters with at least one that is not a space");
    }
    if (name.charAt(0) == ':') {
      throw new InvalidMetricException("Dimension name [" + name + "] must not start with ':'");
    }
    if (RESERVED.equals(name)) {
      throw new InvalidMetricException(
          "[_aws] is reserved by the Embedded Metric Format; choose another dimension name");
    }
    if (value == null) {
      throw new InvalidMetricException("Dimension [" + name + "] must have a value, not null");
    }
    if (value.isEmpty() || value.length() > MAX_DIMENSION_VALUE) {
      throw new InvalidMetricException(
          "The value of dimension ["
              + name
              + "] must be 1 to "
              + MAX_DIMENSION_VALUE
              + " characters, was "
              + value.length());
    }
    if (!isAscii(value) || isBlank(value)) {
      throw new InvalidMetricException(
          "The value of dimension ["
              + name
              + "] must be ASCII characters with at least one that is not a space");
    }
  }

  /** Checks a namespace; {@code setting} names where it came from. */
  public static void checkNamespace(String namespace, String setting) {
    if (namespace.isEmpty() || namespace.length() > MAX_NAME) {
      throw new InvalidMetricException(
          "[" + setting + "] must be 1 to " + MAX_NAME + " characters, was " + namespace.length());
    }
    if (!isAscii(namespace) || isBlank(namespace)) {
      throw new InvalidMetricException(
          "[" + setting + "] must be ASCII characters with at least one that is not a space");
    }
    if (namespace.startsWith("AWS/")) {
      throw new InvalidMetricException(
          "[" + setting + "] must not start with AWS/, which CloudWatch keeps for AWS services");
    }
  }

  /** Checks a metadata key. */
  public static void checkMetadataKey(String key) {
    if (key == null) {
      throw new InvalidMetricException("A metadata key must not be null");
    }
    checkLength("Metadata key", key, MAX_NAME);
    if (RESERVED.equals(key)) {
      throw new InvalidMetricException(
          "[_aws] is reserved by the Embedded Metric Format; choose another metadata key");
    }
  }

  private static void checkLength(String what, String name, int max) {
    if (name.isEmpty() || name.length() > max) {
      throw new InvalidMetricException(
          what + " must be 1 to " + max + " characters, was " + name.length());
    }
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        return false;
      }
    }
    return true;
  }

  private static boolean isBlank(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isWhitespace(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** A name as it may be shown: non-ASCII characters replaced, so a message stays one line. */
  private static String printable(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      b.append(c < 0x20 || c > 0x7e ? '?' : c);
    }
    return b.toString();
  }
}
