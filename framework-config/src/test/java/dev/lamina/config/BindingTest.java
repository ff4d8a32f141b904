package dev.lamina.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Conversions and naming, from environment variables and an in-memory parameter source. */
class BindingTest {

  enum Tier {
    FREE,
    PRO_PLUS
  }

  record Limits(int perMinute, List<String> burst) {}

  record Everything(
      String name,
      @Env("PORT_NUMBER") int port,
      long big,
      double ratio,
      boolean enabled,
      Duration timeout,
      Duration shortTimeout,
      Tier tier,
      List<Integer> ports,
      URI endpoint,
      Limits limits,
      Optional<String> nickname,
      @NotRequired String replyTo,
      @Default("7") int retries,
      @Default("a, b") List<String> tags,
      SecretValue apiKey) {}

  static final Map<String, String> ENV =
      Map.ofEntries(
          Map.entry("NAME", "orders"),
          Map.entry("PORT_NUMBER", "8080"),
          Map.entry("BIG", "9000000000"),
          Map.entry("RATIO", "0.25"),
          Map.entry("ENABLED", "TRUE"),
          Map.entry("TIMEOUT", "PT30S"),
          Map.entry("SHORT_TIMEOUT", "500ms"),
          Map.entry("TIER", "pro-plus"),
          Map.entry("PORTS", "1, 2,3"),
          Map.entry("ENDPOINT", "https://example.com/api"),
          Map.entry("LIMITS", "{\"perMinute\":60,\"burst\":[\"x\",\"y\"]}"),
          Map.entry("REPLY_TO", ""),
          Map.entry("API_KEY", "k-123"));

  static ConfigLoader loader(Map<String, String> env) {
    return ConfigLoader.builder().environment(env).build();
  }

  @Test
  void recordComponents_bindFromEnvironmentByConvention_withEveryConversion() {
    Everything c = loader(ENV).load(Everything.class);

    assertEquals("orders", c.name());
    assertEquals(8080, c.port());
    assertEquals(9_000_000_000L, c.big());
    assertEquals(0.25, c.ratio());
    assertTrue(c.enabled());
    assertEquals(Duration.ofSeconds(30), c.timeout());
    assertEquals(Duration.ofMillis(500), c.shortTimeout());
    assertEquals(Tier.PRO_PLUS, c.tier());
    assertEquals(List.of(1, 2, 3), c.ports());
    assertEquals(URI.create("https://example.com/api"), c.endpoint());
    assertEquals(new Limits(60, List.of("x", "y")), c.limits());
    assertEquals(Optional.empty(), c.nickname());
    assertNull(c.replyTo(), "an empty variable counts as unset");
    assertEquals(7, c.retries());
    assertEquals(List.of("a", "b"), c.tags());
    assertEquals("k-123", c.apiKey().reveal());
  }

  @Test
  void secretValue_isMaskedInTheRecordsOwnToString_andInDescribe() {
    Everything c = loader(ENV).load(Everything.class);
    CachedConfig<Everything> cached = loader(ENV).cache(Everything.class);

    assertFalse(c.toString().contains("k-123"), c.toString());
    assertTrue(c.toString().contains("apiKey=****"), c.toString());
    assertFalse(cached.describe().contains("k-123"), cached.describe());
    assertTrue(cached.describe().contains("name=orders"), cached.describe());
    assertFalse(cached.toString().contains("orders"), "toString names the type only");
  }

  static class PlainClass {
    @Env("HOST_NAME")
    String host;

    int port;

    @Default("PT1M")
    Duration ttl;

    static String ignoredStatic = "x";
  }

  @Test
  void plainClasses_bindThroughTheirFields() {
    PlainClass c = loader(Map.of("HOST_NAME", "db", "PORT", "5432")).load(PlainClass.class);

    assertEquals("db", c.host);
    assertEquals(5432, c.port);
    assertEquals(Duration.ofMinutes(1), c.ttl);
  }

  @ParameterPath("/svc/prod")
  record FromParameters(
      @PathParameter int poolSize,
      @PathParameter("db/url") URI dbUrl,
      @Parameter("/shared/region") String region,
      @PathParameter List<String> hosts) {}

  @Test
  void parameters_bindByFullNameAndByKeyUnderThePath_fromAnySource() {
    ParameterSource inMemory =
        (names, paths) -> {
          assertEquals(java.util.Set.of("/shared/region"), names);
          assertEquals(java.util.Set.of("/svc/prod"), paths);
          return List.of(
              new ParameterValue("/svc/prod/pool-size", "8", false),
              new ParameterValue("/svc/prod/db/url", "jdbc:postgresql://db/orders", false),
              new ParameterValue("/svc/prod/hosts", "a,b,c", false),
              new ParameterValue("/shared/region", "eu-west-1", false));
        };

    FromParameters c =
        ConfigLoader.builder()
            .environment(Map.of())
            .parameterSource(inMemory)
            .build()
            .load(FromParameters.class);

    assertEquals(8, c.poolSize());
    assertEquals(URI.create("jdbc:postgresql://db/orders"), c.dbUrl());
    assertEquals("eu-west-1", c.region());
    assertEquals(List.of("a", "b", "c"), c.hosts());
  }

  @ParameterPath(fromEnv = "CONFIG_PATH")
  record PathFromEnv(@PathParameter String color) {}

  @Test
  void parameterPath_canComeFromAnEnvironmentVariable() {
    ParameterSource inMemory =
        (names, paths) ->
            List.of(new ParameterValue(paths.iterator().next() + "/color", "blue", false));

    PathFromEnv c =
        ConfigLoader.builder()
            .environment(Map.of("CONFIG_PATH", "/stage/dev/"))
            .parameterSource(inMemory)
            .build()
            .load(PathFromEnv.class);

    assertEquals("blue", c.color());
  }

  @ParameterPath("/")
  record AtTheRoot(@PathParameter String color) {}

  @Test
  void theRootPath_joinsKeysWithOneSlash() {
    ParameterSource inMemory =
        (names, paths) -> List.of(new ParameterValue("/color", "green", false));

    AtTheRoot c =
        ConfigLoader.builder()
            .environment(Map.of())
            .parameterSource(inMemory)
            .build()
            .load(AtTheRoot.class);

    assertEquals("green", c.color());
  }

  record EnvOnly(String a) {}

  @Test
  void envOnlyTypes_neverAskTheParameterSource() {
    ParameterSource failing =
        (names, paths) -> {
          throw new AssertionError("must not be called");
        };

    EnvOnly c =
        ConfigLoader.builder()
            .environment(Map.of("A", "1"))
            .parameterSource(failing)
            .build()
            .load(EnvOnly.class);

    assertEquals("1", c.a());
  }

  @Test
  void builder_rejectsANegativeMaxAge_namingTheSetting() {
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class,
            () -> ConfigLoader.builder().maxAge(Duration.ofSeconds(-1)).build());
    assertTrue(e.getMessage().contains("[maxAge]"), e.getMessage());
  }
}
