package dev.lamina.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkedSectionTest {
  private static final String BEFORE = "# Performance\n\nProse the author wrote.\n\n";
  private static final String AFTER = "\n## Later\n\nMore prose, with | a table | row |\n";

  private static String document(String generated) {
    return BEFORE + MarkedSection.BEGIN + "\n" + generated + MarkedSection.END + AFTER;
  }

  @Test
  void replacesOnlyTheTextBetweenTheMarkers() {
    String updated =
        MarkedSection.replace(
            document("| old | table |\n| --- | --- |\n"),
            "Measured today.\n\n| new | table |\n",
            "doc.md");

    assertEquals(document("Measured today.\n\n| new | table |\n"), updated);
    assertTrue(updated.startsWith(BEFORE + MarkedSection.BEGIN + "\n"));
    assertTrue(updated.endsWith(MarkedSection.END + AFTER));
  }

  @Test
  void theSameContentTwiceGivesTheSameDocument() {
    String once = MarkedSection.replace(document("old\n"), "new", "doc.md");
    String twice = MarkedSection.replace(once, "new", "doc.md");

    assertEquals(document("new\n"), once);
    assertEquals(once, twice);
  }

  @Test
  void fillsAnEmptySection() {
    String empty = BEFORE + MarkedSection.BEGIN + "\n" + MarkedSection.END + AFTER;

    assertEquals(document("table\n"), MarkedSection.replace(empty, "table\n", "doc.md"));
  }

  @Test
  void failsClearlyWithoutTheBeginMarker() {
    String document = BEFORE + "table\n" + MarkedSection.END + AFTER;

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> MarkedSection.replace(document, "new", "docs/performance.md"));
    assertEquals(
        "[docs/performance.md] has no "
            + MarkedSection.BEGIN
            + " line: the generated"
            + " table goes between the lines "
            + MarkedSection.BEGIN
            + " and "
            + MarkedSection.END
            + "; add them where the table belongs",
        e.getMessage());
  }

  @Test
  void failsClearlyWithoutTheEndMarker() {
    String document = BEFORE + MarkedSection.BEGIN + "\ntable\n" + AFTER;

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> MarkedSection.replace(document, "new", "docs/performance.md"));
    assertTrue(
        e.getMessage().startsWith("[docs/performance.md] has no " + MarkedSection.END + " line"),
        e.getMessage());
  }

  @Test
  void failsWhenTheMarkersAreSwappedOrRepeated() {
    String swapped = BEFORE + MarkedSection.END + "\ntable\n" + MarkedSection.BEGIN + AFTER;
    String repeated = document("table\n") + MarkedSection.BEGIN + "\n";

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> MarkedSection.replace(swapped, "new", "doc.md"));
    assertTrue(
        e.getMessage().contains(MarkedSection.END + " before " + MarkedSection.BEGIN),
        e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> MarkedSection.replace(repeated, "new", "doc.md"));
    assertTrue(e.getMessage().contains(MarkedSection.BEGIN + " more than once"), e.getMessage());
  }

  @Test
  void writesTheFileAndLeavesItAsItWasOnFailure(@TempDir Path dir) throws Exception {
    Path doc = dir.resolve("performance.md");
    Files.writeString(doc, document("old\n"));

    MarkedSection.check(doc);
    MarkedSection.write(doc, "new\n");
    assertEquals(document("new\n"), Files.readString(doc));

    Path broken = dir.resolve("broken.md");
    Files.writeString(broken, BEFORE);
    assertThrows(IllegalArgumentException.class, () -> MarkedSection.check(broken));
    assertThrows(IllegalArgumentException.class, () -> MarkedSection.write(broken, "new\n"));
    assertEquals(BEFORE, Files.readString(broken));
    try (var files = Files.list(dir)) {
      assertEquals(2, files.count(), "no temporary file is left behind");
    }
  }

  @Test
  void namesAMissingFile(@TempDir Path dir) {
    Path missing = dir.resolve("nowhere.md");

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> MarkedSection.check(missing));
    assertTrue(e.getMessage().startsWith("[" + missing + "] does not exist"), e.getMessage());
  }
}
