package dev.lamina.test.internal;

import dev.lamina.test.LocalLambdaException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the runtime interface client (RIC) and its runtime dependencies on the current JVM's class
 * path, and extracts its JNI library once per JVM.
 *
 * <p>The RIC's own loader copies its JNI library to one fixed file in {@code /tmp} on every start, so
 * several clients starting at once overwrite the library under each other and crash. Extracting it
 * once, to a private directory, and passing {@link #JNI_PROPERTY} avoids that.
 */
public final class RuntimeClientClassPath {

  /** The system property the RIC's {@code JniHelper} reads before falling back to {@code /tmp}. */
  public static final String JNI_PROPERTY =
      "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

  /** The RIC's entry point. */
  public static final String MAIN_CLASS =
      "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

  /** One class from each jar the RIC needs at run time; optional ones may be absent. */
  private static final List<String> REQUIRED_MARKERS =
      List.of(
          MAIN_CLASS, // the RIC
          "com.amazonaws.services.lambda.runtime.Context", // aws-lambda-java-core
          "com.amazonaws.services.lambda.runtime.serialization.PojoSerializer", // aws-lambda-java-serialization
          "software.amazon.awssdk.utilslite.SdkInternalThreadLocal"); // SDK utils-lite

  private static final List<String> OPTIONAL_MARKERS =
      List.of(
          "software.amazon.awssdk.annotations.SdkProtectedApi"); // SDK annotations (compile-time

  // only)

  private RuntimeClientClassPath() {}

  /** The jars (or class directories) of the RIC and its dependencies, in a stable order. */
  public static List<Path> locate() {
    Set<Path> paths = new LinkedHashSet<>();
    for (String marker : REQUIRED_MARKERS) {
      Path p = codeSource(marker);
      if (p == null) {
        throw new LocalLambdaException(
            "["
                + marker
                + "] is not on the test class path: LocalLambda runs the "
                + "function under com.amazonaws:aws-lambda-java-runtime-interface-client; depend on "
                + "dev.lamina:framework-test (which brings it) without excluding its dependencies");
      }
      paths.add(p);
    }
    for (String marker : OPTIONAL_MARKERS) {
      Path p = codeSource(marker);
      if (p != null) {
        paths.add(p);
      }
    }
    return List.copyOf(new ArrayList<>(paths));
  }

  private static Path codeSource(String className) {
    try {
      Class<?> c = Class.forName(className, false, RuntimeClientClassPath.class.getClassLoader());
      CodeSource cs = c.getProtectionDomain().getCodeSource();
      return cs == null || cs.getLocation() == null ? null : Path.of(cs.getLocation().toURI());
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    } catch (URISyntaxException e) {
      throw new LocalLambdaException("[" + className + "] has a code source that is not a file", e);
    }
  }

  /** The extracted JNI library for this machine; extracted on first call, then reused. */
  public static Path jniLibrary() {
    jniResourceName(); // fails with a clear message on an unsupported platform, before the holder
    // runs
    try {
      return JniHolder.PATH;
    } catch (ExceptionInInitializerError e) {
      throw e.getCause() instanceof LocalLambdaException
          ? (LocalLambdaException) e.getCause()
          : new LocalLambdaException("[JNI library] could not be extracted", e.getCause());
    }
  }

  /**
   * Lazy, thread-safe, once per JVM: the JVM initialises a holder class exactly once. This is the one
   * deliberate per-JVM global of the kit: the point is to share one extracted file.
   */
  private static final class JniHolder {
    static final Path PATH = extract(jniResourceName());
  }

  private static Path extract(String name) {
    ClassLoader loader = RuntimeClientClassPath.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream("jni/" + name)) {
      if (in == null) {
        throw new LocalLambdaException(
            "[jni/"
                + name
                + "] is not in the runtime interface client jar on "
                + "the class path: use com.amazonaws:aws-lambda-java-runtime-interface-client 2.x");
      }
      Path dir = Files.createTempDirectory("lamina-ric-jni-");
      dir.toFile().deleteOnExit();
      Path lib = dir.resolve("libaws-lambda-jni.so");
      lib.toFile().deleteOnExit();
      Files.copy(in, lib, StandardCopyOption.REPLACE_EXISTING);
      return lib;
    } catch (IOException e) {
      throw new LocalLambdaException(
          "[" + name + "] could not be extracted to a temporary directory", e);
    }
  }

  private static String jniResourceName() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (!os.contains("linux")) {
      throw new LocalLambdaException(
          "[os.name="
              + System.getProperty("os.name")
              + "] LocalLambda needs Linux: "
              + "the runtime interface client ships JNI libraries for Linux only (run the tests in a Linux "
              + "container or CI)");
    }
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    String cpu;
    if (arch.equals("amd64") || arch.equals("x86_64")) {
      cpu = "x86_64";
    } else if (arch.equals("aarch64") || arch.equals("arm64")) {
      cpu = "aarch_64";
    } else {
      throw new LocalLambdaException(
          "[os.arch="
              + arch
              + "] LocalLambda needs x86_64 or aarch64: the runtime "
              + "interface client ships JNI libraries for those only");
    }
    boolean musl =
        Files.exists(Path.of("/lib/ld-musl-x86_64.so.1"))
            || Files.exists(Path.of("/lib/ld-musl-aarch64.so.1"));
    return "libaws-lambda-jni.linux" + (musl ? "_musl" : "") + "-" + cpu + ".so";
  }
}
