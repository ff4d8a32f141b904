package dev.lamina.test.cds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The command that trains a function's CDS archive where the function is deployed, for example
 * in a container image's build:
 *
 * <pre>{@code
 * java -cp "/opt/lamina-cds/*" dev.lamina.test.cds.TrainCds \
 *     --handler=com.example.Orders --lib=/var/task/lib --events=/opt/lamina-cds/events \
 *     --archive=/var/task/app.jsa
 * }</pre>
 *
 * <p>{@code --lib} is the directory of the function's jars (its own classes in a jar, its
 * dependencies, the runtime interface client); the class path is those jars sorted by name,
 * written to {@code classpath} next to the archive so the function starts with exactly the class
 * path the archive was trained on. {@code --events} is a directory of {@code *.json} events, sent
 * in name order. Further {@code --env=NAME=VALUE} options set the function's environment. The
 * {@code JAVA_TOOL_OPTIONS} line that uses the archive is printed and written to {@code
 * java-tool-options} next to it.
 */
public final class TrainCds {
  private TrainCds() {}

  /**
   * Runs one training.
   *
   * @param args the options above
   * @throws IOException if a file cannot be read or written
   */
  public static void main(String[] args) throws IOException {
    Map<String, String> opts = new LinkedHashMap<>();
    Map<String, String> env = new LinkedHashMap<>();
    for (String a : args) {
      int eq = a.indexOf('=');
      if (!a.startsWith("--") || eq < 0) {
        throw new IllegalArgumentException("[" + a + "] is not --name=value");
      }
      String name = a.substring(2, eq);
      String value = a.substring(eq + 1);
      if (name.equals("env")) {
        int e = value.indexOf('=');
        env.put(value.substring(0, e), value.substring(e + 1));
      } else {
        opts.put(name, value);
      }
    }
    String handler = required(opts, "handler");
    Path lib = Path.of(required(opts, "lib")).toAbsolutePath();
    Path events = Path.of(required(opts, "events")).toAbsolutePath();
    Path archive = Path.of(required(opts, "archive")).toAbsolutePath();

    List<Path> classPath = jars(lib);
    CdsArchive.Trained trained =
        CdsArchive.builder()
            .handler(handler)
            .classPath(classPath)
            .environment(env)
            .events(events(events))
            .archive(archive)
            .train();
    StringBuilder cp = new StringBuilder();
    for (Path p : classPath) {
      cp.append(cp.length() == 0 ? "" : ":").append(p);
    }
    Files.writeString(archive.resolveSibling("classpath"), cp + "\n", StandardCharsets.UTF_8);
    Files.writeString(
        archive.resolveSibling("java-tool-options"),
        trained.javaToolOptions() + "\n",
        StandardCharsets.UTF_8);
    System.out.println(
        "Trained "
            + archive
            + " ("
            + trained.bytes()
            + " bytes) on "
            + trained.responses().size()
            + " events");
    System.out.println("JAVA_TOOL_OPTIONS=" + trained.javaToolOptions());
  }

  /** The jars of a directory, sorted by file name: the class path a trained archive expects. */
  static List<Path> jars(Path lib) {
    try (Stream<Path> files = Files.list(lib)) {
      List<Path> jars =
          new ArrayList<>(
              files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList());
      if (jars.isEmpty()) {
        throw new IllegalStateException("[" + lib + "] holds no jars");
      }
      return jars;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> events(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<String> events = new ArrayList<>();
      for (Path f :
          files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
        events.add(Files.readString(f, StandardCharsets.UTF_8));
      }
      if (events.isEmpty()) {
        throw new IllegalStateException("[" + dir + "] holds no *.json events");
      }
      return events;
    }
  }

  private static String required(Map<String, String> opts, String name) {
    String v = opts.get(name);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException("[--" + name + "] is required");
    }
    return v;
  }
}
