package dev.lamina.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The generated part of a hand-written document: the text between two fixed marker lines,
 * {@value #BEGIN} and {@value #END}, which the cold-start harness replaces with its latest report.
 * Everything outside the markers, the markers included, is kept byte for byte, so the prose around
 * the table stays the author's and the table is always one run, verbatim.
 */
public final class MarkedSection {

  /** The line after which the generated text starts. */
  public static final String BEGIN = "<!-- cold-start:begin -->";

  /** The line before which the generated text ends. */
  public static final String END = "<!-- cold-start:end -->";

  private MarkedSection() {}

  /**
   * The document with the text between the markers replaced by {@code content}.
   *
   * @param document the whole document
   * @param content the new generated text; a trailing line break is added if missing
   * @param source what the document is, for the error message (a file name)
   * @return the new document; the same content twice gives the same document
   * @throws IllegalArgumentException if either marker is missing or repeated, or {@link #END}
   *     comes before {@link #BEGIN}
   */
  public static String replace(String document, String content, String source) {
    int begin = onlyOccurrence(document, BEGIN, source);
    int end = onlyOccurrence(document, END, source);
    if (end < begin) {
      throw new IllegalArgumentException(
          "["
              + source
              + "] has "
              + END
              + " before "
              + BEGIN
              + ": put "
              + BEGIN
              + " on the line before the generated text and "
              + END
              + " on the line after it");
    }
    String body = content.endsWith("\n") ? content : content + "\n";
    return document.substring(0, begin + BEGIN.length()) + "\n" + body + document.substring(end);
  }

  /**
   * Replaces the text between the markers of {@code file} with {@code content}.
   *
   * @throws IllegalArgumentException as {@link #replace}; the file is then left as it was
   * @throws IOException if the file cannot be read or written
   */
  public static void write(Path file, String content) throws IOException {
    String updated = replace(read(file), content, file.toString());
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(temporary, updated, StandardCharsets.UTF_8);
    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * Checks, before a long run, that {@link #write} will find the markers in {@code file}.
   *
   * @throws IllegalArgumentException if it would not
   * @throws IOException if the file cannot be read
   */
  public static void check(Path file) throws IOException {
    replace(read(file), "", file.toString());
  }

  private static String read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          "["
              + file
              + "] does not exist: name the document whose"
              + " table the cold-start harness should replace, with the lines "
              + BEGIN
              + " and "
              + END
              + " around it");
    }
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  private static int onlyOccurrence(String document, String marker, String source) {
    int at = document.indexOf(marker);
    if (at < 0) {
      throw new IllegalArgumentException(
          "["
              + source
              + "] has no "
              + marker
              + " line: the"
              + " generated table goes between the lines "
              + BEGIN
              + " and "
              + END
              + "; add them where the table belongs");
    }
    if (document.indexOf(marker, at + marker.length()) >= 0) {
      throw new IllegalArgumentException(
          "["
              + source
              + "] has "
              + marker
              + " more than once:"
              + " keep exactly one "
              + BEGIN
              + " and one "
              + END);
    }
    return at;
  }
}
