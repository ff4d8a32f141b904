package dev.lamina.test.internal;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** Reads the function's class path for the JUnit extension: classes directories plus a class path file. */
public final class FunctionClassPath {

  /** The pom snippet that writes the default class path file; quoted in error messages and the README. */
  public static final String POM_SNIPPET = String.join("\n",
      "<plugin>",
      "  <groupId>org.apache.maven.plugins</groupId>",
      "  <artifactId>maven-dependency-plugin</artifactId>",
      "  <executions>",
      "    <execution>",
      "      <id>lamina-runtime-classpath</id>",
      "      <phase>generate-test-resources</phase>",
      "      <goals><goal>build-classpath</goal></goals>",
      "      <configuration>",
      "        <includeScope>runtime</includeScope>",
      "        <outputFile>${project.build.directory}/lamina/runtime.classpath</outputFile>",
      "      </configuration>",
      "    </execution>",
      "  </executions>",
      "</plugin>");

  private FunctionClassPath() {
  }

  /**
   * The classes directories, then the file's entries, each resolved against {@code base}.
   *
   * @throws ExtensionConfigurationException if a directory or the file is missing, saying how to fix it
   */
  public static List<Path> resolve(Path base, List<String> classesDirectories, String classPathFile) {
    List<Path> result = new ArrayList<>();
    for (String dir : classesDirectories) {
      Path p = base.resolve(dir);
      if (!Files.isDirectory(p)) {
        throw new ExtensionConfigurationException("[" + p + "] does not exist: @LocalLambdaTest("
            + "classesDirectories) must name the directories holding the function's compiled classes "
            + "(\"target/classes\" by default; \"target/test-classes\" for handlers under src/test)");
      }
      result.add(p);
    }
    Path file = base.resolve(classPathFile);
    if (!Files.isRegularFile(file)) {
      throw new ExtensionConfigurationException("[" + file + "] not found: @LocalLambdaTest needs the function's "
          + "runtime class path, written by the build. Add to your pom's <build><plugins>:\n" + POM_SNIPPET
          + "\nor point @LocalLambdaTest(classPathFile) or -Dlamina.function.classpath at an existing file.");
    }
    try {
      String content = Files.readString(file, StandardCharsets.UTF_8).trim();
      for (String entry : content.split(File.pathSeparator)) {
        String e = entry.trim();
        if (!e.isEmpty()) {
          result.add(base.resolve(e));
        }
      }
    } catch (IOException e) {
      throw new ExtensionConfigurationException("[" + file + "] could not be read", e);
    }
    return result;
  }
}
