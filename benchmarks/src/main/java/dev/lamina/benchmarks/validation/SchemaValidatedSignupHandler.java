package dev.lamina.benchmarks.validation;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.lamina.core.Invocation;
import dev.lamina.core.LambdaHandler;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The same constraints as a JSON Schema (draft 2020-12), checked on the raw payload with
 * networknt's validator before the codec reads it; the schema is compiled once at init.
 */
public class SchemaValidatedSignupHandler extends LambdaHandler<byte[], String> {
  private static final String SCHEMA =
      "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"type\":\"object\","
          + "\"required\":[\"name\",\"email\",\"age\"],\"properties\":{"
          + "\"name\":{\"type\":\"string\",\"minLength\":1,\"maxLength\":40,\"pattern\":\"\\\\S\"},"
          + "\"email\":{\"type\":\"string\",\"format\":\"email\"},"
          + "\"age\":{\"type\":\"integer\",\"minimum\":18},"
          + "\"tags\":{\"type\":\"array\",\"maxItems\":5,"
          + "\"items\":{\"type\":\"string\",\"pattern\":\"\\\\S\"}}}}";

  private final Schema schema =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
          .getSchema(SCHEMA, InputFormat.JSON);

  @Override
  protected String handle(byte[] payload, Invocation invocation) {
    List<Error> errors =
        schema.validate(new String(payload, StandardCharsets.UTF_8), InputFormat.JSON);
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException(errors.size() + " violations");
    }
    PlainSignup request = codec().read(payload, PlainSignup.class);
    return "welcome " + request.name();
  }
}
