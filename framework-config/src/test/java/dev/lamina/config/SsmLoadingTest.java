package dev.lamina.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.config.ConfigurationException.Problem;
import dev.lamina.test.CapturedStdout;
import dev.lamina.test.ssm.LocalParameterStore;
import dev.lamina.test.ssm.ParameterType;
import dev.lamina.test.ssm.SsmRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.SsmClient;

/** Loading with the real SsmClient against the local Parameter Store, counting the calls. */
class SsmLoadingTest {
  static final String DB_PASSWORD = "hunter2-db-password";

  private LocalParameterStore store;
  private SsmClient client;
  private CapturedStdout stdout;

  @BeforeEach
  void start() {
    stdout = new CapturedStdout();
    store = LocalParameterStore.start();
    client = LocalSsm.client(store);
  }

  @AfterEach
  void stop() {
    client.close();
    store.close();
    stdout.close();
    assertFalse(stdout.text().contains(DB_PASSWORD), "a secret reached the log");
  }

  private ConfigLoader loader(Map<String, String> env) {
    return ConfigLoader.builder()
        .environment(env)
        .parameterSource(SsmParameters.using(client))
        .build();
  }

  record Twelve(
      @Parameter("/shared/p01") String p01,
      @Parameter("/shared/p02") String p02,
      @Parameter("/shared/p03") String p03,
      @Parameter("/shared/p04") String p04,
      @Parameter("/shared/p05") String p05,
      @Parameter("/shared/p06") String p06,
      @Parameter("/shared/p07") String p07,
      @Parameter("/shared/p08") String p08,
      @Parameter("/shared/p09") String p09,
      @Parameter("/shared/p10") String p10,
      @Parameter("/shared/p11") String p11,
      @Parameter("/other/p12") SecretValue p12) {}

  @Test
  void moreThanTenNamedParameters_areReadInBatchesOfTen_withDecryption() {
    for (int i = 1; i <= 11; i++) {
      store.put(String.format("/shared/p%02d", i), "v" + i);
    }
    store.put("/other/p12", DB_PASSWORD, ParameterType.SECURE_STRING);

    Twelve c = loader(Map.of()).load(Twelve.class);

    assertEquals("v1", c.p01());
    assertEquals("v11", c.p11());
    assertEquals(DB_PASSWORD, c.p12().reveal());
    List<SsmRequest> log = store.requests();
    assertEquals(2, log.size(), log.toString());
    assertEquals(
        List.of("GetParameters", "GetParameters"),
        log.stream().map(SsmRequest::operation).toList());
    assertEquals(10, log.get(0).names().size());
    assertEquals(2, log.get(1).names().size());
    assertTrue(log.stream().allMatch(SsmRequest::withDecryption));
  }

  @ParameterPath("/orders/prod")
  record Orders(
      @PathParameter("k00") String first,
      @PathParameter("k22") String last,
      @PathParameter("db/password") SecretValue dbPassword,
      @Parameter("/orders/prod/k05") String namedUnderPath,
      @Parameter("/shared/region") String region) {}

  @Test
  void aPathWithMoreThanOnePage_isReadByFollowingNextToken_andNamesUnderItCostNoCall() {
    for (int i = 0; i < 23; i++) {
      store.put(String.format("/orders/prod/k%02d", i), "v" + i);
    }
    store.put("/orders/prod/db/password", DB_PASSWORD, ParameterType.SECURE_STRING);
    store.put("/shared/region", "eu-west-1");

    Orders c = loader(Map.of()).load(Orders.class);

    assertEquals("v0", c.first());
    assertEquals("v22", c.last());
    assertEquals("v5", c.namedUnderPath());
    assertEquals("eu-west-1", c.region());
    assertEquals(DB_PASSWORD, c.dbPassword().reveal());
    List<SsmRequest> byPath = store.requests("GetParametersByPath");
    assertEquals(3, byPath.size(), "24 parameters in pages of 10");
    assertNull(byPath.get(0).nextToken());
    assertTrue(byPath.get(1).nextToken() != null && byPath.get(2).nextToken() != null);
    assertTrue(
        byPath.stream().allMatch(r -> r.withDecryption() && "/orders/prod".equals(r.path())));
    List<SsmRequest> named = store.requests("GetParameters");
    assertEquals(1, named.size());
    assertEquals(List.of("/shared/region"), named.get(0).names());
  }

  @ParameterPath("/orders/prod")
  record Mixed(
      @PathParameter("pool-size") int poolSize,
      @Parameter("/shared/api-url") java.net.URI apiUrl,
      @Env("ORDERS_TABLE") String table,
      @PathParameter("db/password") SecretValue dbPassword) {}

  @Test
  void missingParameter_badNumber_andMissingEnvVar_areReportedTogether() {
    store.put("/orders/prod/pool-size", "eight");
    store.put("/orders/prod/db/password", DB_PASSWORD, ParameterType.SECURE_STRING);

    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> loader(Map.of()).load(Mixed.class));

    assertEquals(
        List.of("/orders/prod/pool-size", "/shared/api-url", "ORDERS_TABLE"),
        e.problems().stream().map(Problem::key).toList());
    assertTrue(
        e.getMessage()
            .contains(
                "[/orders/prod/pool-size] (SSM parameter under the path"
                    + " [/orders/prod], field [poolSize], expected int): the value is not a valid int"),
        e.getMessage());
    assertTrue(
        e.getMessage()
            .contains(
                "[/shared/api-url] (SSM parameter, field [apiUrl]," + " expected URI): missing"),
        e.getMessage());
    assertTrue(
        e.getMessage()
            .contains(
                "[ORDERS_TABLE] (environment variable, field [table],"
                    + " expected String): missing"),
        e.getMessage());
    assertFalse(e.getMessage().contains("eight"), e.getMessage());
    assertFalse(e.getMessage().contains(DB_PASSWORD), e.getMessage());
  }

  @Test
  void throttling_isRetriedByTheClient_andTheLoadSucceeds() {
    store.put("/orders/prod/pool-size", "8");
    store.put("/orders/prod/db/password", DB_PASSWORD, ParameterType.SECURE_STRING);
    store.put("/shared/api-url", "https://api.example.com");
    store.throttleNext(2);

    Mixed c = loader(Map.of("ORDERS_TABLE", "orders")).load(Mixed.class);

    assertEquals(8, c.poolSize());
    List<SsmRequest> log = store.requests();
    assertEquals(
        List.of("ThrottlingException", "ThrottlingException"),
        log.stream().filter(r -> !r.succeeded()).map(SsmRequest::errorType).toList());
    assertEquals(2, log.stream().filter(SsmRequest::succeeded).count(), log.toString());
  }

  @Test
  void anUnreadableStore_failsTheLoad_namingTheErrorAndWhatToCheck() {
    store.failNext(1, "AccessDeniedException");

    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> loader(Map.of("ORDERS_TABLE", "orders")).load(Mixed.class));

    assertTrue(
        e.getMessage().contains("could not be read from its parameter source"), e.getMessage());
    assertTrue(e.getMessage().contains("ssm:GetParametersByPath"), e.getMessage());
    assertEquals(1, store.requests().size(), "access denied is not retried");
  }

  @Test
  void clientFromEnvironment_reachesTheEndpointOverride_andRetriesThrottling() {
    store.put("/orders/prod/pool-size", "8");
    store.put("/orders/prod/db/password", DB_PASSWORD, ParameterType.SECURE_STRING);
    store.put("/shared/api-url", "https://api.example.com");
    Map<String, String> env = LocalSsm.environment(store, Map.of("ORDERS_TABLE", "orders"));
    store.throttleNext(1);

    try (ConfigLoader own = ConfigLoader.builder().environment(env).build()) {
      Mixed c = own.load(Mixed.class);
      assertEquals("orders", c.table());
      assertEquals(DB_PASSWORD, c.dbPassword().reveal());
    }
    assertEquals(
        List.of(false, true, true),
        store.requests().stream().map(SsmRequest::succeeded).toList(),
        "Lamina's own client retries throttling: " + store.requests());
  }

  @Test
  void noRegion_failsWithAMessageThatSaysWhatToSet() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> ConfigLoader.builder().environment(Map.of()).build().load(Mixed.class));

    assertTrue(e.getMessage().contains("set [AWS_REGION]"), e.getMessage());
  }
}
