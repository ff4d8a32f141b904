package dev.lamina.batch;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.io.File;
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
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * An "existing batch function": a plain {@code RequestHandler<SQSEvent, Void>} compiled here, at
 * test time, against aws-lambda-java-core and aws-lambda-java-events only, and packed into its own
 * jar. It cannot reference Lamina: Lamina is not on its compile class path. Like most SQS functions
 * written without partial batch responses, it throws on the first message it cannot process, which
 * fails the whole batch. It prints one line per message it ships, naming the batch's size.
 */
final class ExistingBatchFunctionJar {
  static final String HANDLER_CLASS = "com.example.existing.ShipOrders";

  /** The body of a message the function cannot process. */
  static final String OUT_OF_STOCK = "out-of-stock";

  private static final String SOURCE =
      String.join(
          "\n",
          "package com.example.existing;",
          "",
          "import com.amazonaws.services.lambda.runtime.Context;",
          "import com.amazonaws.services.lambda.runtime.RequestHandler;",
          "import com.amazonaws.services.lambda.runtime.events.SQSEvent;",
          "",
          "public class ShipOrders implements RequestHandler<SQSEvent, Void> {",
          "  @Override",
          "  public Void handleRequest(SQSEvent event, Context context) {",
          "    for (SQSEvent.SQSMessage message : event.getRecords()) {",
          "      if (message.getBody().equals(\"" + OUT_OF_STOCK + "\")) {",
          "        throw new IllegalStateException(\"cannot ship message \" + message.getMessageId());",
          "      }",
          "      System.out.println(\"shipped \" + message.getMessageId() + \" in a batch of \"",
          "          + event.getRecords().size());",
          "    }",
          "    return null;",
          "  }",
          "}",
          "");

  private ExistingBatchFunctionJar() {}

  /** Compiles the handler and writes {@code dir/existing-batch-function.jar}. */
  static Path build(Path dir) {
    try {
      Path src = dir.resolve("src/com/example/existing/ShipOrders.java");
      Files.createDirectories(src.getParent());
      Files.writeString(src, SOURCE, StandardCharsets.UTF_8);
      Path classes = Files.createDirectories(dir.resolve("classes"));
      String classPath =
          Stream.of(codeSource(Context.class), codeSource(SQSEvent.class))
              .map(Path::toString)
              .collect(Collectors.joining(File.pathSeparator));
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      int status =
          javac.run(
              null,
              null,
              null,
              "--release",
              "17",
              "-classpath",
              classPath,
              "-d",
              classes.toString(),
              src.toString());
      if (status != 0) {
        throw new IllegalStateException("javac failed with " + status);
      }
      Path jar = dir.resolve("existing-batch-function.jar");
      try (OutputStream out = Files.newOutputStream(jar);
          JarOutputStream jarOut = new JarOutputStream(out);
          Stream<Path> files = Files.walk(classes)) {
        List<Path> classFiles = new ArrayList<>();
        files.filter(Files::isRegularFile).sorted().forEach(classFiles::add);
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

  /** The jar (or class directory) a class was loaded from. */
  static Path codeSource(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
