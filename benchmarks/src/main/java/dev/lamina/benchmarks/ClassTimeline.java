package dev.lamina.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a cold start's time goes, read from a class-load log ({@code -Xlog:class+load}, as the
 * harness keeps with {@code --class-logs=DIR}): the classes of each part of the function (the JVM,
 * the runtime client, Lamina, jackson, each layer of the AWS SDK), how many came from jars rather
 * than the JDK's shared archive, when the first of them loaded, and the time until the next class
 * loaded after each of them, summed. That sum is rough (it charges the work done between two
 * loads to the part of the first), but on a cold JVM most of the time is loading, linking and
 * first runs of the classes just loaded, so it points at the parts worth working on. Stateless.
 *
 * <pre>{@code
 * java -cp benchmarks/target/classes dev.lamina.benchmarks.ClassTimeline benchmarks/target/class-logs/*.log
 * }</pre>
 */
public final class ClassTimeline {
  private static final Pattern LINE =
      Pattern.compile("^\\[(\\d+\\.\\d+)s\\].*?\\[class,load\\] (\\S+) source: (.*)$");

  /** Package prefixes and the part they belong to, the most specific first. */
  private static final String[][] PARTS = {
    {"software.amazon.awssdk.thirdparty.", "AWS SDK: its shaded jackson"},
    {"software.amazon.awssdk.services.", "AWS SDK: the service's client and model"},
    {"software.amazon.awssdk.protocols.", "AWS SDK: protocol marshalling"},
    {"software.amazon.awssdk.http.auth.", "AWS SDK: signing and identity"},
    {"software.amazon.awssdk.auth.", "AWS SDK: signing and identity"},
    {"software.amazon.awssdk.identity.", "AWS SDK: signing and identity"},
    {"software.amazon.awssdk.http.", "AWS SDK: HTTP client"},
    {"software.amazon.awssdk.core.", "AWS SDK: core"},
    {"software.amazon.awssdk.", "AWS SDK: the rest"},
    {"com.amazonaws.lambda.thirdparty.", "runtime client: its serialisation"},
    {"com.amazonaws.services.lambda.runtime.serialization.", "runtime client: its serialisation"},
    {"com.amazonaws.", "runtime client"},
    {"dev.lamina.", "Lamina and the function"},
    {"com.fasterxml.jackson.databind.", "jackson-databind"},
    {"com.fasterxml.jackson.annotation.", "jackson-databind"},
    {"com.fasterxml.jackson.jr.", "jackson-jr"},
    {"com.fasterxml.jackson.core.", "jackson-core"},
    {"org.slf4j.", "SLF4J"},
    {"org.crac.", "org.crac"},
    {"sun.security.", "JDK: security and TLS"},
    {"java.security.", "JDK: security and TLS"},
    {"javax.net.", "JDK: security and TLS"},
    {"javax.crypto.", "JDK: security and TLS"},
    {"java.net.", "JDK: networking"},
    {"sun.net.", "JDK: networking"},
    {"java.lang.invoke.", "JDK: method handles, lambdas"},
    {"jdk.internal.org.objectweb.", "JDK: method handles, lambdas"},
    {"jdk.proxy", "JDK: annotation proxies"},
    {"com.sun.proxy.", "JDK: annotation proxies"},
    {"sun.reflect.annotation.", "JDK: annotation proxies"},
    {"java.lang.reflect.", "JDK: reflection"},
    {"sun.reflect.", "JDK: reflection"},
    {"java.util.concurrent.", "JDK: java.util.concurrent"},
    {"java.util.stream.", "JDK: streams"},
    {"java.time.", "JDK: java.time"},
    {"", "JDK and the rest"}
  };

  private ClassTimeline() {}

  /** One part's figures. */
  record Part(String name, int classes, int fromJars, double firstUptime, double seconds) {
    /** This part with one more class, loaded later. */
    Part plus(Part later) {
      return new Part(
          name,
          classes + later.classes,
          fromJars + later.fromJars,
          firstUptime,
          seconds + later.seconds);
    }
  }

  /** One line of the log: when, which part, and whether from a jar. */
  private record Load(double uptime, String part, boolean fromJar) {}

  /**
   * Reads a class-load log.
   *
   * @param lines the log's lines
   * @return the parts in the order their first class loaded
   */
  static List<Part> read(List<String> lines) {
    List<Load> loads = new ArrayList<>();
    for (String line : lines) {
      Matcher m = LINE.matcher(line);
      if (m.matches()) {
        String source = m.group(3);
        loads.add(
            new Load(
                Double.parseDouble(m.group(1)),
                partOf(m.group(2)),
                !source.startsWith("shared objects file") && !source.startsWith("jrt:")));
      }
    }
    Map<String, Part> parts = new LinkedHashMap<>();
    for (int i = 0; i < loads.size(); i++) {
      Load load = loads.get(i);
      double next = i + 1 < loads.size() ? loads.get(i + 1).uptime() : load.uptime();
      Part one =
          new Part(load.part(), 1, load.fromJar() ? 1 : 0, load.uptime(), next - load.uptime());
      parts.merge(load.part(), one, Part::plus);
    }
    return new ArrayList<>(parts.values());
  }

  static String partOf(String className) {
    for (String[] p : PARTS) {
      if (className.startsWith(p[0])) {
        return p[1];
      }
    }
    throw new IllegalStateException("the last part matches every name");
  }

  /** The parts as a Markdown table, the most expensive first. */
  static String table(List<Part> parts) {
    List<Part> sorted = new ArrayList<>(parts);
    sorted.sort((a, b) -> Double.compare(b.seconds(), a.seconds()));
    StringBuilder out =
        new StringBuilder(
            "| part | classes | from jars | first loaded at, ms | time until the next load, ms |\n"
                + "| --- | --- | --- | --- | --- |\n");
    for (Part p : sorted) {
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %d | %.0f | %.0f |%n",
              p.name(),
              p.classes(),
              p.fromJars(),
              p.firstUptime() * 1000,
              p.seconds() * 1000));
    }
    return out.toString();
  }

  /**
   * Prints the table of each log.
   *
   * @param args class-load logs
   * @throws IOException if a log cannot be read
   */
  public static void main(String[] args) throws IOException {
    for (String a : args) {
      List<Part> parts = read(Files.readAllLines(Path.of(a)));
      int classes = parts.stream().mapToInt(Part::classes).sum();
      System.out.println("## " + Path.of(a).getFileName() + ": " + classes + " classes\n");
      System.out.println(table(parts));
    }
  }
}
