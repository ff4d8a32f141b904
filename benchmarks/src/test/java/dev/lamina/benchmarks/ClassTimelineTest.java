package dev.lamina.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassTimelineTest {
  private static final String JAR = "file:/m2/x.jar";

  private static String line(String uptime, String name, String source) {
    return "[" + uptime + "s][info][class,load] " + name + " source: " + source;
  }

  @Test
  void chargesTheTimeUntilTheNextLoad_toThePartOfTheClassLoaded() {
    List<ClassTimeline.Part> parts =
        ClassTimeline.read(
            List.of(
                line("0.010", "java.lang.Object", "shared objects file"),
                line("0.020", "dev.lamina.core.LambdaHandler", JAR),
                line("0.025", "software.amazon.awssdk.services.dynamodb.DynamoDbClient", JAR),
                line("0.045", "dev.lamina.idempotency.Idempotent", JAR),
                line("0.050", "java.util.HashMap$Node", "jrt:/java.base"),
                "[0.051s][info][gc] not a class line"));

    assertEquals(
        List.of(
            "JDK and the rest",
            "Lamina and the function",
            "AWS SDK: the service's client and model"),
        parts.stream().map(ClassTimeline.Part::name).toList());
    ClassTimeline.Part lamina = parts.get(1);
    assertEquals(2, lamina.classes());
    assertEquals(2, lamina.fromJars());
    assertEquals(0.020, lamina.firstUptime(), 1e-9);
    assertEquals(0.010, lamina.seconds(), 1e-9, "5 ms after each of its two classes");
    assertEquals(0.020, parts.get(2).seconds(), 1e-9);
    assertEquals(0, parts.get(0).fromJars(), "shared archive and jrt classes are not from jars");
  }

  @Test
  void mostSpecificPrefixWins() {
    assertEquals(
        "AWS SDK: its shaded jackson",
        ClassTimeline.partOf("software.amazon.awssdk.thirdparty.jackson.core.JsonParser"));
    assertEquals(
        "jackson-databind", ClassTimeline.partOf("com.fasterxml.jackson.databind.ObjectMapper"));
    assertEquals("JDK: annotation proxies", ClassTimeline.partOf("jdk.proxy1.$Proxy3"));
  }

  @Test
  void tableListsTheCostliestPartFirst() {
    String table =
        ClassTimeline.table(
            List.of(
                new ClassTimeline.Part("cheap", 1, 0, 0.001, 0.001),
                new ClassTimeline.Part("dear", 2, 2, 0.002, 0.030)));
    assertTrue(table.indexOf("| dear | 2 | 2 | 2 | 30 |") < table.indexOf("| cheap |"), table);
  }
}
