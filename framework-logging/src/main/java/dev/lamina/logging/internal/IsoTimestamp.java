package dev.lamina.logging.internal;

/**
 * Writes epoch milliseconds as an ISO-8601 UTC timestamp with milliseconds,
 * {@code 2026-11-22T10:53:11.123Z}, into a caller-supplied {@code char[]}.
 *
 * <p>Hand-written on purpose: {@code Instant.toString()} and {@code DateTimeFormatter} load
 * several dozen {@code java.time} classes on first use, which a cold start pays for one log
 * line. The date arithmetic is the days-to-civil algorithm from Howard Hinnant's
 * "chrono-Compatible Low-Level Date Algorithms".
 *
 * <p>Stateless and thread-safe. Instants outside years 0000..9999 are clamped to that range
 * so that every timestamp has the same {@value #LENGTH}-character shape.
 */
public final class IsoTimestamp {

  /** Characters written by {@link #format(long, char[])}. */
  public static final int LENGTH = 24;

  private static final long MILLIS_PER_DAY = 86_400_000L;

  /** 0000-01-01T00:00:00.000Z. */
  private static final long MIN_MILLIS = -62_167_219_200_000L;

  /** 9999-12-31T23:59:59.999Z. */
  private static final long MAX_MILLIS = 253_402_300_799_999L;

  private IsoTimestamp() {}

  /**
   * Writes {@code epochMillis} into {@code out[0..24)}.
   *
   * @param epochMillis milliseconds since 1970-01-01T00:00:00Z
   * @param out a buffer of at least {@value #LENGTH} characters; not null
   */
  public static void format(long epochMillis, char[] out) {
    long millis = Math.min(Math.max(epochMillis, MIN_MILLIS), MAX_MILLIS);
    long days = Math.floorDiv(millis, MILLIS_PER_DAY);
    int millisOfDay = (int) Math.floorMod(millis, MILLIS_PER_DAY);

    long z = days + 719_468;
    long era = (z >= 0 ? z : z - 146_096) / 146_097;
    long dayOfEra = z - era * 146_097;
    long yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    long shiftedMonth = (5 * dayOfYear + 2) / 153;
    int day = (int) (dayOfYear - (153 * shiftedMonth + 2) / 5 + 1);
    int month = (int) (shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9);
    int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));

    digits(out, 0, year, 4);
    out[4] = '-';
    digits(out, 5, month, 2);
    out[7] = '-';
    digits(out, 8, day, 2);
    out[10] = 'T';
    digits(out, 11, millisOfDay / 3_600_000, 2);
    out[13] = ':';
    digits(out, 14, millisOfDay / 60_000 % 60, 2);
    out[16] = ':';
    digits(out, 17, millisOfDay / 1_000 % 60, 2);
    out[19] = '.';
    digits(out, 20, millisOfDay % 1_000, 3);
    out[23] = 'Z';
  }

  private static void digits(char[] out, int offset, int value, int width) {
    for (int i = offset + width - 1; i >= offset; i--) {
      out[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
