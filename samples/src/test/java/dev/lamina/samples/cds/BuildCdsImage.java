package dev.lamina.samples.cds;

import dev.lamina.test.FunctionClassPath;
import dev.lamina.test.cds.TrainCds;
import dev.lamina.test.internal.Directories;
import dev.lamina.test.internal.RuntimeClientClassPath;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Behind {@code mvn -q -DskipTests -Pcds package -pl samples}: lays out what the sample
 * Dockerfile copies into a container image, and trains an archive on it here.
 *
 * <ul>
 *   <li>{@code target/cds-image/lib}: the function's jars, its own classes as a jar (a CDS
 *       archive takes no directories), and the runtime interface client, which an image not
 *       built on an AWS base image brings itself;
 *   <li>{@code target/cds-image/trainer}: {@link TrainCds} and what it needs, used during the
 *       image build only;
 *   <li>{@code target/cds-image/app.jsa}, {@code classpath}, {@code java-tool-options}: an
 *       archive trained on those jars where they are now, for local runs. The image trains its own
 *       at its own paths (an archive is only valid for the paths it was trained on).
 * </ul>
 *
 * <p>Arguments: the module's target directory, the events directory, the handler.
 */
public final class BuildCdsImage {
  private BuildCdsImage() {}

  public static void main(String[] args) throws IOException {
    Path target = Path.of(args[0]).toAbsolutePath();
    Path events = Path.of(args[1]).toAbsolutePath();
    String handler = args[2];
    Path image = target.resolve("cds-image");
    Path lib = image.resolve("lib");
    Path trainer = image.resolve("trainer");
    Directories.deleteTree(image); // a missing directory is fine
    Files.createDirectories(lib);
    Files.createDirectories(trainer);

    for (Path jar : FunctionClassPath.withModuleJar(target.getParent())) {
      copy(jar, lib);
    }
    for (Path ric : RuntimeClientClassPath.locate()) {
      copy(ric, lib);
    }
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path p = Path.of(entry);
      if (entry.endsWith(".jar") && Files.isRegularFile(p)) {
        copy(p, trainer);
      }
    }
    TrainCds.main(
        new String[] {
          "--handler=" + handler,
          "--lib=" + lib,
          "--events=" + events,
          "--archive=" + image.resolve("app.jsa")
        });
  }

  private static void copy(Path jar, Path dir) throws IOException {
    if (Files.isRegularFile(jar)) {
      Files.copy(jar, dir.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
