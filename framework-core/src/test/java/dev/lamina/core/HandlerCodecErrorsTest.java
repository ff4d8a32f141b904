package dev.lamina.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lamina.core.codec.InputMismatchException;
import dev.lamina.core.codec.OutputEncodingException;
import dev.lamina.test.CapturedStdout;
import dev.lamina.test.FakeContext;
import dev.lamina.test.Invoke;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Codec failures seen through a handler: typed, naming the type and JSON path, logged once with
 * the request id, and never carrying the payload into a message or a log line.
 */
class HandlerCodecErrorsTest {
  private static final String SECRET = "tok_4f9a8s3cr3t";

  record Line(String sku, int qty) {}

  record Order(String customer, List<Line> lines) {}

  static final class Unwritable {
    public String getCard() {
      throw new IllegalStateException("card " + SECRET + " unavailable");
    }
  }

  static class Orders extends LambdaHandler<Order, Object> {
    Orders() {
      super(HandlerEnvironment.builder().variables(Map.of()).build());
    }

    @Override
    protected Object handle(Order input, Invocation invocation) {
      return "unwritable".equals(input.customer()) ? new Unwritable() : input.lines().size();
    }
  }

  private static void assertNoSecretAnywhere(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertFalse(String.valueOf(t.getMessage()).contains(SECRET), t.toString());
    }
  }

  @Test
  void inputOfTheWrongShape_isAnInputMismatch_namingTypeAndPath() throws Exception {
    String payload =
        "{\"customer\":\"c\",\"lines\":[{\"sku\":\"a\",\"qty\":1},"
            + "{\"sku\":\"b\",\"qty\":\""
            + SECRET
            + "\"}]}";
    InputMismatchException e;
    List<JsonNode> log;
    try (CapturedStdout out = new CapturedStdout()) {
      e =
          assertThrows(
              InputMismatchException.class,
              () ->
                  Invoke.stream(
                      new Orders(), payload, FakeContext.builder().requestId("req-mm").build()));
      log = out.jsonLines();
    }

    assertEquals("$.lines[1].qty", e.jsonPath());
    assertTrue(e.getMessage().contains("$.lines[1].qty"), e.getMessage());
    assertTrue(e.getMessage().contains("Order"), e.getMessage());
    assertNoSecretAnywhere(e);
    assertEquals(1, log.size());
    assertEquals("req-mm", log.get(0).get(LogFields.REQUEST_ID).asText());
    assertFalse(log.get(0).toString().contains(SECRET), log.get(0).toString());
  }

  @Test
  void unserialisableResult_isAnOutputEncodingError_namingTheType() throws Exception {
    OutputEncodingException e;
    List<JsonNode> log;
    try (CapturedStdout out = new CapturedStdout()) {
      e =
          assertThrows(
              OutputEncodingException.class,
              () ->
                  Invoke.stream(
                      new Orders(),
                      "{\"customer\":\"unwritable\",\"lines\":[]}",
                      FakeContext.create()));
      log = out.jsonLines();
    }

    assertTrue(e.getMessage().contains("Unwritable"), e.getMessage());
    assertTrue(e.jsonPath().startsWith("$"), e.jsonPath());
    assertNoSecretAnywhere(e);
    assertEquals(1, log.size());
    assertFalse(log.get(0).toString().contains(SECRET), log.get(0).toString());
  }
}
