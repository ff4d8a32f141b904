package dev.lamina.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.test.CapturedStdout;
import dev.lamina.test.MutableClock;
import dev.lamina.test.ssm.LocalParameterStore;
import dev.lamina.test.ssm.ParameterType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.SsmClient;

/** Max age, refresh, and stale values on a failed refresh, with a fake clock and the real client. */
class CachedConfigTest {
  static final String TOKEN_V1 = "tok-v1-very-secret";
  static final String TOKEN_V2 = "tok-v2-very-secret";

  @ParameterPath("/svc")
  record Svc(@PathParameter int poolSize, @PathParameter SecretValue token) {}

  private LocalParameterStore store;
  private SsmClient client;
  private CapturedStdout stdout;
  private final MutableClock clock = MutableClock.at(Instant.parse("2026-11-22T10:00:00Z"));

  @BeforeEach
  void start() {
    stdout = new CapturedStdout();
    store = LocalParameterStore.start();
    client = LocalSsm.client(store);
    store.put("/svc/pool-size", "4");
    store.put("/svc/token", TOKEN_V1, ParameterType.SECURE_STRING);
  }

  @AfterEach
  void stop() {
    client.close();
    store.close();
    stdout.close();
    for (String secret : List.of(TOKEN_V1, TOKEN_V2)) {
      assertFalse(stdout.text().contains(secret), "a secret reached the log");
    }
  }

  private CachedConfig<Svc> cache(Duration maxAge) {
    return ConfigLoader.builder()
        .environment(Map.of())
        .clock(clock)
        .maxAge(maxAge)
        .parameterSource(SsmParameters.using(client))
        .build()
        .cache(Svc.class);
  }

  private List<String> warnings() {
    return stdout.lines().stream().filter(l -> l.contains("\"WARN\"")).toList();
  }

  @Test
  void valuesYoungerThanMaxAge_areServedFromTheCache_withoutACall() {
    CachedConfig<Svc> config = cache(Duration.ofMinutes(5));
    store.put("/svc/pool-size", "8");
    store.clearRequests();

    clock.advance(Duration.ofMinutes(4).plusSeconds(59));

    assertEquals(4, config.get().poolSize());
    assertEquals(0, store.requests().size());
  }

  @Test
  void afterMaxAge_theNextReadRefreshes_once() {
    CachedConfig<Svc> config = cache(Duration.ofMinutes(5));
    store.put("/svc/pool-size", "8");
    store.put("/svc/token", TOKEN_V2, ParameterType.SECURE_STRING);
    store.clearRequests();

    clock.advance(Duration.ofMinutes(5));
    Svc refreshed = config.get();
    Svc again = config.get();

    assertEquals(8, refreshed.poolSize());
    assertEquals(TOKEN_V2, refreshed.token().reveal());
    assertEquals(refreshed, again);
    assertEquals(1, store.requests().size(), "one GetParametersByPath, then cached again");
    assertEquals(clock.instant(), config.loadedAt());
  }

  @Test
  void failedRefresh_keepsTheLastGoodValues_logsOneWarning_andBacksOffOneMaxAge() {
    CachedConfig<Svc> config = cache(Duration.ofMinutes(5));
    store.put("/svc/pool-size", "8");
    store.failNext(1, "AccessDeniedException");
    store.clearRequests();

    clock.advance(Duration.ofMinutes(5));
    Svc stale = config.get();
    clock.advance(Duration.ofMinutes(1));
    Svc stillStale = config.get();

    assertEquals(4, stale.poolSize());
    assertEquals(4, stillStale.poolSize());
    assertEquals(1, store.requests().size(), "no new attempt before another max age");
    assertEquals(1, warnings().size(), stdout.text());
    assertTrue(
        warnings()
            .get(0)
            .contains(
                "Refreshing configuration ["
                    + Svc.class.getName()
                    + "] failed; keeping the values loaded at 2026-11-22T10:00:00Z"),
        warnings().get(0));

    clock.advance(Duration.ofMinutes(4));
    assertEquals(8, config.get().poolSize());
    assertEquals(1, warnings().size());
  }

  @Test
  void refreshThatFailsValidation_keepsTheLastGoodValues_andTheWarningNamesTheKeyNotTheValue() {
    CachedConfig<Svc> config = cache(Duration.ofMinutes(1));
    store.put("/svc/pool-size", "lots");

    clock.advance(Duration.ofMinutes(1));
    Svc kept = config.get();

    assertEquals(4, kept.poolSize());
    assertEquals(TOKEN_V1, kept.token().reveal());
    assertEquals(1, warnings().size(), stdout.text());
    assertTrue(warnings().get(0).contains("[/svc/pool-size]"), warnings().get(0));
    assertFalse(warnings().get(0).contains("lots"), warnings().get(0));
  }

  @Test
  void zeroMaxAge_neverRefreshesByAge_butInvalidateForcesTheNextReadToRefresh() {
    CachedConfig<Svc> config = cache(Duration.ZERO);
    store.put("/svc/pool-size", "8");
    store.clearRequests();

    clock.advance(Duration.ofDays(30));
    assertEquals(4, config.get().poolSize());
    config.invalidate();
    assertEquals(8, config.get().poolSize());
    assertEquals(1, store.requests().size());
  }

  @Test
  void explicitRefresh_throwsOnFailure_andKeepsTheCurrentValues() {
    CachedConfig<Svc> config = cache(Duration.ofMinutes(5));
    store.delete("/svc/pool-size");

    ConfigurationException e = assertThrows(ConfigurationException.class, config::refresh);

    assertTrue(e.getMessage().contains("[/svc/pool-size]"), e.getMessage());
    assertEquals(4, config.current().poolSize());
  }

  @Test
  void describe_andToString_neverShowTheSecureValue() {
    CachedConfig<Svc> config = cache(Duration.ofMinutes(5));

    assertEquals("Svc[poolSize=4, token=****]", config.describe());
    assertEquals("Svc[poolSize=4, token=****]", config.current().toString());
    assertFalse(config.toString().contains(TOKEN_V1));
  }
}
