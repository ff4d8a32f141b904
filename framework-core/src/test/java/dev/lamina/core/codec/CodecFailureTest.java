package dev.lamina.core.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each way reading or writing can fail, and that no failure ever repeats the payload. */
class CodecFailureTest {
  private static final String SECRET = "sk_live_9Zq7SECRETv4lue";
  private final PayloadCodec codec = Codecs.standard();

  public record Item(String sku, int qty) {}

  public record Order(String id, List<Item> items) {}

  @Test
  void malformedJson_isMalformedInput_withoutThePayload() {
    byte[] json =
        ("{\"id\":\"" + SECRET + "\",\"items\":[{\"sku\":" + SECRET + "}]}")
            .getBytes(StandardCharsets.UTF_8);

    MalformedInputException e =
        assertThrows(MalformedInputException.class, () -> codec.read(json, Order.class));

    assertTrue(e.getMessage().contains(Order.class.getTypeName()), e.getMessage());
    assertEquals("$.items[0].sku", e.jsonPath());
    assertNoPayloadIn(e);
  }

  @Test
  void stringWhereIntExpected_isInputMismatch_namingTypeAndPath() {
    byte[] json =
        ("{\"id\":\"o-1\",\"items\":[{\"sku\":\"a\",\"qty\":1},{\"sku\":\"b\",\"qty\":\""
                + SECRET
                + "\"}]}")
            .getBytes(StandardCharsets.UTF_8);

    InputMismatchException e =
        assertThrows(InputMismatchException.class, () -> codec.read(json, Order.class));

    assertTrue(e.getMessage().contains("[" + Order.class.getTypeName() + "]"), e.getMessage());
    assertTrue(e.getMessage().contains("$.items[1].qty"), e.getMessage());
    assertEquals("$.items[1].qty", e.jsonPath());
    assertEquals(Order.class.getTypeName(), e.targetType());
    assertNoPayloadIn(e);
  }

  @Test
  void getterThatThrows_isOutputEncoding_namingTypeAndPath() {
    OutputEncodingException e =
        assertThrows(
            OutputEncodingException.class, () -> codec.writeBytes(new Outer(new Exploding())));

    assertTrue(e.getMessage().contains(Outer.class.getTypeName()), e.getMessage());
    assertEquals("$.inner.value", e.jsonPath());
    assertNoPayloadIn(e);
  }

  @Test
  void selfReference_isOutputEncoding_notStackOverflow() {
    Node node = new Node();
    node.next = node;

    OutputEncodingException e =
        assertThrows(OutputEncodingException.class, () -> codec.writeBytes(node));

    assertEquals(Node.class.getTypeName(), e.targetType());
    assertTrue(e.jsonPath().startsWith("$.next"), e.jsonPath());
    assertNoPayloadIn(e);
  }

  @Test
  void indirectCycle_isOutputEncoding_withABoundedPath() {
    Node a = new Node();
    Node b = new Node();
    a.next = b;
    b.next = a;

    OutputEncodingException e =
        assertThrows(OutputEncodingException.class, () -> codec.writeBytes(a));

    assertTrue(e.jsonPath().length() < 400, e.jsonPath());
    assertNoPayloadIn(e);
  }

  @Test
  void failedWrite_leavesNothingInTheStream() {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

    assertThrows(OutputEncodingException.class, () -> codec.write(out, new Outer(new Exploding())));

    assertEquals(0, out.size());
  }

  @Test
  void emptyInput_isMalformedInput_likeTheRuntime() {
    MalformedInputException e =
        assertThrows(MalformedInputException.class, () -> codec.read(new byte[0], Order.class));

    assertEquals("$", e.jsonPath());
    assertTrue(e.getMessage().contains("empty"), e.getMessage());
  }

  @Test
  void whitespaceOnlyInput_isMalformedInput() {
    assertThrows(
        MalformedInputException.class,
        () -> codec.read(" \n ".getBytes(StandardCharsets.UTF_8), Order.class));
  }

  @Test
  void badEventTimestamp_isInputMismatch_withoutThePayload() {
    String json =
        "{\"Records\":[{\"Sns\":{\"MessageId\":\"m\",\"Timestamp\":\"" + SECRET + "\"}}]}";

    InputMismatchException e =
        assertThrows(
            InputMismatchException.class,
            () ->
                codec.read(
                    json.getBytes(StandardCharsets.UTF_8),
                    com.amazonaws.services.lambda.runtime.events.SNSEvent.class));

    assertEquals("$.Records[0].Sns.Timestamp", e.jsonPath());
    assertNoPayloadIn(e);
  }

  @Test
  void s3RecordWithoutEventTime_isInputMismatch_likeTheRuntimeRejectsIt() {
    String json = "{\"Records\":[{\"awsRegion\":\"" + SECRET + "\"}]}";

    InputMismatchException e =
        assertThrows(
            InputMismatchException.class,
            () ->
                codec.read(
                    json.getBytes(StandardCharsets.UTF_8),
                    com.amazonaws.services.lambda.runtime.events.S3Event.class));

    assertEquals("$.Records[0].eventTime", e.jsonPath());
    assertNoPayloadIn(e);
  }

  private static void assertNoPayloadIn(Throwable e) {
    List<Throwable> seen = new ArrayList<>();
    for (Throwable t = e; t != null && !seen.contains(t); t = t.getCause()) {
      seen.add(t);
      String message = String.valueOf(t.getMessage());
      assertFalse(
          message.contains(SECRET),
          "payload in the message of " + t.getClass().getName() + ": " + message);
      assertFalse(
          message.contains("Exploding-"), "getter's message leaked via " + t.getClass().getName());
      for (Throwable s : t.getSuppressed()) {
        assertFalse(String.valueOf(s.getMessage()).contains(SECRET));
      }
    }
    assertTrue(seen.size() > 1, "the cause is kept for its stack trace");
  }

  public static final class Outer {
    private final Exploding inner;

    Outer(Exploding inner) {
      this.inner = inner;
    }

    public Exploding getInner() {
      return inner;
    }
  }

  public static final class Exploding {
    public String getValue() {
      throw new IllegalStateException("Exploding-" + SECRET);
    }
  }

  public static final class Node {
    public Node next;
  }
}
