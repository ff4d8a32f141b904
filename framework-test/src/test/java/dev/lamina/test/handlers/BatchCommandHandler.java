package dev.lamina.test.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A batch function for the event source mapping tests, not Lamina: each record carries a command
 * (an SQS body, Kinesis data, Kafka value, or a DynamoDB image's {@code cmd} attribute) that says
 * how the function treats it. {@code ok} succeeds and prints {@code PROCESSED <id>}; {@code fail}
 * is reported in a partial batch response; {@code fail-once} is reported the first time only;
 * {@code throw} throws (the whole invocation fails); {@code throw-once} throws the first time
 * only; {@code bad-id}, {@code empty-id}, {@code null-id}, {@code bad-key} and {@code number-id}
 * answer with an invalid identifier; {@code not-json} answers with text; {@code sleep} outlasts
 * any short timeout. Records are handled in order; the first {@code throw} stops the batch.
 * Thread-safe: it keeps only the set of records seen, for the once-commands.
 */
public class BatchCommandHandler implements RequestStreamHandler {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    JsonNode event = JSON.readTree(input);
    List<JsonNode> ids = new ArrayList<>();
    List<String> commands = new ArrayList<>();
    if (event.has("Records")) {
      for (JsonNode r : event.get("Records")) {
        switch (r.path("eventSource").asText()) {
          case "aws:sqs" -> {
            ids.add(r.get("messageId"));
            commands.add(r.get("body").asText());
          }
          case "aws:kinesis" -> {
            ids.add(r.get("kinesis").get("sequenceNumber"));
            commands.add(decode(r.get("kinesis").get("data").asText()));
          }
          case "aws:dynamodb" -> {
            JsonNode data = r.get("dynamodb");
            ids.add(data.get("SequenceNumber"));
            JsonNode image = data.has("NewImage") ? data.get("NewImage") : data.get("OldImage");
            commands.add(image.path("cmd").path("S").asText("ok"));
          }
          default -> throw new IllegalArgumentException("Unknown event source");
        }
      }
    } else {
      for (Map.Entry<String, JsonNode> partition : event.get("records").properties()) {
        for (JsonNode r : partition.getValue()) {
          ObjectNode id = JSON.createObjectNode();
          id.put("partition", partition.getKey());
          id.put("offset", r.get("offset").asLong());
          ids.add(id);
          commands.add(decode(r.get("value").asText()));
        }
      }
    }
    ObjectNode response = JSON.createObjectNode();
    ArrayNode failures = response.putArray("batchItemFailures");
    for (int i = 0; i < ids.size(); i++) {
      JsonNode id = ids.get(i);
      String key = id.toString();
      switch (commands.get(i)) {
        case "ok" -> processed(id);
        case "fail" -> failures.addObject().set("itemIdentifier", id);
        case "fail-once" -> {
          if (SEEN.add(key)) {
            failures.addObject().set("itemIdentifier", id);
          } else {
            processed(id);
          }
        }
        case "throw" -> throw new IllegalStateException("asked to throw");
        case "throw-once" -> {
          if (SEEN.add(key)) {
            throw new IllegalStateException("asked to throw once");
          }
          processed(id);
        }
        case "bad-id" -> failures.addObject().put("itemIdentifier", "not-in-this-batch");
        case "empty-id" -> failures.addObject().put("itemIdentifier", "");
        case "null-id" -> failures.addObject().putNull("itemIdentifier");
        case "bad-key" -> failures.addObject().set("itemId", id);
        case "number-id" -> failures.addObject().put("itemIdentifier", 42);
        case "not-json" -> {
          output.write("all good, I think".getBytes(StandardCharsets.UTF_8));
          return;
        }
        case "sleep" -> {
          try {
            Thread.sleep(2_500);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        default -> throw new IllegalArgumentException("Unknown command");
      }
    }
    JSON.writeValue(output, response);
  }

  private static void processed(JsonNode id) {
    System.out.println("PROCESSED " + (id.isTextual() ? id.asText() : id.toString()));
  }

  private static String decode(String base64) {
    return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
  }
}
