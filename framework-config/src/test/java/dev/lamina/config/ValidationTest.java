package dev.lamina.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.config.ConfigurationException.Problem;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every problem at once, with key, source and expected type, and never a value. */
class ValidationTest {
  static final String SECRET_LOOKING = "s3cr3t-not-a-number";

  @ParameterPath("/svc/prod")
  record Broken(
      @Env("TABLE_NAME") String table,
      @PathParameter("pool-size") int poolSize,
      @Parameter("/shared/api-url") URI apiUrl,
      int retries,
      @Default("soon") Duration timeout,
      String fine) {}

  static ConfigurationException loadBroken() {
    ParameterSource inMemory =
        (names, paths) -> List.of(new ParameterValue("/svc/prod/pool-size", SECRET_LOOKING, false));
    ConfigLoader loader =
        ConfigLoader.builder()
            .environment(Map.of("RETRIES", SECRET_LOOKING, "FINE", "ok"))
            .parameterSource(inMemory)
            .build();
    return assertThrows(ConfigurationException.class, () -> loader.load(Broken.class));
  }

  @Test
  void everyMissingOrBadKey_isReportedInOneException_inFieldOrder() {
    ConfigurationException e = loadBroken();

    assertEquals(
        List.of("TABLE_NAME", "/svc/prod/pool-size", "/shared/api-url", "RETRIES", "@Default"),
        e.problems().stream().map(Problem::key).toList());
    assertEquals(
        List.of("String", "int", "URI", "int", "Duration (PT30S, 500ms, 30s, 5m, 2h, 1d)"),
        e.problems().stream().map(Problem::expected).toList());
    assertEquals("environment variable", e.problems().get(0).source());
    assertEquals("SSM parameter under the path [/svc/prod]", e.problems().get(1).source());
    assertEquals("SSM parameter", e.problems().get(2).source());
    assertTrue(e.problems().get(0).issue().startsWith("missing"));
    assertTrue(e.problems().get(1).issue().contains("not a valid int"));
  }

  @Test
  void message_listsEveryKeyWithItsSourceAndType_butNoValue() {
    String message = loadBroken().getMessage();

    assertTrue(
        message.startsWith("Configuration [" + Broken.class.getName() + "] is invalid: 5 problems"),
        message);
    assertTrue(
        message.contains(
            "[TABLE_NAME] (environment variable, field [table], expected" + " String): missing"),
        message);
    assertTrue(
        message.contains(
            "[/svc/prod/pool-size] (SSM parameter under the path [/svc/prod],"
                + " field [poolSize], expected int)"),
        message);
    assertTrue(
        message.contains("[/shared/api-url] (SSM parameter, field [apiUrl], expected URI)"),
        message);
    assertFalse(message.contains(SECRET_LOOKING), message);
    assertFalse(message.contains("soon"), message);
    assertEquals(null, loadBroken().getCause());
  }

  record SecretAsString(@Secret @Env("API_KEY") String apiKey) {}

  @Test
  void secretField_ofTypeString_isAProblem_becauseToStringWouldPrintIt() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () ->
                ConfigLoader.builder()
                    .environment(Map.of("API_KEY", "k"))
                    .build()
                    .load(SecretAsString.class));

    assertTrue(e.getMessage().contains("declare it as SecretValue"), e.getMessage());
  }

  record SecureIntoString(@Parameter("/db/password") String password) {}

  @Test
  void secureStringParameter_intoAStringField_isAProblem_andTheValueStaysOut() {
    ParameterSource source =
        (names, paths) -> List.of(new ParameterValue("/db/password", "hunter2", true));

    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () ->
                ConfigLoader.builder()
                    .environment(Map.of())
                    .parameterSource(source)
                    .build()
                    .load(SecureIntoString.class));

    assertTrue(
        e.getMessage().contains("[/db/password] (SSM parameter, SecureString"), e.getMessage());
    assertTrue(e.getMessage().contains("declare the field as SecretValue"), e.getMessage());
    assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
  }

  record PrimitiveOptional(@NotRequired int port) {}

  @Test
  void optionalPrimitive_withoutDefault_isAProblemInTheType() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () ->
                ConfigLoader.builder()
                    .environment(Map.of("PORT", "1"))
                    .build()
                    .load(PrimitiveOptional.class));

    assertTrue(e.getMessage().contains("a primitive cannot be @NotRequired"), e.getMessage());
  }

  record Checked(int port) {
    Checked {
      if (port < 1024) {
        throw new IllegalArgumentException("port " + port + " is privileged");
      }
    }
  }

  @Test
  void constructorValidation_failure_namesTheTypeAndExceptionType_notTheMessage() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () ->
                ConfigLoader.builder()
                    .environment(Map.of("PORT", "80"))
                    .build()
                    .load(Checked.class));

    assertTrue(
        e.getMessage().contains("its constructor threw java.lang.IllegalArgumentException"),
        e.getMessage());
    assertFalse(e.getMessage().contains("80"), e.getMessage());
  }

  @ParameterPath(fromEnv = "CONFIG_PATH")
  record NeedsPath(@PathParameter String color, @Env String other) {}

  @Test
  void missingPathVariable_isReportedWithTheOtherProblems() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () ->
                ConfigLoader.builder()
                    .environment(Map.of())
                    .parameterSource((n, p) -> List.of())
                    .build()
                    .load(NeedsPath.class));

    assertEquals(List.of("CONFIG_PATH", "OTHER"), e.problems().stream().map(Problem::key).toList());
  }
}
