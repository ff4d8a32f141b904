package dev.lamina.logging;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Not a test: the cold-start probe from the module README. Logs one line with MDC context and
 * exits, so that {@code -Xlog:class+load} and wall time show what the SLF4J provider on the
 * class path costs. Logs only through the SLF4J API, so it runs against any provider.
 *
 * <p>With the argument {@code --warm-jackson} it first writes a small JSON object with
 * jackson-core, as Lamina's codec does before the first log line in a real function; the
 * difference then shows the provider's own cost on top of Jackson's.
 */
public final class ColdStartProbe {

  private ColdStartProbe() {}

  public static void main(String[] args) throws IOException {
    if (args.length > 0 && args[0].equals("--warm-jackson")) {
      try (JsonGenerator json = new JsonFactory().createGenerator(new ByteArrayOutputStream())) {
        json.writeStartObject();
        json.writeStringField("statusCode", "200");
        json.writeEndObject();
      }
    }
    Logger log = LoggerFactory.getLogger(ColdStartProbe.class);
    MDC.put("function_request_id", "8f5e3c1a-2b4d-4e6f-9a0b-1c2d3e4f5a6b");
    MDC.put("cold_start", "true");
    MDC.put("function_memory_size", "512");
    try {
      log.info("Handled order {}", 42);
    } finally {
      MDC.clear();
    }
  }
}
