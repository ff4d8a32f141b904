package dev.lamina.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoTimestampTest {

  private static final DateTimeFormatter REFERENCE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1970-01-01T00:00:00.000Z",
        "2026-11-22T10:53:11.123Z",
        "2000-02-29T23:59:59.999Z",
        "2024-02-29T12:00:00.001Z",
        "2100-03-01T00:00:00.000Z",
        "1969-12-31T23:59:59.999Z",
        "0001-01-01T00:00:00.000Z",
        "9999-12-31T23:59:59.999Z"
      })
  void knownInstants_areFormattedExactly(String iso) {
    assertEquals(iso, format(Instant.parse(iso).toEpochMilli()));
  }

  @Test
  void randomInstantsAcrossFourCenturies_matchJavaTime() {
    SplittableRandom random = new SplittableRandom(42);
    long from = Instant.parse("1900-01-01T00:00:00Z").toEpochMilli();
    long to = Instant.parse("2300-01-01T00:00:00Z").toEpochMilli();
    for (int i = 0; i < 200_000; i++) {
      long millis = random.nextLong(from, to);
      assertEquals(
          REFERENCE.format(Instant.ofEpochMilli(millis)), format(millis), () -> "at " + millis);
    }
  }

  @Test
  void instantsOutsideFourDigitYears_areClamped() {
    assertEquals("9999-12-31T23:59:59.999Z", format(Long.MAX_VALUE));
    assertEquals("0000-01-01T00:00:00.000Z", format(Long.MIN_VALUE));
  }

  private static String format(long millis) {
    char[] out = new char[IsoTimestamp.LENGTH];
    IsoTimestamp.format(millis, out);
    return new String(out);
  }
}
