package dev.lamina.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.config.ConfigurationException.Problem;
import dev.lamina.core.codec.Codecs;
import dev.lamina.test.CapturedStdout;
import dev.lamina.test.ssm.LocalParameterStore;
import dev.lamina.test.ssm.ParameterType;
import dev.lamina.test.ssm.SsmRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reading through the Parameters and Secrets extension's HTTP API, served by the local store. */
class ExtensionSourceTest {
  static final String PASSWORD = "ext-secret-password-1";

  @ParameterPath("/orders/prod")
  record Orders(
      @PathParameter int poolSize,
      @PathParameter("db/password") SecretValue password,
      @Parameter("/shared/region") String region) {}

  private LocalParameterStore store;
  private CapturedStdout stdout;

  @BeforeEach
  void start() {
    stdout = new CapturedStdout();
    store = LocalParameterStore.start();
  }

  @AfterEach
  void stop() {
    store.close();
    stdout.close();
    assertFalse(stdout.text().contains(PASSWORD), "a secret reached the log");
  }

  private ConfigLoader loader(Map<String, String> env) {
    return ConfigLoader.builder()
        .environment(env)
        .parameterAccess(ParameterAccess.EXTENSION)
        .codec(Codecs.standard())
        .build();
  }

  private Map<String, String> env() {
    return Map.of(
        "AWS_SESSION_TOKEN",
        "session-token",
        ParametersExtension.PORT_VARIABLE,
        Integer.toString(store.port()));
  }

  @Test
  void pathAndNamedFields_areReadByFullName_oneLocalCallEach_withDecryption() {
    store.put("/orders/prod/pool-size", "8");
    store.put("/orders/prod/db/password", PASSWORD, ParameterType.SECURE_STRING);
    store.put("/orders/prod/unrelated", "not asked for");
    store.put("/shared/region", "eu-west-1");

    Orders c = loader(env()).load(Orders.class);

    assertEquals(8, c.poolSize());
    assertEquals(PASSWORD, c.password().reveal());
    assertEquals("eu-west-1", c.region());
    List<SsmRequest> log = store.requests();
    assertTrue(
        log.stream()
            .allMatch(
                r -> r.operation().equals(LocalParameterStore.EXTENSION_GET) && r.withDecryption()),
        log.toString());
    assertEquals(
        List.of("/orders/prod/db/password", "/orders/prod/pool-size", "/shared/region"),
        log.stream().map(r -> r.names().get(0)).toList());
  }

  @Test
  void missingParameters_areReportedTogether_asWithTheSdk() {
    store.put("/orders/prod/pool-size", "eight");

    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> loader(env()).load(Orders.class));

    assertEquals(
        List.of("/orders/prod/pool-size", "/orders/prod/db/password", "/shared/region"),
        e.problems().stream().map(Problem::key).toList());
    assertFalse(e.getMessage().contains("eight"), e.getMessage());
  }

  @Test
  void noSessionToken_failsWithAMessageThatSaysWhy() {
    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> loader(Map.of()).load(Orders.class));

    assertTrue(e.getMessage().contains("No [AWS_SESSION_TOKEN]"), e.getMessage());
  }

  @Test
  void noSessionToken_andABadPort_areReportedTogether() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () ->
                ParametersExtension.fromEnvironment(
                    Map.of(ParametersExtension.PORT_VARIABLE, "eighty"),
                    dev.lamina.core.codec.Codecs.standard()));

    assertTrue(e.getMessage().contains("No [AWS_SESSION_TOKEN]"), e.getMessage());
    assertTrue(
        e.getMessage()
            .contains(
                "[" + ParametersExtension.PORT_VARIABLE + "] must be the" + " extension's port"),
        e.getMessage());
  }

  @Test
  void anExtensionError_failsTheLoad_namingTheParameterNotItsValue() {
    store.put("/orders/prod/pool-size", "8");
    store.failNext(1, "InternalServerError");

    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> loader(env()).load(Orders.class));

    assertTrue(
        e.getMessage().contains("answered HTTP 400 for [/orders/prod/db/password]"),
        e.getMessage());
  }
}
