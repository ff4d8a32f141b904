package dev.lamina.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What a release of Lamina needs, checked on the tree as built. A published module is one the
 * root pom lists that inherits {@code lamina-parent}, packs a jar and does not set
 * {@code lamina.unpublished}; each must be managed by {@code lamina-bom} at the build's version,
 * and ship a jar with its {@code Automatic-Module-Name}, a source jar and a Javadoc jar, all with
 * every entry at the fixed build time.
 */
class PublishedArtifactsIT {
  /**
   * Listed in the BOM while its module is still being written on another branch. Once the module
   * is in the reactor the check below fails until its name is taken out of this set.
   */
  private static final Set<String> PENDING = Set.of();

  private static final Path ROOT =
      Path.of(System.getProperty("lamina.root", "..")).normalize().toAbsolutePath();
  private static final String VERSION = System.getProperty("lamina.version");

  private static Map<String, Path> published;
  private static Element bom;

  @BeforeAll
  static void readTheTree() throws Exception {
    published = new TreeMap<>();
    for (Element module : children(child(pom(ROOT).getDocumentElement(), "modules"), "module")) {
      Path dir = ROOT.resolve(module.getTextContent().trim());
      Element project = pom(dir).getDocumentElement();
      Element parent = child(project, "parent");
      boolean inherits = parent != null && "lamina-parent".equals(text(parent, "artifactId"));
      String packaging = text(project, "packaging");
      boolean jar = packaging == null || packaging.equals("jar");
      Element properties = child(project, "properties");
      boolean unpublished =
          properties != null && "true".equals(text(properties, "lamina.unpublished"));
      if (inherits && jar && !unpublished) {
        published.put(text(project, "artifactId"), dir);
      }
    }
    bom = pom(ROOT.resolve("lamina-bom")).getDocumentElement();
    assertTrue(VERSION != null && !VERSION.isBlank(), "lamina.version is not set");
  }

  @Test
  void theFrameworkModulesArePublished_andNothingElse() {
    assertEquals(
        Set.of(
            "framework-logging",
            "framework-core",
            "framework-config",
            "framework-test",
            "framework-testkit",
            "framework-idempotency",
            "framework-batch",
            "framework-metrics",
            "framework-validation"),
        withoutPendingModules(published.keySet()));
  }

  @Test
  void theBomManagesEveryPublishedModule_atTheBuildsVersion() {
    assertEquals(VERSION, text(bom, "version"), "lamina-bom's version");
    assertEquals(
        null,
        child(bom, "parent"),
        "lamina-bom must not inherit: an import would carry the parent's managed versions too");

    Map<String, String> managed = new TreeMap<>();
    for (Element d :
        children(child(child(bom, "dependencyManagement"), "dependencies"), "dependency")) {
      if ("dev.lamina".equals(text(d, "groupId"))) {
        managed.put(text(d, "artifactId"), text(d, "version"));
      }
    }
    Set<String> missing = new TreeSet<>(published.keySet());
    missing.removeAll(managed.keySet());
    assertEquals(Set.of(), missing, "published modules missing from lamina-bom/pom.xml");

    Set<String> stale = new TreeSet<>(managed.keySet());
    stale.removeAll(published.keySet());
    stale.removeAll(PENDING);
    assertEquals(Set.of(), stale, "lamina-bom manages artifacts the build does not publish");
    Set<String> landed = new TreeSet<>(PENDING);
    landed.retainAll(published.keySet());
    assertEquals(Set.of(), landed, "these modules are built now: take them out of PENDING");

    managed.forEach(
        (artifact, version) ->
            assertEquals(
                "${project.version}",
                version,
                artifact + " in lamina-bom must use ${project.version}"));
  }

  @Test
  void theBomsEventsVersion_isTheOneTheBuildTestsWith() {
    String built = System.getProperty("lamina.eventsVersion");
    assertEquals(
        built,
        text(child(bom, "properties"), "lambda.events.version"),
        "lamina-bom's lambda.events.version against lamina-parent's");
    boolean listed = false;
    for (Element d :
        children(child(child(bom, "dependencyManagement"), "dependencies"), "dependency")) {
      if ("aws-lambda-java-events".equals(text(d, "artifactId"))) {
        listed = "${lambda.events.version}".equals(text(d, "version"));
      }
    }
    assertTrue(listed, "lamina-bom manages aws-lambda-java-events at ${lambda.events.version}");
  }

  @Test
  void theBomCarriesTheCentralMetadata() throws Exception {
    Element parent = pom(ROOT).getDocumentElement();
    for (String field : List.of("url", "licenses", "developers", "scm")) {
      Element ours = child(bom, field);
      assertTrue(ours != null, "lamina-bom has no <" + field + ">");
      assertEquals(
          normalized(child(parent, field)),
          normalized(ours),
          "<" + field + "> differs between lamina-parent and lamina-bom");
    }
  }

  @Test
  void theseChecksRunAfterEveryPublishedModule() throws Exception {
    Set<String> dependencies = new TreeSet<>();
    Element project = pom(ROOT.resolve("release-checks")).getDocumentElement();
    for (Element d : children(child(project, "dependencies"), "dependency")) {
      dependencies.add(text(d, "artifactId"));
    }
    Set<String> missing = new TreeSet<>(published.keySet());
    missing.removeAll(dependencies);
    assertEquals(
        Set.of(),
        missing,
        "add these to release-checks/pom.xml, so the reactor packages them first");
  }

  @Test
  void everyPublishedModuleShipsItsJars_namedForTheModulePath_atTheFixedTime() throws Exception {
    String configured = System.getProperty("lamina.outputTimestamp");
    assertTrue(
        configured != null && !configured.isBlank() && !configured.startsWith("${"),
        "project.build.outputTimestamp is not set: " + configured);
    LocalDateTime fixed = LocalDateTime.ofInstant(Instant.parse(configured), ZoneOffset.UTC);

    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, Path> module : published.entrySet()) {
      String artifact = module.getKey();
      Path target = module.getValue().resolve("target");
      for (String suffix : List.of("", "-sources", "-javadoc")) {
        Path jar = target.resolve(artifact + "-" + VERSION + suffix + ".jar");
        if (!Files.isRegularFile(jar)) {
          problems.add(jar + " was not built");
          continue;
        }
        try (JarFile file = new JarFile(jar.toFile())) {
          if (suffix.isEmpty()) {
            String expected = "dev.lamina." + artifact.replaceFirst("^framework-", "");
            String name =
                file.getManifest() == null
                    ? null
                    : file.getManifest().getMainAttributes().getValue("Automatic-Module-Name");
            if (!expected.equals(name)) {
              problems.add(
                  jar.getFileName()
                      + ": Automatic-Module-Name is "
                      + name
                      + ", expected "
                      + expected);
            }
          }
          int entries = 0;
          for (Enumeration<? extends ZipEntry> e = file.entries(); e.hasMoreElements(); ) {
            ZipEntry entry = e.nextElement();
            entries++;
            if (!fixed.equals(entry.getTimeLocal())) {
              problems.add(
                  jar.getFileName()
                      + ": "
                      + entry.getName()
                      + " at "
                      + entry.getTimeLocal()
                      + ", not "
                      + fixed);
              break;
            }
          }
          if (entries < 2) {
            problems.add(jar.getFileName() + " is empty");
          }
        }
      }
    }
    assertEquals(List.of(), problems);
    assertFalse(published.isEmpty());
  }

  private static Set<String> withoutPendingModules(Set<String> names) {
    Set<String> result = new TreeSet<>(names);
    result.removeAll(PENDING);
    return result;
  }

  private static Document pom(Path dir) throws Exception {
    Path file = dir.resolve("pom.xml");
    if (!Files.isRegularFile(file)) {
      throw new IOException(file + " does not exist");
    }
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(file.toFile());
  }

  /** The first direct child element called {@code name}, or {@code null}. */
  private static Element child(Element parent, String name) {
    if (parent == null) {
      return null;
    }
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e;
      }
    }
    return null;
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> result = new ArrayList<>();
    if (parent != null) {
      NodeList nodes = parent.getChildNodes();
      for (int i = 0; i < nodes.getLength(); i++) {
        if (nodes.item(i) instanceof Element e && e.getTagName().equals(name)) {
          result.add(e);
        }
      }
    }
    return result;
  }

  private static String text(Element parent, String name) {
    Element e = child(parent, name);
    return e == null ? null : e.getTextContent().trim();
  }

  /** An element's text with runs of white space folded, for comparing two copies of it. */
  private static String normalized(Element e) {
    return e == null ? null : e.getTextContent().replaceAll("\\s+", " ").trim();
  }
}
