package dev.lamina.core.internal.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

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

  @Test
  void sqsEvent_asLambdaSendsIt_doesNotLoadDatabind() throws Exception {
    List<String> out = runProbe("sqs");

    assertTrue(out.contains("m-1"), String.join("\n", out));
    assertTrue(out.stream().noneMatch(l -> l.contains(DATABIND)), "read by the streaming reader");
  }

  @Test
  void kinesisEvent_asLambdaSendsIt_doesNotLoadDatabind() throws Exception {
    List<String> out = runProbe("kinesis");

    assertTrue(out.contains("pk-1 hi 1428537600123"), String.join("\n", out));
    assertTrue(out.stream().noneMatch(l -> l.contains(DATABIND)), "read by the streaming reader");
  }

  @Test
  void dynamodbEvent_asLambdaSendsIt_doesNotLoadDatabind() throws Exception {
    List<String> out = runProbe("dynamodb");

    assertTrue(out.contains("k-1 NEW_IMAGE"), String.join("\n", out));
    assertTrue(out.stream().noneMatch(l -> l.contains(DATABIND)), "read by the streaming reader");
  }

  @Test
  void kafkaEvent_asLambdaSendsIt_doesNotLoadDatabind() throws Exception {
    List<String> out = runProbe("kafka");

    assertTrue(out.contains("orders 15 hi"), String.join("\n", out));
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

  private static List<String> runProbe(String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:off",
                "-Xlog:class+load=info:stdout",
                "-cp",
                System.getProperty("java.class.path"),
                DatabindLoadingProbe.class.getName()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "probe did not finish");
    assertEquals(0, process.exitValue(), new String(output, StandardCharsets.UTF_8));
    return new String(output, StandardCharsets.UTF_8).lines().toList();
  }
}
