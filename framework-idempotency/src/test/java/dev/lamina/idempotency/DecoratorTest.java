package dev.lamina.idempotency;

import static dev.lamina.test.dynamodb.DynamoDbLocalTables.only;
import static dev.lamina.test.dynamodb.DynamoDbLocalTables.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.lamina.test.FakeContext;
import dev.lamina.test.dynamodb.DynamoDbLocalExtension;
import dev.lamina.test.dynamodb.DynamoDbLocalTables;
import dev.lamina.test.dynamodb.RecordingCalls;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The decorators for code that does not extend LambdaHandler, with DynamoDB calls counted by an
 * SDK ExecutionInterceptor on the real client.
 */
@ExtendWith(DynamoDbLocalExtension.class)
class DecoratorTest {
  private final DynamoDbLocalTables dynamo;
  private final RecordingCalls calls = new RecordingCalls();
  private DynamoDbClient client;
  private String table;

  DecoratorTest(DynamoDbLocalTables dynamo) {
    this.dynamo = dynamo;
  }

  @BeforeEach
  void setUp() {
    client = DynamoDbLocalTables.client(dynamo.endpoint(), calls);
    table = dynamo.create("idempotency", IdempotencyTable::create);
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  private IdempotencyConfig.Builder config() {
    return IdempotencyConfig.custom()
        .store(DynamoDbIdempotencyStore.builder().client(client).table(table).build());
  }

  /** A plain handler, as an existing function would have. */
  static final class PlainHandler implements RequestHandler<Map<String, Object>, String> {
    final AtomicInteger runs = new AtomicInteger();

    @Override
    public String handleRequest(
        Map<String, Object> input, com.amazonaws.services.lambda.runtime.Context context) {
      return "charged " + input.get("amount") + " (run " + runs.incrementAndGet() + ")";
    }
  }

  private static FakeContext context(String requestId) {
    return FakeContext.builder()
        .requestId(requestId)
        .functionName("payments")
        .timeout(Duration.ofSeconds(10))
        .build();
  }

  @Test
  void decoratedRequestHandler_costsTwoCallsNew_oneRepeat() {
    PlainHandler plain = new PlainHandler();
    RequestHandler<Map<String, Object>, String> handler =
        Idempotency.decorate(plain, String.class, config().build());

    String first = handler.handleRequest(Map.of("amount", 5), context("req-1"));
    assertEquals(List.of("PutItem", "UpdateItem"), calls.drain());
    String repeat = handler.handleRequest(Map.of("amount", 5), context("req-1"));
    assertEquals(List.of("PutItem"), calls.drain());

    assertEquals("charged 5 (run 1)", first);
    assertEquals(first, repeat);
    assertEquals(1, plain.runs.get());
  }

  @Test
  void decoratedRequestHandler_withLocalCache_repeatsWithoutAnyCall() {
    PlainHandler plain = new PlainHandler();
    RequestHandler<Map<String, Object>, String> handler =
        Idempotency.decorate(plain, String.class, config().localCacheSize(8).build());
    handler.handleRequest(Map.of("amount", 5), context("req-1"));
    calls.drain();

    assertEquals("charged 5 (run 1)", handler.handleRequest(Map.of("amount", 5), context("req-1")));
    assertEquals(List.of(), calls.drain());
  }

  @Test
  void mapInput_withPropertiesReordered_isTheSamePayload() {
    PlainHandler plain = new PlainHandler();
    RequestHandler<Map<String, Object>, String> handler =
        Idempotency.decorate(plain, String.class, config().key(KeyExtractors.path("/id")).build());
    Map<String, Object> first = new java.util.LinkedHashMap<>();
    first.put("id", "p-1");
    first.put("amount", 5);
    Map<String, Object> reordered = new java.util.LinkedHashMap<>();
    reordered.put("amount", 5);
    reordered.put("id", "p-1");

    String response = handler.handleRequest(first, context("req-1"));

    assertEquals(response, handler.handleRequest(reordered, context("req-2")));
    assertEquals(1, plain.runs.get());
  }

  /** A result the codec cannot write: its getter throws. */
  public static final class Unwritable {
    public String getValue() {
      throw new IllegalStateException("cannot be read");
    }
  }

  @Test
  void unserialisableResult_returnsToCaller_andDuplicatesGetTheTypedError() {
    AtomicInteger runs = new AtomicInteger();
    Unwritable result = new Unwritable();
    RequestHandler<Map<String, Object>, Unwritable> handler =
        Idempotency.decorate(
            (Map<String, Object> in, com.amazonaws.services.lambda.runtime.Context c) -> {
              runs.incrementAndGet();
              return result;
            },
            Unwritable.class,
            config().namespace("unwritable").build());

    assertEquals(result, handler.handleRequest(Map.of("a", 1), context("req-1")));
    assertEquals("COMPLETED", text(only(dynamo.items(table)), "status"));
    assertThrows(
        IdempotencyResultUnavailableException.class,
        () -> handler.handleRequest(Map.of("a", 1), context("req-1")));
    assertEquals(1, runs.get());
  }

  @Test
  void decoratedFunction_isIdempotentOnAKeyFromItsInput() {
    AtomicInteger runs = new AtomicInteger();
    Function<Map<String, Object>, Integer> function =
        Idempotency.decorate(
            (Map<String, Object> in) -> runs.incrementAndGet(),
            Integer.class,
            config()
                .namespace("counter")
                .key(KeyExtractors.path("/id"))
                .inProgressTimeout(Duration.ofSeconds(5))
                .build());

    assertEquals(1, function.apply(Map.of("id", "a")));
    assertEquals(1, function.apply(Map.of("id", "a")));
    assertEquals(2, function.apply(Map.of("id", "b")));
    assertEquals(2, runs.get());
  }

  @Test
  void decoratedFunction_needsAnInProgressTimeout_andAKeyFromTheInput() {
    IllegalArgumentException noTimeout =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Idempotency.decorate(
                    Function.identity(),
                    Object.class,
                    config().key(KeyExtractors.path("/id")).build()));
    assertTrue(noTimeout.getMessage().contains("[inProgressTimeout]"), noTimeout.getMessage());

    IllegalArgumentException noKey =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Idempotency.decorate(
                    Function.identity(),
                    Object.class,
                    config().inProgressTimeout(Duration.ofSeconds(5)).build()));
    assertTrue(noKey.getMessage().contains("[key]"), noKey.getMessage());
  }

  @Test
  void sortKeyLayout_andRenamedAttributes_work() {
    String composite = "composite-" + table;
    IdempotencyTable.create(
        dynamo.admin(), IdempotencyTable.definitionWithSortKey(composite, "pk", "sk"));
    IdempotencyStore store =
        DynamoDbIdempotencyStore.builder()
            .client(client)
            .table(composite)
            .keyAttribute("pk")
            .sortKeyAttribute("sk")
            .staticPartitionKeyValue("idempotency#payments")
            .dataAttribute("result")
            .build();
    PlainHandler plain = new PlainHandler();
    RequestHandler<Map<String, Object>, String> handler =
        Idempotency.decorate(plain, String.class, IdempotencyConfig.custom().store(store).build());

    handler.handleRequest(Map.of("amount", 5), context("req-1"));
    handler.handleRequest(Map.of("amount", 5), context("req-1"));

    assertEquals(1, plain.runs.get());
    Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item =
        only(dynamo.items(composite));
    assertEquals("idempotency#payments", text(item, "pk"));
    assertEquals("\"charged 5 (run 1)\"", text(item, "result"));
  }

  @Test
  void invalidConfiguration_listsEveryProblem() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                IdempotencyConfig.custom()
                    .expiry(Duration.ZERO)
                    .localCacheSize(-1)
                    .validatePath("nope")
                    .build());

    for (String setting : List.of("[expiry]", "[localCacheSize]", "[validatePath]")) {
      assertTrue(e.getMessage().contains(setting), e.getMessage());
    }
  }

  @Test
  void settingsWithoutAStore_build_andLeaveTheStoreToTheFeatureAtInit() {
    IdempotencyConfig config = IdempotencyConfig.custom().table("orders").build();

    assertEquals(null, config.store(), "no placeholder: the feature creates the store at init");
    assertEquals("orders", config.table());
    assertEquals(
        Idempotent.class.getAnnotation(dev.lamina.core.Feature.class).order(),
        config.order(),
        "the annotation's place in the chain");
  }
}
