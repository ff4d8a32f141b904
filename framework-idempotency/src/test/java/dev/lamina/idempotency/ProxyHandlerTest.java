package dev.lamina.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.lamina.core.HandlerEnvironment;
import dev.lamina.test.CapturedStdout;
import dev.lamina.test.FakeContext;
import dev.lamina.test.FunctionClassPath;
import dev.lamina.test.InvocationResult;
import dev.lamina.test.Invoke;
import dev.lamina.test.LocalLambda;
import dev.lamina.test.dynamodb.DynamoDbFaultProxy;
import dev.lamina.test.dynamodb.DynamoDbLocalExtension;
import dev.lamina.test.dynamodb.DynamoDbLocalTables;
import dev.lamina.testkit.FeatureEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The zero-code adoption path: an existing function made idempotent by configuration only. */
@ExtendWith(DynamoDbLocalExtension.class)
class ProxyHandlerTest {
  private static final String ORDER = "{\"orderId\":\"o-1\",\"quantity\":2}";

  private final DynamoDbLocalTables dynamo;

  ProxyHandlerTest(DynamoDbLocalTables dynamo) {
    this.dynamo = dynamo;
  }

  @Test
  void existingRequestHandler_compiledWithoutLamina_becomesIdempotent_underTheRealRuntime(
      @TempDir Path dir) throws IOException {
    Path jar = ExistingFunctionJar.build(dir);
    try (JarFile contents = new JarFile(jar.toFile())) {
      assertEquals(
          List.of("com/example/existing/PlaceOrder.class"),
          contents.stream().map(e -> e.getName()).collect(Collectors.toList()));
    }
    String table = dynamo.create("idempotency", IdempotencyTable::create);

    // As it runs today: its own handler, its jar alone. Not idempotent.
    try (LocalLambda plain =
        LocalLambda.builder()
            .handler(ExistingFunctionJar.HANDLER_CLASS + "::handleRequest")
            .classPath(List.of(jar))
            .functionName("orders")
            .start()) {
      assertTrue(plain.invoke(ORDER).body().contains("\"run\":1"));
      assertTrue(plain.invoke(ORDER).body().contains("\"run\":2"));
    }

    // The same jar, with Lamina added as a layer and the configuration changed.
    List<Path> withLayer = new ArrayList<>(List.of(jar, Path.of("target/classes")));
    withLayer.addAll(FunctionClassPath.dependencies());
    Map<String, String> env = FeatureEnvironment.idempotency(table, dynamo.endpoint());
    env.put("LAMINA_IDEMPOTENCY_HANDLER", ExistingFunctionJar.HANDLER_CLASS + "::handleRequest");
    env.put("LAMINA_IDEMPOTENCY_KEY", "/orderId");
    try (LocalLambda proxied =
        LocalLambda.builder()
            .handler(IdempotentProxyHandler.class.getName() + "::handleRequest")
            .classPath(withLayer)
            .environment(env)
            .functionName("orders")
            .start()) {
      InvocationResult first = proxied.invoke(ORDER);
      InvocationResult clientRetry = proxied.invoke(ORDER);
      InvocationResult otherOrder = proxied.invoke("{\"orderId\":\"o-2\",\"quantity\":1}");
      InvocationResult reusedKey = proxied.invoke("{\"orderId\":\"o-1\",\"quantity\":9}");

      assertFalse(first.isError(), first::toString);
      assertTrue(first.body().contains("\"run\":1"), first.body());
      assertTrue(first.body().contains("\"requestId\":\"" + first.requestId() + "\""));
      assertEquals(first.body(), clientRetry.body(), "the stored result, not a second run");
      assertTrue(otherOrder.body().contains("\"run\":2"), otherOrder.body());
      assertEquals(IdempotencyPayloadMismatchException.class.getName(), reusedKey.errorType());
    }
  }

  /** An existing stream handler: echoes its input with a run counter. */
  public static final class EchoStreamHandler implements RequestStreamHandler {
    static final AtomicInteger RUNS = new AtomicInteger();

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context)
        throws IOException {
      String in = new String(input.readAllBytes(), StandardCharsets.UTF_8);
      output.write(
          ("{\"run\":" + RUNS.incrementAndGet() + ",\"input\":" + in + "}")
              .getBytes(StandardCharsets.UTF_8));
    }
  }

  /**
   * An existing stream handler that is not JSON-minded: it answers in plain text, quoting the
   * exact bytes it received.
   */
  public static final class PlainTextStreamHandler implements RequestStreamHandler {
    static final AtomicInteger RUNS = new AtomicInteger();

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context)
        throws IOException {
      byte[] in = input.readAllBytes();
      output.write(
          ("run " + RUNS.incrementAndGet() + "; received: ").getBytes(StandardCharsets.UTF_8));
      output.write(in);
      output.write(new byte[] {0, (byte) 0xfe, '\n'});
    }
  }

  private static final String EXACT = "{\"amount\": 12345678901234567.89, \"note\" : \"as sent\"}";

  @Test
  void existingStreamHandler_getsItsInputExactly_andItsNonJsonOutputIsReplayedByteForByte() {
    String table = dynamo.create("idempotency", IdempotencyTable::create);
    Map<String, String> env = FeatureEnvironment.idempotency(table, dynamo.endpoint());
    env.put("LAMINA_IDEMPOTENCY_HANDLER", PlainTextStreamHandler.class.getName());
    IdempotentProxyHandler proxy =
        new IdempotentProxyHandler(HandlerEnvironment.builder().variables(env).build());
    int before = PlainTextStreamHandler.RUNS.get();

    byte[] first = invokeBytes(proxy, EXACT, "r-1");
    byte[] retry = invokeBytes(proxy, EXACT, "r-1");

    String expected = "run " + (before + 1) + "; received: " + EXACT;
    assertEquals(
        expected,
        new String(first, 0, first.length - 3, StandardCharsets.UTF_8),
        "the original bytes reached the handler unchanged");
    assertEquals(
        List.of((byte) 0, (byte) 0xfe, (byte) '\n'),
        List.of(first[first.length - 3], first[first.length - 2], first[first.length - 1]));
    assertTrue(java.util.Arrays.equals(first, retry), "replayed byte for byte");
    assertEquals(before + 1, PlainTextStreamHandler.RUNS.get(), "a non-JSON output is no failure");
  }

  @Test
  void streamProxy_underTheRealRuntime_passesExactDecimalsThrough_andReplaysTheOutput() {
    String table = dynamo.create("idempotency", IdempotencyTable::create);
    Map<String, String> env = FeatureEnvironment.idempotency(table, dynamo.endpoint());
    env.put("LAMINA_IDEMPOTENCY_HANDLER", EchoStreamHandler.class.getName());
    env.put("LAMINA_IDEMPOTENCY_KEY", "/orderId");
    try (LocalLambda lambda =
        LocalLambda.builder()
            .handler(IdempotentProxyHandler.class.getName() + "::handleRequest")
            .classPath(FunctionClassPath.withTestClasses())
            .environment(env)
            .functionName("orders")
            .start()) {
      String order = "{\"orderId\":\"o-1\",\"amount\":12345678901234567.89}";
      InvocationResult first = lambda.invoke(order);
      InvocationResult retry =
          lambda.invoke("{\"amount\":12345678901234567.89,\"orderId\":\"o-1\"}");
      InvocationResult otherCents =
          lambda.invoke("{\"orderId\":\"o-1\",\"amount\":12345678901234567.88}");

      assertFalse(first.isError(), first::toString);
      assertEquals(
          "{\"run\":1,\"input\":" + order + "}",
          first.body(),
          "12345678901234567.89 reached the handler exactly");
      assertEquals(first.body(), retry.body(), "a reordered retry replays the stored output");
      assertEquals(
          IdempotencyPayloadMismatchException.class.getName(),
          otherCents.errorType(),
          "a cent's difference is another payload");
    }
  }

  private static byte[] invokeBytes(RequestStreamHandler handler, String input, String requestId) {
    return Invoke.stream(
        handler,
        input.getBytes(StandardCharsets.UTF_8),
        FakeContext.builder().requestId(requestId).build());
  }

  @Test
  void theHandlerVariableUnderItsOldName_stillWorks_andSaysToRenameIt() {
    String table = dynamo.create("idempotency", IdempotencyTable::create);
    Map<String, String> env = FeatureEnvironment.idempotency(table, dynamo.endpoint());
    env.put("LAMINA_IDEMPOTENT_HANDLER", EchoStreamHandler.class.getName());
    IdempotentProxyHandler proxy;
    List<com.fasterxml.jackson.databind.JsonNode> lines;
    try (CapturedStdout out = new CapturedStdout()) {
      proxy = new IdempotentProxyHandler(HandlerEnvironment.builder().variables(env).build());
      lines = out.jsonLines();
    }
    int before = EchoStreamHandler.RUNS.get();

    byte[] first = invokeBytes(proxy, ORDER, "r-old-name");
    byte[] retry = invokeBytes(proxy, ORDER, "r-old-name");

    assertTrue(java.util.Arrays.equals(first, retry), "idempotent as under the new name");
    assertEquals(before + 1, EchoStreamHandler.RUNS.get());
    assertTrue(
        lines.stream()
            .anyMatch(
                l ->
                    "WARN".equals(l.path("level").asText())
                        && l.path("message")
                            .asText()
                            .contains("[LAMINA_IDEMPOTENT_HANDLER] is deprecated")
                        && l.path("message").asText().contains("[LAMINA_IDEMPOTENCY_HANDLER]")),
        "one warning names both variables: " + lines);
  }

  @Test
  void existingStreamHandler_becomesIdempotentOnTheRequestId() {
    String table = dynamo.create("idempotency", IdempotencyTable::create);
    Map<String, String> env = FeatureEnvironment.idempotency(table, dynamo.endpoint());
    env.put("LAMINA_IDEMPOTENCY_HANDLER", EchoStreamHandler.class.getName());
    IdempotentProxyHandler proxy =
        new IdempotentProxyHandler(HandlerEnvironment.builder().variables(env).build());
    int before = EchoStreamHandler.RUNS.get();

    String first = Invoke.stream(proxy, ORDER, FakeContext.builder().requestId("r-1").build());
    String retry = Invoke.stream(proxy, ORDER, FakeContext.builder().requestId("r-1").build());

    assertEquals(first, retry);
    assertEquals(before + 1, EchoStreamHandler.RUNS.get());
    assertTrue(first.contains("\"input\":{\"orderId\":\"o-1\""), first);
  }

  @Test
  void snapStart_primesTheProxysClientBeforeCheckpoint_andRecreatesItAfterRestore()
      throws Exception {
    String table = dynamo.create("idempotency", IdempotencyTable::create);
    try (DynamoDbFaultProxy http = new DynamoDbFaultProxy(dynamo.endpoint())) {
      Map<String, String> env = FeatureEnvironment.idempotency(table, http.endpoint());
      env.put("LAMINA_IDEMPOTENCY_HANDLER", EchoStreamHandler.class.getName());
      List<org.crac.Resource> hooks = new ArrayList<>();
      IdempotentProxyHandler proxy =
          new IdempotentProxyHandler(
              HandlerEnvironment.builder().variables(env).checkpointRegistry(hooks::add).build());
      http.drain();

      for (org.crac.Resource hook : hooks) {
        hook.beforeCheckpoint(null);
      }
      assertEquals(List.of("GetItem"), http.drain(), "one cheap read warms the request path");
      for (org.crac.Resource hook : hooks) {
        hook.afterRestore(null);
      }
      String first = Invoke.stream(proxy, ORDER, FakeContext.builder().requestId("r-9").build());

      assertTrue(first.contains("\"input\":{\"orderId\":\"o-1\""), first);
      assertEquals(
          List.of("PutItem", "UpdateItem"),
          http.drain(),
          "the client re-created after restore serves the next invocation");
    }
  }

  @Test
  void misconfiguredProxy_failsInit_listingEveryProblem() {
    Map<String, String> env =
        Map.of(
            "LAMINA_IDEMPOTENCY_HANDLER", "com.example.Missing::process",
            "LAMINA_IDEMPOTENCY_KEY", "orderId",
            "LAMINA_IDEMPOTENCY_EXPIRY_SECONDS", "an hour");

    IdempotencyException e =
        assertThrows(
            IdempotencyException.class,
            () -> new IdempotentProxyHandler(HandlerEnvironment.builder().variables(env).build()));

    for (String culprit :
        List.of(
            "[process]",
            "[LAMINA_IDEMPOTENCY_KEY]",
            "[LAMINA_IDEMPOTENCY_EXPIRY_SECONDS]",
            "[LAMINA_IDEMPOTENCY_TABLE]",
            "[AWS_REGION]")) {
      assertTrue(e.getMessage().contains(culprit), e.getMessage());
    }
  }

  @Test
  void badNumbers_areReportedBeforeTheOriginalHandlerIsLoaded() {
    Map<String, String> env = new HashMap<>(FeatureEnvironment.idempotency("t", dynamo.endpoint()));
    env.put("LAMINA_IDEMPOTENCY_HANDLER", "com.example.Missing");
    env.put("LAMINA_IDEMPOTENCY_EXPIRY_SECONDS", "0");
    env.put("LAMINA_IDEMPOTENCY_CACHE_SIZE", "-1");

    IdempotencyException e =
        assertThrows(
            IdempotencyException.class,
            () -> new IdempotentProxyHandler(HandlerEnvironment.builder().variables(env).build()));

    assertTrue(e.getMessage().contains("[expiry]"), e.getMessage());
    assertTrue(e.getMessage().contains("[localCacheSize]"), e.getMessage());
    assertFalse(
        e.getMessage().contains("class path"),
        "the handler class is only looked for once every setting is good: " + e.getMessage());
  }

  @Test
  void unknownOriginalHandler_failsInit_namingIt() {
    Map<String, String> env = FeatureEnvironment.idempotency("t", dynamo.endpoint());
    env.put("LAMINA_IDEMPOTENCY_HANDLER", "com.example.Missing");

    IdempotencyException e =
        assertThrows(
            IdempotencyException.class,
            () -> new IdempotentProxyHandler(HandlerEnvironment.builder().variables(env).build()));

    assertTrue(e.getMessage().contains("[com.example.Missing]"), e.getMessage());
  }
}
