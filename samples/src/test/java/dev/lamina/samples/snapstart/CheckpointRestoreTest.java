package dev.lamina.samples.snapstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lamina.core.HandlerEnvironment;
import dev.lamina.idempotency.IdempotencyTable;
import dev.lamina.samples.batch.BatchEvents;
import dev.lamina.test.CapturedStdout;
import dev.lamina.test.FakeAwsEnvironment;
import dev.lamina.test.FakeContext;
import dev.lamina.test.Invoke;
import dev.lamina.test.dynamodb.DynamoDbLocalExtension;
import dev.lamina.test.dynamodb.DynamoDbLocalTables;
import dev.lamina.test.metrics.EmfLine;
import dev.lamina.test.ssm.LocalParameterStore;
import dev.lamina.test.ssm.ParameterType;
import dev.lamina.testkit.FeatureEnvironment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SnapStart for every sample: each handler is built as Lambda builds it during init (with the
 * environment's CRaC registry captured instead of the JVM's), invoked once, then checkpointed and
 * restored through exactly the {@code org.crac.Resource}s it registered, and invoked again. After
 * the restore it still answers (its SDK clients were re-created against the same endpoints), the
 * first invocation after it is logged as a restore and not as a cold start, and the one after that
 * is neither. With {@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}, as Lambda sets it, no
 * invocation is a cold start.
 */
@ExtendWith(DynamoDbLocalExtension.class)
class CheckpointRestoreTest {
  private static final String NAME = "{\"name\":\"Ada\"}";
  private static LocalParameterStore ssm;

  @BeforeAll
  static void startParameterStore() throws Exception {
    ssm = LocalParameterStore.start();
    ssm.put("/greeter/snap/punctuation", "!");
    ssm.put("/greeter/snap/api-key", "snap-api-key", ParameterType.SECURE_STRING);
    ssm.put("/shared/greeter/languages", "en,fr", ParameterType.STRING_LIST);
  }

  @AfterAll
  static void stopParameterStore() {
    ssm.close();
  }

  /** One sample: how to build it, what it needs, and its event for a request id. */
  private record Sample(
      String name,
      Function<HandlerEnvironment, RequestStreamHandler> create,
      Map<String, String> variables,
      Function<String, String> event) {}

  private static String httpPost(String path, String requestId, String body, String key) {
    return "{\"version\":\"2.0\",\"routeKey\":\"POST "
        + path
        + "\",\"rawPath\":\""
        + path
        + "\",\"rawQueryString\":\"\",\"headers\":{\"content-type\":\"application/json\""
        + (key == null ? "" : ",\"idempotency-key\":\"" + key + "\"")
        + "},\"requestContext\":{\"accountId\":\"123456789012\",\"apiId\":\"a1\","
        + "\"domainName\":\"a1.execute-api.us-east-1.amazonaws.com\",\"http\":{\"method\":\"POST\","
        + "\"path\":\""
        + path
        + "\",\"protocol\":\"HTTP/1.1\",\"sourceIp\":\"203.0.113.9\",\"userAgent\":\"t\"},"
        + "\"requestId\":\""
        + requestId
        + "\",\"routeKey\":\"POST "
        + path
        + "\",\"stage\":\"$default\",\"time\":\"02/Dec/2026:10:00:00 +0000\","
        + "\"timeEpoch\":1796205600000},\"body\":"
        + quote(body)
        + ",\"isBase64Encoded\":false}";
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static List<Sample> samples(DynamoDbLocalTables dynamo) {
    Map<String, String> idempotency =
        FeatureEnvironment.idempotency(
            dynamo.create("snap-idempotency", IdempotencyTable::create), dynamo.endpoint());
    Map<String, String> parameterStore =
        new HashMap<>(FeatureEnvironment.parameterStore(ssm.endpoint()));
    parameterStore.put("GREETER_CONFIG_PATH", "/greeter/snap");
    Map<String, String> extension = new HashMap<>(FakeAwsEnvironment.variables());
    extension.put("PARAMETERS_SECRETS_EXTENSION_HTTP_PORT", Integer.toString(ssm.port()));
    extension.put("GREETER_CONFIG_PATH", "/greeter/snap");
    String order = BatchEvents.order("o-1", "tea", 1);
    List<Sample> all = new ArrayList<>();
    all.add(
        new Sample(
            "greeting", dev.lamina.samples.greeting.GreetingHandler::new, Map.of(), id -> NAME));
    all.add(
        new Sample(
            "metrics",
            dev.lamina.samples.metrics.MeteredGreetingHandler::new,
            Map.of("LAMINA_METRICS_NAMESPACE", "Snap"),
            id -> NAME));
    all.add(
        new Sample(
            "validation",
            dev.lamina.samples.validation.ValidatedGreetingHandler::new,
            Map.of(),
            id -> NAME));
    all.add(
        new Sample(
            "signup",
            dev.lamina.samples.validation.SignupHandler::new,
            Map.of(),
            id ->
                httpPost(
                    "/signups",
                    id,
                    "{\"display_name\":\"Ada\",\"email\":\"a@example.com\",\"age\":30,\"interests\":[]}",
                    null)));
    all.add(
        new Sample(
            "config, env",
            dev.lamina.samples.config.EnvGreetingHandler::new,
            Map.of(),
            id -> NAME));
    all.add(
        new Sample(
            "config, SSM",
            dev.lamina.samples.config.ConfiguredGreetingHandler::new,
            parameterStore,
            id -> NAME));
    all.add(
        new Sample(
            "config, extension",
            dev.lamina.samples.config.ExtensionGreetingHandler::new,
            extension,
            id -> NAME));
    all.add(
        new Sample(
            "orders",
            dev.lamina.samples.orders.PlaceOrderHandler::new,
            idempotency,
            id -> "{\"orderId\":\"snap-" + id + "\",\"sku\":\"tea\",\"quantity\":2}"));
    all.add(
        new Sample(
            "payments",
            dev.lamina.samples.payments.TakePaymentHandler::new,
            idempotency,
            id ->
                httpPost(
                    "/payments", id, "{\"amount\":\"1.00\",\"currency\":\"EUR\"}", "k-" + id)));
    all.add(
        new Sample(
            "SQS batch",
            dev.lamina.samples.batch.SqsOrdersHandler::new,
            Map.of(),
            id -> BatchEvents.records(List.of(BatchEvents.sqsMessage("m-1", order, 1)))));
    all.add(
        new Sample(
            "FIFO batch",
            dev.lamina.samples.batch.FifoOrdersHandler::new,
            Map.of(),
            id -> BatchEvents.records(List.of(BatchEvents.fifoMessage("f-1", order, "g", 1)))));
    all.add(
        new Sample(
            "Kinesis batch",
            dev.lamina.samples.batch.KinesisEventsHandler::new,
            Map.of(),
            id ->
                BatchEvents.records(
                    List.of(
                        BatchEvents.kinesisRecord(
                            "4959", "u-1", "{\"userId\":\"u-1\",\"page\":\"/tea\"}")))));
    all.add(
        new Sample(
            "DynamoDB stream batch",
            dev.lamina.samples.batch.DynamoChangesHandler::new,
            Map.of(),
            id ->
                BatchEvents.records(
                    List.of(BatchEvents.dynamoRecord("INSERT", "111", "o-9", null, "PLACED")))));
    return all;
  }

  @Test
  void everySample_answersAfterACheckpointAndRestore_andReportsTheRestore(
      DynamoDbLocalTables dynamo) throws Exception {
    List<String> logged = new ArrayList<>();
    for (Sample sample : samples(dynamo)) {
      Map<String, String> variables = new HashMap<>(sample.variables());
      variables.put("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start");
      variables.put("AWS_LAMBDA_FUNCTION_NAME", "snap-" + sample.name().replace(' ', '-'));
      List<org.crac.Resource> registered = new ArrayList<>();
      HandlerEnvironment environment =
          HandlerEnvironment.builder()
              .variables(variables)
              .checkpointRegistry(registered::add)
              .build();

      RequestStreamHandler handler = sample.create().apply(environment);
      assertFalse(registered.isEmpty(), sample.name() + " registered nothing for SnapStart");

      List<String> before = invoke(handler, sample, "before");
      for (org.crac.Resource r : registered) {
        r.beforeCheckpoint(null);
      }
      for (org.crac.Resource r : registered) {
        r.afterRestore(null);
      }
      List<String> first = invoke(handler, sample, "restored-1");
      List<String> second = invoke(handler, sample, "restored-2");

      if (field(before, "cold_start") != null) { // the samples that log a line of their own
        logged.add(sample.name());
        assertEquals(
            "false", field(before, "cold_start"), sample.name() + ": SnapStart, no cold start");
        assertEquals(null, field(before, "snap_start_restore"), sample.name());
        assertEquals("false", field(first, "cold_start"), sample.name());
        assertEquals("true", field(first, "snap_start_restore"), sample.name() + ": " + first);
        assertEquals(null, field(second, "snap_start_restore"), sample.name());
      }
      if (sample.name().equals("metrics")) {
        List<EmfLine> lines = EmfLine.allIn(first);
        assertTrue(
            lines.stream().anyMatch(l -> l.metrics().containsKey("SnapStartRestore")),
            "the metrics sample counts the restore: " + first);
        assertTrue(
            EmfLine.allIn(before).stream().noneMatch(l -> l.metrics().containsKey("ColdStart")),
            "a SnapStart environment has no cold start");
      }
    }
    assertTrue(
        logged.containsAll(List.of("greeting", "orders", "payments", "SQS batch", "Kinesis batch")),
        "the restore was checked in the log lines of " + logged);
  }

  /** One invocation; its log lines (the sample's own line carries the invocation's fields). */
  private static List<String> invoke(
      RequestStreamHandler handler, Sample sample, String requestId) {
    try (CapturedStdout out = new CapturedStdout()) {
      String response =
          Invoke.stream(
              handler,
              sample.event().apply(requestId),
              FakeContext.builder().requestId(requestId).build());
      assertFalse(response.contains("errorMessage"), sample.name() + ": " + response);
      List<String> lines = new ArrayList<>(out.lines());
      lines.add(0, "RESPONSE " + response);
      return lines;
    }
  }

  /** The value of a log field on any JSON log line of the invocation, or null. */
  private static String field(List<String> lines, String name) throws Exception {
    String found = null;
    for (String line : lines) {
      if (!line.startsWith("{") || line.contains("\"_aws\"")) {
        continue;
      }
      JsonNode node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
      if (node.has("function_request_id") && node.has(name)) {
        found = node.get(name).asText();
      }
    }
    return found;
  }
}
