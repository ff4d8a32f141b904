package dev.lamina.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lamina.test.FakeContext;
import dev.lamina.test.Invoke;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The payload kinds a handler may declare, end to end through {@link LambdaHandler}. */
class PayloadTypesThroughHandlerTest {
  static HandlerEnvironment env() {
    return HandlerEnvironment.builder().variables(Map.of()).build();
  }

  static String fixture(String name) throws Exception {
    try (InputStream in =
        PayloadTypesThroughHandlerTest.class.getResourceAsStream("/events/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static class FailEveryOtherMessage extends LambdaHandler<SQSEvent, SQSBatchResponse> {
    FailEveryOtherMessage() {
      super(env());
    }

    @Override
    protected SQSBatchResponse handle(SQSEvent event, Invocation invocation) {
      List<SQSBatchResponse.BatchItemFailure> failures = new java.util.ArrayList<>();
      for (int i = 0; i < event.getRecords().size(); i += 2) {
        failures.add(
            new SQSBatchResponse.BatchItemFailure(event.getRecords().get(i).getMessageId()));
      }
      return new SQSBatchResponse(failures);
    }
  }

  @Test
  void realSqsEventIn_batchResponseOut() throws Exception {
    String out =
        Invoke.stream(
            new FailEveryOtherMessage(),
            fixture("SQSEvent/sqs_event_nobody.json"),
            FakeContext.create());

    assertEquals(
        "{\"batchItemFailures\":[{\"itemIdentifier\":"
            + "\"d9144555-9a4f-4ec3-99a0-fc4e625a8db2\"}]}",
        out);
  }

  @Test
  void sqsRecordsUnderPascalCaseKey_areAllRead() throws Exception {
    String event =
        "{\"Records\":[{\"messageId\":\"m1\",\"eventSourceARN\":\"arn:q\"},"
            + "{\"messageId\":\"m2\"},{\"messageId\":\"m3\"}]}";

    String out = Invoke.stream(new FailEveryOtherMessage(), event, FakeContext.create());

    assertEquals(
        "{\"batchItemFailures\":[{\"itemIdentifier\":\"m1\"}," + "{\"itemIdentifier\":\"m3\"}]}",
        out);
  }

  static class Tree extends LambdaHandler<JsonNode, Map<String, Object>> {
    Tree() {
      super(env());
    }

    @Override
    protected Map<String, Object> handle(JsonNode input, Invocation invocation) {
      return Map.of("firstTag", input.get("tags").get(0).asText());
    }
  }

  @Test
  void jsonNodeIn_mapOut() throws Exception {
    assertEquals(
        "{\"firstTag\":\"x\"}",
        Invoke.stream(new Tree(), "{\"tags\":[\"x\",\"y\"]}", FakeContext.create()));
  }

  static class Shout extends LambdaHandler<String, String> {
    Shout() {
      super(env());
    }

    @Override
    protected String handle(String input, Invocation invocation) {
      return input.toUpperCase(java.util.Locale.ROOT);
    }
  }

  @Test
  void stringIn_stringOut_asJsonStrings() throws Exception {
    assertEquals(
        "\"HELLO \\\"YOU\\\"\"",
        Invoke.stream(new Shout(), "\"hello \\\"you\\\"\"", FakeContext.create()));
  }
}
