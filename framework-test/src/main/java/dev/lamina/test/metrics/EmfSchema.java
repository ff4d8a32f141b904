package dev.lamina.test.metrics;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON Schema of the Embedded Metric Format, written from the published specification (its
 * schema plus the limits its prose states), validated with networknt's {@code
 * json-schema-validator}, which a test that uses this class declares itself. Thread-safe.
 *
 * <pre>{@code
 * assertEquals(List.of(), EmfSchema.load().problems(line));
 * }</pre>
 */
public final class EmfSchema {
  private static final String RESOURCE = "emf-schema.json";

  private final Schema schema;

  private EmfSchema(Schema schema) {
    this.schema = schema;
  }

  /**
   * Loads the schema from the test kit's resources.
   *
   * @return the schema
   * @throws NoClassDefFoundError if {@code com.networknt:json-schema-validator} is not on the
   *     test class path
   */
  public static EmfSchema load() {
    String text;
    try (InputStream in = EmfSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("[" + RESOURCE + "] is missing from framework-test");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    return new EmfSchema(registry.getSchema(text, InputFormat.JSON));
  }

  /**
   * Validates one line.
   *
   * @param line the JSON text of one line
   * @return what the schema rejects, each with its location; empty if the line is valid
   */
  public List<String> problems(String line) {
    List<String> out = new ArrayList<>();
    for (Error e : schema.validate(line, InputFormat.JSON)) {
      out.add(e.toString());
    }
    return out;
  }
}
