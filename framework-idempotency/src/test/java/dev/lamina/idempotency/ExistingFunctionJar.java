package dev.lamina.idempotency;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * An "existing function": a plain {@code RequestHandler} compiled here, at test time, against
 * aws-lambda-java-core only, and packed into its own jar. It cannot reference Lamina: Lamina is not
 * on its compile class path.
 */
final class ExistingFunctionJar {
  static final String HANDLER_CLASS = "com.example.existing.PlaceOrder";

  private static final String SOURCE =
      String.join(
          "\n",
          "package com.example.existing;",
          "",
          "import com.amazonaws.services.lambda.runtime.Context;",
          "import com.amazonaws.services.lambda.runtime.RequestHandler;",
          "import java.util.LinkedHashMap;",
          "import java.util.Map;",
          "",
          "public class PlaceOrder implements RequestHandler<Map<String, Object>, Map<String, Object>> {",
          "  private int runs;",
          "",
          "  @Override",
          "  public Map<String, Object> handleRequest(Map<String, Object> order, Context context) {",
          "    runs++;",
          "    Map<String, Object> receipt = new LinkedHashMap<>();",
          "    receipt.put(\"orderId\", order.get(\"orderId\"));",
          "    receipt.put(\"run\", runs);",
          "    receipt.put(\"requestId\", context.getAwsRequestId());",
          "    return receipt;",
          "  }",
          "}",
          "");

  private ExistingFunctionJar() {}

  /** Compiles the handler and writes {@code dir/existing-function.jar}. */
  static Path build(Path dir) {
    try {
      Path src = dir.resolve("src/com/example/existing/PlaceOrder.java");
      Files.createDirectories(src.getParent());
      Files.writeString(src, SOURCE, StandardCharsets.UTF_8);
      Path classes = Files.createDirectories(dir.resolve("classes"));
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      int status =
          javac.run(
              null,
              null,
              null,
              "--release",
              "17",
              "-classpath",
              lambdaCoreJar().toString(),
              "-d",
              classes.toString(),
              src.toString());
      if (status != 0) {
        throw new IllegalStateException("javac failed with " + status);
      }
      Path jar = dir.resolve("existing-function.jar");
      try (OutputStream out = Files.newOutputStream(jar);
          JarOutputStream jarOut = new JarOutputStream(out);
          Stream<Path> files = Files.walk(classes)) {
        List<Path> classFiles = new ArrayList<>();
        files.filter(Files::isRegularFile).forEach(classFiles::add);
        for (Path f : classFiles) {
          jarOut.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
          jarOut.write(Files.readAllBytes(f));
          jarOut.closeEntry();
        }
      }
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path lambdaCoreJar() {
    try {
      return Path.of(Context.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
