package dev.lamina.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;

/** The level threshold and the service name, both read from the environment. */
class LogLevelTest {

  private static List<String> levelsWritten(RecordingLog log) {
    Logger logger = log.logger("levels");
    logger.trace("t");
    logger.debug("d");
    logger.info("i");
    logger.warn("w");
    logger.error("e");
    return log.lines().stream().map(line -> line.get("level").asText()).toList();
  }

  @Test
  void noLevelVariable_meansInfo() {
    assertEquals(List.of("INFO", "WARN", "ERROR"), levelsWritten(RecordingLog.withEnv()));
  }

  @Test
  void awsLambdaLogLevel_setsTheThreshold() {
    assertEquals(
        List.of("WARN", "ERROR"),
        levelsWritten(RecordingLog.withEnv("AWS_LAMBDA_LOG_LEVEL", "WARN")));
  }

  @Test
  void laminaLogLevel_setsTheThreshold_whenAwsVariableIsAbsent() {
    assertEquals(
        List.of("DEBUG", "INFO", "WARN", "ERROR"),
        levelsWritten(RecordingLog.withEnv("LAMINA_LOG_LEVEL", "DEBUG")));
  }

  @Test
  void awsLambdaLogLevel_winsOverLaminaLogLevel() {
    assertEquals(
        List.of("ERROR"),
        levelsWritten(
            RecordingLog.withEnv("AWS_LAMBDA_LOG_LEVEL", "ERROR", "LAMINA_LOG_LEVEL", "TRACE")));
  }

  @Test
  void blankAwsLambdaLogLevel_countsAsUnset() {
    assertEquals(
        List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR"),
        levelsWritten(
            RecordingLog.withEnv("AWS_LAMBDA_LOG_LEVEL", " ", "LAMINA_LOG_LEVEL", "trace")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"debug", "Debug", " DEBUG "})
  void levelNames_areCaseInsensitive(String value) {
    assertEquals(
        List.of("DEBUG", "INFO", "WARN", "ERROR"),
        levelsWritten(RecordingLog.withEnv("AWS_LAMBDA_LOG_LEVEL", value)));
  }

  @Test
  void lambdaFatal_meansError() {
    assertEquals(
        List.of("ERROR"), levelsWritten(RecordingLog.withEnv("AWS_LAMBDA_LOG_LEVEL", "FATAL")));
  }

  @Test
  void unknownLevel_fallsBackToInfo_withOneWarningLine() {
    RecordingLog log = RecordingLog.withEnv("LAMINA_LOG_LEVEL", "verbose");
    Logger logger = log.logger("levels");
    logger.debug("d");
    logger.info("i");

    List<ObjectNode> lines = log.lines();
    assertEquals(2, lines.size());
    ObjectNode warning = lines.get(0);
    assertEquals("WARN", warning.get("level").asText());
    assertEquals("dev.lamina.logging", warning.get("logger").asText());
    assertEquals(
        "Unknown log level [verbose] in [LAMINA_LOG_LEVEL]; logging at INFO. "
            + "Set it to one of TRACE, DEBUG, INFO, WARN, ERROR or FATAL.",
        warning.get("message").asText());
    assertEquals("i", lines.get(1).get("message").asText());
  }

  @Test
  void isEnabled_followsTheThreshold() {
    Logger logger = RecordingLog.withEnv("AWS_LAMBDA_LOG_LEVEL", "WARN").logger("levels");

    assertFalse(logger.isInfoEnabled());
    assertTrue(logger.isWarnEnabled());
    assertTrue(logger.isErrorEnabled());
  }

  @Test
  void service_comesFromPowertoolsThenLaminaThenFunctionName_elseUndefined() {
    assertEquals(
        "pt",
        serviceOf(
            RecordingLog.withEnv(
                "POWERTOOLS_SERVICE_NAME",
                "pt",
                "LAMINA_SERVICE_NAME",
                "lam",
                "AWS_LAMBDA_FUNCTION_NAME",
                "fn")));
    assertEquals(
        "lam",
        serviceOf(
            RecordingLog.withEnv("LAMINA_SERVICE_NAME", "lam", "AWS_LAMBDA_FUNCTION_NAME", "fn")));
    assertEquals("fn", serviceOf(RecordingLog.withEnv("AWS_LAMBDA_FUNCTION_NAME", "fn")));
    assertEquals("service_undefined", serviceOf(RecordingLog.withEnv()));
  }

  private static String serviceOf(RecordingLog log) {
    log.logger("s").info("x");
    return log.onlyLine().get("service").asText();
  }
}
