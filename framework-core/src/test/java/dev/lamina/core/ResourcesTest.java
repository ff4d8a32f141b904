package dev.lamina.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ResourcesTest {
  private final List<String> events = new ArrayList<>();
  private final List<org.crac.Resource> registered = new ArrayList<>();

  final class Client implements AutoCloseable {
    final int generation;

    Client(int generation) {
      this.generation = generation;
      events.add("create#" + generation);
    }

    @Override
    public void close() {
      events.add("close#" + generation);
    }
  }

  @Test
  void resourceIsCreatedAtDeclaration_andSharedAfterwards() {
    AtomicInteger created = new AtomicInteger();
    Resources resources = new Resources();

    Resource<Client> client = resources.add("client", () -> new Client(created.incrementAndGet()));

    assertEquals(1, created.get());
    assertSame(client.get(), client.get());
    assertEquals("client", client.name());
  }

  @Test
  void checkpointHook_primesInOrder_andRestoreRecreatesOnlyWhatAskedFor() throws Exception {
    Resources resources = new Resources(registered::add);
    AtomicInteger generation = new AtomicInteger();
    Resource<Client> fresh =
        resources
            .define("fresh", () -> new Client(generation.incrementAndGet()))
            .primeWith(c -> events.add("prime fresh#" + c.generation))
            .recreateAfterRestore()
            .create();
    Resource<String> config =
        resources
            .define("config", () -> "parsed")
            .primeWith(c -> events.add("prime config"))
            .onRestore(c -> events.add("restore config"))
            .create();
    Client before = fresh.get();

    assertEquals(1, registered.size());
    org.crac.Resource hook = registered.get(0);
    hook.beforeCheckpoint(null);
    hook.afterRestore(null);

    assertEquals(
        List.of(
            "create#1", "prime fresh#1", "prime config", "create#2", "close#1", "restore config"),
        events);
    assertNotSame(before, fresh.get());
    assertEquals(2, fresh.get().generation);
    assertEquals("parsed", config.get());
  }

  @Test
  void failingPrimer_doesNotStopOtherPrimers() {
    Resources resources = new Resources();
    resources
        .define("a", () -> "a")
        .primeWith(
            a -> {
              throw new IllegalStateException("cannot reach service");
            })
        .create();
    resources.define("b", () -> "b").primeWith(b -> events.add("primed b")).create();

    resources.beforeCheckpoint();

    assertEquals(List.of("primed b"), events);
  }

  @Test
  void failingFactory_failsWithTheResourcesName_andKeepsTheCause() {
    Resources resources = new Resources();
    IllegalStateException cause = new IllegalStateException("no region");

    ResourceException e =
        assertThrows(
            ResourceException.class,
            () ->
                resources.add(
                    "dynamodb",
                    () -> {
                      throw cause;
                    }));

    assertTrue(e.getMessage().contains("[dynamodb]"), e.getMessage());
    assertSame(cause, e.getCause());
  }

  @Test
  void nullFromFactory_isRejected() {
    ResourceException e =
        assertThrows(ResourceException.class, () -> new Resources().add("x", () -> null));

    assertTrue(e.getMessage().contains("[x]") && e.getMessage().contains("null"), e.getMessage());
  }

  @Test
  void failingRecreateAfterRestore_failsTheRestore_namingTheResource() {
    Resources resources = new Resources();
    AtomicInteger calls = new AtomicInteger();
    resources
        .define(
            "creds",
            () -> {
              if (calls.incrementAndGet() > 1) {
                throw new IllegalStateException("expired");
              }
              return "ok";
            })
        .recreateAfterRestore()
        .create();

    ResourceException e = assertThrows(ResourceException.class, resources::afterRestore);

    assertTrue(e.getMessage().contains("[creds]"), e.getMessage());
  }

  @Test
  void close_closesInReverseOrderOfCreation() {
    Resources resources = new Resources();
    resources.add("one", () -> new Client(1));
    resources.add("two", () -> new Client(2));

    resources.close();

    assertEquals(List.of("create#1", "create#2", "close#2", "close#1"), events);
  }

  static class WithClient extends LambdaHandler<Map<String, Object>, Integer> {
    final Resource<String> client = resources().add("client", () -> "built at init");

    WithClient(HandlerEnvironment env) {
      super(env);
    }

    @Override
    protected Integer handle(Map<String, Object> input, Invocation invocation) {
      return client.get().length();
    }
  }

  @Test
  void handlerRegistersItsResources_forCheckpointNotifications_once() {
    WithClient handler =
        new WithClient(
            HandlerEnvironment.builder()
                .variables(Map.of())
                .checkpointRegistry(registered::add)
                .build());

    assertEquals(1, registered.size());
    assertEquals(2, handler.resources().size(), "its own client, and Lamina's codec");
  }

  static final java.util.concurrent.atomic.AtomicInteger SAMPLES_READ =
      new java.util.concurrent.atomic.AtomicInteger();

  record Order(String id, int quantity) {
    Order {
      SAMPLES_READ.incrementAndGet();
    }
  }

  static class Orders extends LambdaHandler<Order, String> {
    Orders(HandlerEnvironment env) {
      super(env);
    }

    @Override
    protected String handle(Order input, Invocation invocation) {
      return input.id();
    }
  }

  static class Echo extends LambdaHandler<String, String> {
    Echo(HandlerEnvironment env) {
      super(env);
    }

    @Override
    protected String handle(String input, Invocation invocation) {
      return input;
    }
  }

  @Test
  void checkpoint_primesTheCodec_byReadingAnEmptyObjectOfTheInputType() throws Exception {
    new Orders(
        HandlerEnvironment.builder()
            .variables(Map.of())
            .checkpointRegistry(registered::add)
            .build());
    int before = SAMPLES_READ.get();

    registered.get(0).beforeCheckpoint(null);

    assertEquals(before + 1, SAMPLES_READ.get(), "one sample Order read before the snapshot");
  }

  @Test
  void checkpoint_ofAHandlerWhoseInputIsNotAnObject_primesQuietly() throws Exception {
    new Echo(
        HandlerEnvironment.builder()
            .variables(Map.of())
            .checkpointRegistry(registered::add)
            .build());

    try (dev.lamina.test.CapturedStdout out = new dev.lamina.test.CapturedStdout()) {
      registered.get(0).beforeCheckpoint(null);
      assertEquals(List.of(), out.lines(), "no warning for a String input");
    }
  }
}
