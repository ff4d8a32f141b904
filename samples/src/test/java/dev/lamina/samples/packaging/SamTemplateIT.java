package dev.lamina.samples.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.lamina.batch.BatchHandler;
import dev.lamina.core.LambdaHandler;
import dev.lamina.core.Lamina;
import dev.lamina.idempotency.IdempotencyTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

/**
 * Keeps samples/template.yaml in step with the build: every code location it names is a package
 * this build produced, every handler it names is a Lamina handler class that exists, the
 * idempotency table has the layout Lamina creates locally, every batch event source mapping
 * reports batch item failures to a handler of its event type, every queue a function reads has a
 * dead-letter queue, and permissions stay least-privilege.
 *
 * <p>The template is read as plain YAML: a tagged value such as {@code !GetAtt OrdersQueue.Arn}
 * reads as its text, {@code "OrdersQueue.Arn"}.
 */
class SamTemplateIT {
  private static final Path BASE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();

  /** The batch event types of SAM, and the event class a handler of each must declare. */
  private static final Map<String, Class<?>> BATCH_EVENTS =
      Map.of("SQS", SQSEvent.class, "Kinesis", KinesisEvent.class, "DynamoDB", DynamodbEvent.class);

  @Test
  void everyFunctionAndLayer_pointsAtABuiltPackage_andAnExistingHandler() throws Exception {
    JsonNode resources = resources();
    List<String> checked = new ArrayList<>();

    for (Map.Entry<String, JsonNode> resource : resources.properties()) {
      JsonNode props = resource.getValue().get("Properties");
      String type = resource.getValue().get("Type").asText();
      if (!type.equals("AWS::Serverless::Function")
          && !type.equals("AWS::Serverless::LayerVersion")) {
        continue;
      }
      String uri =
          type.equals("AWS::Serverless::LayerVersion")
              ? props.get("ContentUri").asText()
              : props.get("CodeUri").asText();
      assertTrue(
          Files.isRegularFile(BASE.resolve(uri)),
          resource.getKey()
              + ": "
              + uri
              + " is not built; the template and samples/pom.xml disagree");
      if (type.equals("AWS::Serverless::Function")) {
        Class<?> handler = Class.forName(props.get("Handler").asText());
        assertTrue(LambdaHandler.class.isAssignableFrom(handler), handler.getName());
      }
      checked.add(resource.getKey());
    }

    assertEquals(
        List.of(
            "LaminaLayer",
            "GreetingFunction",
            "GreetingOnLayerFunction",
            "PlaceOrderFunction",
            "SqsOrdersFunction",
            "FifoOrdersFunction",
            "KinesisEventsFunction",
            "DynamoChangesFunction"),
        checked);
  }

  @Test
  void functionsRunOnJava21_andTheLayerServesEveryJavaRuntimeFrom17() throws Exception {
    // java17 runs on Amazon Linux 2, which reached end of life on 2026-06-30; the jars stay
    // compiled for 17, so the layer is good for every Java runtime from it.
    assertEquals("java21", template().get("Globals").get("Function").get("Runtime").asText());
    List<String> runtimes = new ArrayList<>();
    resources()
        .get("LaminaLayer")
        .get("Properties")
        .get("CompatibleRuntimes")
        .forEach(r -> runtimes.add(r.asText()));
    assertEquals(List.of("java17", "java21", "java25"), runtimes);
    resources()
        .properties()
        .forEach(
            r -> {
              JsonNode runtime = r.getValue().path("Properties").path("Runtime");
              assertTrue(
                  runtime.isMissingNode(),
                  r.getKey() + " overrides the global runtime with " + runtime);
            });
  }

  @Test
  void theTemplateHoldsExactlyTheseResources() throws Exception {
    Map<String, String> types = new LinkedHashMap<>();
    resources().properties().forEach(r -> types.put(r.getKey(), r.getValue().get("Type").asText()));

    assertEquals(
        List.of(
            "LaminaLayer AWS::Serverless::LayerVersion",
            "GreetingFunction AWS::Serverless::Function",
            "GreetingOnLayerFunction AWS::Serverless::Function",
            "IdempotencyTable AWS::DynamoDB::Table",
            "PlaceOrderFunction AWS::Serverless::Function",
            "OrdersDeadLetterQueue AWS::SQS::Queue",
            "OrdersQueue AWS::SQS::Queue",
            "SqsOrdersFunctionRole AWS::IAM::Role",
            "SqsOrdersFunction AWS::Serverless::Function",
            "OrdersFifoDeadLetterQueue AWS::SQS::Queue",
            "OrdersFifoQueue AWS::SQS::Queue",
            "FifoOrdersFunctionRole AWS::IAM::Role",
            "FifoOrdersFunction AWS::Serverless::Function",
            "StreamFailuresQueue AWS::SQS::Queue",
            "ClickStream AWS::Kinesis::Stream",
            "KinesisEventsFunctionRole AWS::IAM::Role",
            "KinesisEventsFunction AWS::Serverless::Function",
            "OrdersTable AWS::DynamoDB::Table",
            "DynamoChangesFunctionRole AWS::IAM::Role",
            "DynamoChangesFunction AWS::Serverless::Function"),
        types.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
  }

  @Test
  void everyBatchEventSourceMapping_reportsBatchItemFailures_toABatchHandlerOfItsEventType()
      throws Exception {
    List<String> checked = new ArrayList<>();

    for (BatchEvent event : batchEvents(resources())) {
      List<String> responseTypes = new ArrayList<>();
      event.properties().path("FunctionResponseTypes").forEach(t -> responseTypes.add(t.asText()));
      assertTrue(
          responseTypes.contains("ReportBatchItemFailures"),
          event + ": without" + " ReportBatchItemFailures Lambda ignores the partial response");
      Class<?> handler = Class.forName(event.function().get("Handler").asText());
      assertTrue(
          BatchHandler.class.isAssignableFrom(handler),
          event + ": " + handler.getName() + " does not answer a partial batch response");
      assertEquals(
          BATCH_EVENTS.get(event.type()),
          Lamina.typeArguments(handler, BatchHandler.class)[0],
          event + ": " + handler.getName());
      checked.add(event.toString());
    }

    assertEquals(
        List.of(
            "SqsOrdersFunction.Orders (SQS)",
            "FifoOrdersFunction.Orders (SQS)",
            "KinesisEventsFunction.Clicks (Kinesis)",
            "DynamoChangesFunction.OrderChanges (DynamoDB)"),
        checked);
  }

  @Test
  void everyQueueAFunctionReads_hasADeadLetterQueue_andOutlastsSixFunctionTimeouts()
      throws Exception {
    JsonNode resources = resources();
    int globalTimeout = template().get("Globals").get("Function").get("Timeout").asInt();
    Set<String> read = new TreeSet<>();
    Set<String> deadLetterQueues = new TreeSet<>();

    for (BatchEvent event : batchEvents(resources)) {
      if (!event.type().equals("SQS")) {
        continue;
      }
      String name = logicalId(event.properties().get("Queue"));
      JsonNode queue = resources.get(name).get("Properties");
      JsonNode redrive = queue.get("RedrivePolicy");
      assertTrue(
          redrive != null,
          name
              + " has no RedrivePolicy: a message that always fails"
              + " would be retried until it expires");
      assertEquals(5, redrive.get("maxReceiveCount").asInt(), name);
      JsonNode deadLetters = resources.get(logicalId(redrive.get("deadLetterTargetArn")));
      assertEquals("AWS::SQS::Queue", deadLetters.get("Type").asText(), name);
      assertEquals(
          queue.path("FifoQueue").asBoolean(),
          deadLetters.path("Properties").path("FifoQueue").asBoolean(),
          name + ": a FIFO queue's dead-letter queue is FIFO, a standard queue's is not");
      int timeout = event.function().path("Timeout").asInt(globalTimeout);
      assertTrue(
          queue.get("VisibilityTimeout").asInt() >= 6 * timeout,
          name + ": the visibility timeout must be at least six function timeouts");
      read.add(name);
      deadLetterQueues.add(logicalId(redrive.get("deadLetterTargetArn")));
    }

    assertEquals(Set.of("OrdersQueue", "OrdersFifoQueue"), read);
    Set<String> queues = new TreeSet<>();
    resources
        .properties()
        .forEach(
            r -> {
              if (r.getValue().get("Type").asText().equals("AWS::SQS::Queue")) {
                queues.add(r.getKey());
              }
            });
    Set<String> accounted = new TreeSet<>(read);
    accounted.addAll(deadLetterQueues);
    accounted.add("StreamFailuresQueue"); // the streams' on-failure destination, read by no one
    assertEquals(
        accounted,
        queues,
        "every other queue must be a dead-letter queue or a failure"
            + " destination; a queue a function reads needs a RedrivePolicy");
    assertTrue(resources.get("OrdersFifoQueue").get("Properties").get("FifoQueue").asBoolean());
    assertEquals(
        "OrdersFifoQueue.Arn",
        resources
            .get("FifoOrdersFunction")
            .get("Properties")
            .get("Events")
            .get("Orders")
            .get("Properties")
            .get("Queue")
            .asText(),
        "the FIFO sample reads the FIFO queue");
  }

  @Test
  void streamMappings_startAtTheOldestRecord_bisect_andSendWhatTheyGiveUpOnToAQueue()
      throws Exception {
    JsonNode resources = resources();
    int streams = 0;

    for (BatchEvent event : batchEvents(resources)) {
      if (event.type().equals("SQS")) {
        continue;
      }
      JsonNode p = event.properties();
      assertEquals("TRIM_HORIZON", p.get("StartingPosition").asText(), event.toString());
      assertTrue(p.get("BisectBatchOnFunctionError").asBoolean(), event.toString());
      int retries = p.get("MaximumRetryAttempts").asInt(-1);
      assertTrue(
          retries >= 0 && retries <= 10,
          event
              + ": retries must be bounded, or a bad"
              + " record blocks its shard until it expires");
      String destination =
          logicalId(p.get("DestinationConfig").get("OnFailure").get("Destination"));
      assertEquals(
          "AWS::SQS::Queue", resources.get(destination).get("Type").asText(), event.toString());
      streams++;
    }

    assertEquals(2, streams);
    assertEquals(
        "NEW_AND_OLD_IMAGES",
        resources
            .get("OrdersTable")
            .get("Properties")
            .get("StreamSpecification")
            .get("StreamViewType")
            .asText());
  }

  @Test
  void batchFunctionsRunOnTheirOwnRole_allowedTheMappingsActionsOnTheirOwnSourceOnly()
      throws Exception {
    JsonNode resources = resources();
    Map<String, List<String>> expected =
        Map.of(
            "SqsOrdersFunction",
                List.of(
                    "OrdersQueue.Arn: sqs:ReceiveMessage, sqs:DeleteMessage,"
                        + " sqs:GetQueueAttributes"),
            "FifoOrdersFunction",
                List.of(
                    "OrdersFifoQueue.Arn: sqs:ReceiveMessage,"
                        + " sqs:DeleteMessage, sqs:GetQueueAttributes"),
            "KinesisEventsFunction",
                List.of(
                    "ClickStream.Arn: kinesis:DescribeStream,"
                        + " kinesis:DescribeStreamSummary, kinesis:GetRecords, kinesis:GetShardIterator,"
                        + " kinesis:ListShards",
                    "StreamFailuresQueue.Arn: sqs:SendMessage"),
            "DynamoChangesFunction",
                List.of(
                    "${OrdersTable.Arn}/stream/*: dynamodb:DescribeStream,"
                        + " dynamodb:GetRecords, dynamodb:GetShardIterator, dynamodb:ListStreams",
                    "StreamFailuresQueue.Arn: sqs:SendMessage"));

    for (Map.Entry<String, List<String>> function : expected.entrySet()) {
      JsonNode props = resources.get(function.getKey()).get("Properties");
      assertFalse(
          props.has("Policies"),
          function.getKey() + ": with its own role, Policies" + " would be ignored");
      JsonNode role = resources.get(logicalId(props.get("Role"))).get("Properties");
      assertEquals(
          "lambda.amazonaws.com",
          role.get("AssumeRolePolicyDocument")
              .get("Statement")
              .get(0)
              .get("Principal")
              .get("Service")
              .asText());
      assertEquals(1, role.get("ManagedPolicyArns").size(), function.getKey());
      assertTrue(
          role.get("ManagedPolicyArns")
              .get(0)
              .asText()
              .endsWith(":iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"));
      List<String> grants = new ArrayList<>();
      for (JsonNode policy : role.get("Policies")) {
        for (JsonNode statement : policy.get("PolicyDocument").get("Statement")) {
          assertEquals("Allow", statement.get("Effect").asText());
          List<String> actions = new ArrayList<>();
          statement.get("Action").forEach(a -> actions.add(a.asText()));
          grants.add(statement.get("Resource").asText() + ": " + String.join(", ", actions));
        }
      }
      assertEquals(function.getValue(), grants, function.getKey());
    }
  }

  @Test
  void idempotencyTable_matchesTheDefinitionLaminaCreatesLocally() throws Exception {
    JsonNode table = resources().get("IdempotencyTable").get("Properties");
    CreateTableRequest local = IdempotencyTable.definition("any");

    assertEquals(
        local.keySchema().get(0).attributeName(),
        table.get("KeySchema").get(0).get("AttributeName").asText());
    assertEquals("HASH", table.get("KeySchema").get(0).get("KeyType").asText());
    assertEquals(1, table.get("KeySchema").size());
    assertEquals("expiration", table.get("TimeToLiveSpecification").get("AttributeName").asText());
    assertTrue(table.get("TimeToLiveSpecification").get("Enabled").asBoolean());
  }

  @Test
  void greetingsHaveNoPolicy_andTheOrdersPolicyIsLimitedToTheProtocolsItemOperationsOnItsTable()
      throws Exception {
    JsonNode resources = resources();
    for (String greeting : List.of("GreetingFunction", "GreetingOnLayerFunction")) {
      assertFalse(
          resources.get(greeting).get("Properties").has("Policies"),
          greeting + " calls no AWS service and needs no policy beyond basic execution");
    }
    JsonNode statements =
        resources
            .get("PlaceOrderFunction")
            .get("Properties")
            .get("Policies")
            .get(0)
            .get("Statement");

    assertEquals(1, statements.size());
    JsonNode statement = statements.get(0);
    assertEquals("Allow", statement.get("Effect").asText());
    List<String> actions = new ArrayList<>();
    statement.get("Action").forEach(a -> actions.add(a.asText()));
    assertEquals(
        List.of(
            "dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"),
        actions);
    assertTrue(
        statement.get("Resource").toString().contains("IdempotencyTable"), statement.toString());
  }

  /** A function's SQS, Kinesis or DynamoDB event: an event source mapping. */
  private record BatchEvent(
      String functionName, String name, String type, JsonNode function, JsonNode properties) {
    @Override
    public String toString() {
      return functionName + "." + name + " (" + type + ")";
    }
  }

  private static List<BatchEvent> batchEvents(JsonNode resources) {
    List<BatchEvent> events = new ArrayList<>();
    resources
        .properties()
        .forEach(
            resource -> {
              JsonNode props = resource.getValue().get("Properties");
              if (!resource.getValue().get("Type").asText().equals("AWS::Serverless::Function")
                  || !props.has("Events")) {
                return;
              }
              props
                  .get("Events")
                  .properties()
                  .forEach(
                      event -> {
                        String type = event.getValue().get("Type").asText();
                        if (BATCH_EVENTS.containsKey(type)) {
                          events.add(
                              new BatchEvent(
                                  resource.getKey(),
                                  event.getKey(),
                                  type,
                                  props,
                                  event.getValue().get("Properties")));
                        }
                      });
            });
    return events;
  }

  /** The resource a {@code !GetAtt Name.Attribute} or {@code !Ref Name} value names. */
  private static String logicalId(JsonNode reference) {
    String text = reference.asText();
    int dot = text.indexOf('.');
    return dot < 0 ? text : text.substring(0, dot);
  }

  private static JsonNode template() throws java.io.IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    return yaml.readTree(BASE.resolve("template.yaml").toFile());
  }

  private static JsonNode resources() throws java.io.IOException {
    return template().get("Resources");
  }
}
