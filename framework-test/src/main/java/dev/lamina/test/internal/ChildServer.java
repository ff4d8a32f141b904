package dev.lamina.test.internal;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * A local server (DynamoDB Local, ElasticMQ) in a child JVM on its own class path, on a free
 * loopback port, in a fresh working directory: the one way the test kit finds the class path,
 * starts the process, waits (bounded) until it answers and stops it. Not API.
 */
public final class ChildServer {
  /** Builds the product's exception from a message and an optional cause. */
  public interface Failure extends BiFunction<String, Throwable, RuntimeException> {}

  private final String product;
  private final Process process;
  private final OutputCapture output;
  private final Path workDirectory;
  private final AtomicBoolean stopped = new AtomicBoolean();

  private ChildServer(String product, Process process, OutputCapture output, Path workDirectory) {
    this.product = product;
    this.process = process;
    this.output = output;
    this.workDirectory = workDirectory;
  }

  /**
   * The server's class path: {@code explicit} if given, else the file {@code file}, else the
   * file named by the system property {@code property}. Every entry must exist.
   *
   * @param product the server's name in messages, such as {@code DynamoDB Local}
   * @param artifact the Maven artifact whose class path the file should hold, for the message
   */
  public static List<Path> classPath(
      String product,
      List<Path> explicit,
      Path file,
      String property,
      String artifact,
      Failure failure) {
    if (explicit != null) {
      return checkExists(product, explicit, failure);
    }
    Path source = file;
    if (source == null) {
      String named = System.getProperty(property);
      if (named == null || named.isBlank()) {
        throw failure.apply(
            "No class path for "
                + product
                + ": call [classPathFile(..)] or set"
                + " the system property ["
                + property
                + "] to a file written by"
                + " maven-dependency-plugin:build-classpath for "
                + artifact,
            null);
      }
      source = Path.of(named);
    }
    if (!Files.isRegularFile(source)) {
      throw failure.apply(
          product
              + " class path file ["
              + source.toAbsolutePath()
              + "] does not"
              + " exist: build the module that writes it first (mvn verify from the root)",
          null);
    }
    String text;
    try {
      text = Files.readString(source, StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw failure.apply("Cannot read " + product + " class path file [" + source + "]", e);
    }
    List<Path> entries = new ArrayList<>();
    for (String entry : text.split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        entries.add(Path.of(entry));
      }
    }
    return checkExists(product, entries, failure);
  }

  private static List<Path> checkExists(String product, List<Path> cp, Failure failure) {
    List<Path> missing = new ArrayList<>();
    for (Path p : cp) {
      if (!Files.exists(p)) {
        missing.add(p);
      }
    }
    if (cp.isEmpty() || !missing.isEmpty()) {
      throw failure.apply(
          product
              + " class path is empty or has missing entries "
              + missing
              + ": rebuild it with maven-dependency-plugin:build-classpath",
          null);
    }
    return cp;
  }

  /**
   * Runs {@code startOnce} on a free loopback port, up to three times: another process may take
   * the port between choosing it and the child binding it.
   */
  public static <T> T onFreePort(
      IntFunction<T> startOnce, Class<? extends RuntimeException> retried) {
    RuntimeException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        return startOnce.apply(freePort());
      } catch (RuntimeException e) {
        if (!retried.isInstance(e)) {
          throw e;
        }
        last = e;
      }
    }
    throw last;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fresh working directory for one server. */
  public static Path workDirectory(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Starts {@code java <jvmFlags> -Djava.io.tmpdir=<work> <systemProperties> -cp <classPath>
   * <mainClass> <arguments>} in {@code work}, its output captured and its stdin closed.
   */
  public static ChildServer launch(
      String product,
      Path javaHome,
      List<String> jvmFlags,
      List<String> systemProperties,
      List<Path> classPath,
      String mainClass,
      List<String> arguments,
      Map<String, String> environment,
      Path work,
      Failure failure) {
    List<String> command = new ArrayList<>();
    command.add(javaHome.resolve("bin").resolve("java").toString());
    command.addAll(jvmFlags);
    command.add("-Djava.io.tmpdir=" + work);
    command.addAll(systemProperties);
    command.add("-cp");
    List<String> entries = new ArrayList<>();
    for (Path p : classPath) {
      entries.add(p.toString());
    }
    command.add(String.join(File.pathSeparator, entries));
    command.add(mainClass);
    command.addAll(arguments);
    ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile());
    pb.environment().putAll(environment);
    Process process;
    try {
      process = pb.start();
    } catch (IOException e) {
      Directories.deleteTree(work);
      throw failure.apply("Cannot start " + product + " with [" + command.get(0) + "]", e);
    }
    OutputCapture output = new OutputCapture(null, "");
    output.start(
        process.getInputStream(),
        process.getErrorStream(),
        "lamina-"
            + product.toLowerCase(java.util.Locale.ROOT).replace(' ', '-')
            + "-"
            + process.pid());
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      // Nothing reads its stdin anyway.
    }
    return new ChildServer(product, process, output, work);
  }

  /**
   * Waits until {@code ready} holds for {@code port}, or the child exits, or the time is up; on
   * failure the child is stopped and the product's exception names what happened and the last
   * output lines.
   *
   * @param readiness what {@code ready} checks, for the message: "accepting connections"
   */
  public void awaitReady(
      int port,
      IntPredicate ready,
      String readiness,
      Duration timeout,
      long pauseMillis,
      Failure failure) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        stop(); // waits for the output to drain, so the message has the child's last words
        throw failure.apply(
            product
                + " exited with "
                + process.exitValue()
                + " before "
                + readiness
                + " on port ["
                + port
                + "]; last output: "
                + output.last(20),
            null);
      }
      if (ready.test(port)) {
        return;
      }
      try {
        // Polling a child process that signals nothing: a short pause between tries.
        Thread.sleep(pauseMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stop();
        throw failure.apply("Interrupted while " + product + " was starting", e);
      }
    }
    stop();
    throw failure.apply(
        product
            + " was not "
            + readiness
            + " on port ["
            + port
            + "] within "
            + timeout.toMillis()
            + " ms; raise [startTimeout]; last output: "
            + output.last(20),
        null);
  }

  /** Whether the child JVM is still running. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** Its output so far, stdout and stderr merged. */
  public List<String> output() {
    return output.merged();
  }

  /** Stops the child (politely, then forcibly) and deletes its working directory. Idempotent. */
  public void stop() {
    if (!stopped.compareAndSet(false, true)) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    output.awaitEnd(1_000);
    try {
      Directories.deleteTree(workDirectory);
    } catch (UncheckedIOException e) {
      // A file still held by the dying process: the temp directory is left behind, harmlessly.
    }
  }
}
