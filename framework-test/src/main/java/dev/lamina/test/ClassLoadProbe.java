package dev.lamina.test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Runs a class's {@code main} in a fresh JVM on the current class path, with the JDK's shared
 * archive off and every class load logged to standard output, and returns everything it printed:
 * the way to check that a code path never loads a library (for example, that reading a record
 * creates no jackson-databind {@code ObjectMapper}), since a JVM that already ran other tests has
 * loaded it anyway. Lines of the log look like {@code [0.123s][info][class,load] a.b.C source:
 * ...}; the probe's own lines are among them. Stateless; safe to call from parallel tests.
 *
 * <pre>{@code
 * List<String> out = ClassLoadProbe.run(MyProbe.class, "argument");
 * assertTrue(out.stream().noneMatch(l -> l.contains("com.fasterxml.jackson.databind.")));
 * }</pre>
 */
public final class ClassLoadProbe {
  /** How long the probe may run before it is killed and the call fails: 60 s. */
  public static final long TIMEOUT_SECONDS = 60;

  private ClassLoadProbe() {}

  /**
   * Runs the probe and waits for it.
   *
   * @param main a class with a {@code public static void main(String[])}; not {@code null}
   * @param args its arguments
   * @return every line it printed, the class-load log included, in order
   * @throws IllegalStateException if it does not end within {@link #TIMEOUT_SECONDS} or exits
   *     with a status other than 0, with its output
   * @throws IOException if the JVM cannot be started
   * @throws InterruptedException if interrupted while waiting
   */
  public static List<String> run(Class<?> main, String... args)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:off",
                "-Xlog:class+load=info:stdout",
                "-cp",
                System.getProperty("java.class.path"),
                Objects.requireNonNull(main, "main").getName()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    String text = new String(output, StandardCharsets.UTF_8);
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(main.getName() + " did not finish:\n" + text);
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          main.getName() + " exited with " + process.exitValue() + ":\n" + text);
    }
    return text.lines().toList();
  }
}
