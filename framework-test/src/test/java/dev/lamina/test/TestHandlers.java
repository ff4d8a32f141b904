package dev.lamina.test;

import java.nio.file.Path;
import java.util.List;

/** The class path of the handlers in {@code dev.lamina.test.handlers}, as the pom writes it. */
public final class TestHandlers {

  private TestHandlers() {}

  public static List<Path> classPath() {
    return FunctionClassPath.of(FunctionClassPath.moduleDirectory(), "target/test-classes");
  }

  public static String handler(Class<?> handlerClass) {
    return handlerClass.getName() + "::handleRequest";
  }
}
