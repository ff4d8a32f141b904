package dev.lamina.test.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON error document the runtime posts to {@code /error} and {@code /init/error}:
 * {@code {"errorMessage":..,"errorType":..,"stackTrace":[..]}}. Parsing never fails: a body that is
 * not such a document yields null fields.
 */
public final class ErrorDocument {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final String errorType;
  private final String errorMessage;
  private final List<String> stackTrace;

  private ErrorDocument(String errorType, String errorMessage, List<String> stackTrace) {
    this.errorType = errorType;
    this.errorMessage = errorMessage;
    this.stackTrace = List.copyOf(stackTrace);
  }

  public static ErrorDocument parse(byte[] body) {
    try {
      JsonNode root = MAPPER.readTree(body);
      if (root == null || !root.isObject()) {
        return new ErrorDocument(null, null, List.of());
      }
      List<String> trace = new ArrayList<>();
      JsonNode st = root.get("stackTrace");
      if (st != null && st.isArray()) {
        st.forEach(n -> trace.add(n.isTextual() ? n.asText() : n.toString()));
      }
      return new ErrorDocument(text(root, "errorType"), text(root, "errorMessage"), trace);
    } catch (IOException e) {
      return new ErrorDocument(null, null, List.of());
    }
  }

  private static String text(JsonNode root, String field) {
    JsonNode n = root.get(field);
    return n == null || n.isNull() ? null : n.asText();
  }

  public String errorType() {
    return errorType;
  }

  public String errorMessage() {
    return errorMessage;
  }

  public List<String> stackTrace() {
    return stackTrace;
  }
}
