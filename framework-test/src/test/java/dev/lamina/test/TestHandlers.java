package dev.lamina.test;

import dev.lamina.test.internal.FunctionClassPath;
import java.nio.file.Path;
import java.util.List;

/** The class path of the handlers in {@code dev.lamina.test.handlers}, as the pom writes it. */
public final class TestHandlers {

  private TestHandlers() {
  }

  public static List<Path> classPath() {
    Path base = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    return FunctionClassPath.resolve(base, List.of("target/test-classes"), "target/lamina/runtime.classpath");
  }

  public static String handler(Class<?> handlerClass) {
    return handlerClass.getName() + "::handleRequest";
  }
}
