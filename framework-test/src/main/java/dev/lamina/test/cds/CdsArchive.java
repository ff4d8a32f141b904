package dev.lamina.test.cds;

import dev.lamina.test.InvocationResult;
import dev.lamina.test.LocalLambda;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Trains a dynamic class-data-sharing (AppCDS) archive for a function: starts it under the real
 * runtime interface client with {@code -XX:ArchiveClassesAtExit}, sends it a few events so the
 * classes of its real paths load, stops it so the JVM writes the archive, and returns the {@code
 * JAVA_TOOL_OPTIONS} value that maps the archive at the next start.
 *
 * <p>An archive is only valid for the JVM build and the class path it was trained with: train
 * with the deployment's layout (the same jars at the same paths, in the same order) and its JVM.
 * The class path must be jars: the JVM does not archive classes from directories.
 * A JVM that finds a mismatched archive ignores it and starts as it would without one ({@code
 * -Xshare:auto}, the default), so a wrong archive loses the gain and never fails the function.
 *
 * <pre>{@code
 * CdsArchive.Trained t = CdsArchive.builder()
 *     .handler("com.example.Orders")
 *     .classPath(FunctionClassPath.ofModule())
 *     .events(List.of("{\"orderId\":\"o-1\"}"))
 *     .archive(Path.of("target/orders.jsa"))
 *     .train();
 * // JAVA_TOOL_OPTIONS=-XX:SharedArchiveFile=/var/task/orders.jsa -Xshare:auto
 * }</pre>
 */
public final class CdsArchive {
  /** How long the JVM may take to write the archive after the stop signal. */
  static final Duration DUMP_GRACE = Duration.ofSeconds(60);

  private CdsArchive() {}

  /** A builder; handler, class path, events and archive are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The {@code JAVA_TOOL_OPTIONS} value that uses an archive at a path.
   *
   * @param archiveAtRuntime where the archive is when the function starts (in a container image,
   *     for example {@code /var/task/app.jsa})
   * @return the options, {@code -Xshare:auto} included so a mismatch only disables sharing
   */
  public static String javaToolOptions(Path archiveAtRuntime) {
    return "-XX:SharedArchiveFile=" + archiveAtRuntime + " -Xshare:auto";
  }

  /**
   * A trained archive.
   *
   * @param archive the archive file
   * @param bytes its size
   * @param responses the answers to the training events, in order (a training event that failed
   *     is still training: its error path loaded too)
   * @param javaToolOptions the {@code JAVA_TOOL_OPTIONS} value for the archive where it was
   *     written
   */
  public record Trained(
      Path archive, long bytes, List<InvocationResult> responses, String javaToolOptions) {}

  private static boolean isEmptyDirectory(Path dir) {
    try (java.util.stream.Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Builds and runs one training. Not thread-safe; each {@link #train()} starts its own JVM. */
  public static final class Builder {
    private String handler;
    private List<Path> classPath;
    private List<String> events = List.of();
    private Map<String, String> environment = Map.of();
    private Path archive;
    private Path javaHome;
    private int memorySizeMb = 512;

    private Builder() {}

    /** @param handler the handler string, as Lambda's {@code Handler} setting */
    public Builder handler(String handler) {
      this.handler = Objects.requireNonNull(handler, "handler");
      return this;
    }

    /** @param classPath the function's class path, in the deployment's order */
    public Builder classPath(List<Path> classPath) {
      this.classPath = List.copyOf(classPath);
      return this;
    }

    /** @param events the events to send, as Lambda would deliver them */
    public Builder events(List<String> events) {
      this.events = List.copyOf(events);
      return this;
    }

    /** @param environment the function's environment variables during training */
    public Builder environment(Map<String, String> environment) {
      this.environment = Map.copyOf(environment);
      return this;
    }

    /** @param archive where to write the archive; its directory is created */
    public Builder archive(Path archive) {
      this.archive = archive.toAbsolutePath();
      return this;
    }

    /** @param javaHome the JDK to train with: the one the function runs on */
    public Builder javaHome(Path javaHome) {
      this.javaHome = javaHome;
      return this;
    }

    /** @param memorySizeMb the function's memory, for the Lambda-like heap flags */
    public Builder memorySizeMb(int memorySizeMb) {
      this.memorySizeMb = memorySizeMb;
      return this;
    }

    /**
     * Trains the archive.
     *
     * @return the archive and the options that use it
     * @throws IllegalStateException if the events are missing or the JVM wrote no archive
     */
    public Trained train() {
      Objects.requireNonNull(handler, "handler");
      Objects.requireNonNull(classPath, "classPath");
      Objects.requireNonNull(archive, "archive");
      for (Path entry : classPath) {
        if (Files.isDirectory(entry) && !isEmptyDirectory(entry)) {
          throw new IllegalStateException(
              "["
                  + entry
                  + "] is a directory with files: a CDS archive takes classes from jars only"
                  + " (the JVM refuses to write one otherwise). Package it as a jar, as the"
                  + " function's jar in lib/ of the image, and train with that.");
        }
      }
      if (events.isEmpty()) {
        throw new IllegalStateException(
            "[events] is empty: give the events the function will see, so their classes load");
      }
      try {
        Files.createDirectories(archive.getParent());
        Files.deleteIfExists(archive);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      List<String> flags = new ArrayList<>(LocalLambda.Builder.lambdaLikeFlags(memorySizeMb));
      flags.add("-XX:ArchiveClassesAtExit=" + archive);
      LocalLambda.Builder b =
          LocalLambda.builder()
              .handler(handler)
              .classPath(classPath)
              .environment(environment)
              .memorySizeMb(memorySizeMb)
              .jvmFlags(flags);
      if (javaHome != null) {
        b.javaHome(javaHome);
      }
      List<InvocationResult> responses = new ArrayList<>();
      LocalLambda lambda = b.start();
      try {
        for (String event : events) {
          responses.add(lambda.invoke(event));
        }
      } finally {
        lambda.stop(DUMP_GRACE);
      }
      long bytes;
      try {
        bytes = Files.isRegularFile(archive) ? Files.size(archive) : 0;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (bytes == 0) {
        throw new IllegalStateException(
            "The JVM wrote no archive at ["
                + archive
                + "]; its output: "
                + String.join("\n", lambda.stderrLines()));
      }
      return new Trained(archive, bytes, List.copyOf(responses), javaToolOptions(archive));
    }
  }
}
