package dev.lamina.core.internal.codec;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.test.ClassLoadProbe;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The point of the jr engine, checked in a fresh JVM with class-load logging: records, maps, lists
 * and strings never load jackson-databind, nor do SQS, Kinesis, DynamoDB Streams and Kafka events as Lambda sends them;
 * other events do.
 */
class DatabindLoadingTest {
  private static final String DATABIND = "com.fasterxml.jackson.databind.";

  @Test
  void recordMapListAndString_doNotLoadDatabind() throws Exception {
    List<String> out = runProbe();

    assertTrue(out.contains("done"), String.join("\n", out));
    assertTrue(
        out.stream()
            .anyMatch(
                l -> l.startsWith("{\"message\":\"Hello, Ada\",\"length\":3,\"coldStart\":true}")),
        "records are written in declaration order");
    assertTrue(
        out.stream().anyMatch(l -> l.contains("com.fasterxml.jackson.jr.")),
        "jr is what reads them");
    List<String> databind = out.stream().filter(l -> l.contains(DATABIND)).toList();
    assertTrue(
        databind.isEmpty(),
        databind.size() + " databind classes, first: " + databind.stream().findFirst().orElse(""));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "sqs, m-1",
    "kinesis, pk-1 hi 1428537600123",
    "dynamodb, k-1 NEW_IMAGE",
    "kafka, orders 15 hi",
  })
  void batchEvent_asLambdaSendsIt_doesNotLoadDatabind(String event, String printed)
      throws Exception {
    List<String> out = runProbe(event);

    assertTrue(out.contains(printed), String.join("\n", out));
    assertTrue(out.stream().noneMatch(l -> l.contains(DATABIND)), "read by the streaming reader");
  }

  @Test
  void sqsEvent_needingTheRuntimesLeniency_isReadByDatabind() throws Exception {
    List<String> out = runProbe("sqs-lenient");

    assertTrue(out.contains("m-2"), String.join("\n", out));
    assertFalse(
        out.stream().filter(l -> l.contains(DATABIND + "ObjectMapper ")).toList().isEmpty());
  }

  @Test
  void otherEvents_loadDatabind() throws Exception {
    List<String> out = runProbe("sns");

    assertTrue(out.contains("aws:sns"), String.join("\n", out));
    assertFalse(
        out.stream().filter(l -> l.contains(DATABIND + "ObjectMapper ")).toList().isEmpty());
  }

  private static List<String> runProbe(String... args) throws Exception {
    return ClassLoadProbe.run(DatabindLoadingProbe.class, args);
  }
}
