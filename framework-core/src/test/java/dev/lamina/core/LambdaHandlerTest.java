package dev.lamina.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lamina.test.CapturedStdout;
import dev.lamina.test.FakeContext;
import dev.lamina.test.Invoke;
import dev.lamina.testkit.ManualScheduler;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class LambdaHandlerTest {

  record Greeting(String name) {}

  record Reply(String message, boolean coldStart) {}

  static HandlerEnvironment env(Map<String, String> vars) {
    return HandlerEnvironment.builder().variables(vars).scheduler(new ManualScheduler()).build();
  }

  static class Greeter extends LambdaHandler<Greeting, Reply> {
    final List<Map<String, String>> mdcSeen = new ArrayList<>();

    Greeter(HandlerEnvironment env) {
      super(env);
    }

    @Override
    protected Reply handle(Greeting input, Invocation invocation) {
      mdcSeen.add(MDC.getCopyOfContextMap());
      MDC.put("handler_key", "left behind by the handler");
      return new Reply("Hello, " + input.name(), invocation.isColdStart());
    }
  }

  static class OrderRejected extends Exception {
    OrderRejected(String message) {
      super(message);
    }
  }

  static class Failing extends LambdaHandler<Map<String, Object>, String> {
    final Exception toThrow;

    Failing(Exception toThrow) {
      super(env(Map.of()));
      this.toThrow = toThrow;
    }

    @Override
    protected String handle(Map<String, Object> input, Invocation invocation) throws Exception {
      MDC.put("handler_key", "value");
      throw toThrow;
    }
  }

  @AfterEach
  void mdcIsClean() {
    MDC.clear();
  }

  @Test
  void readsDeclaredInputType_andWritesResultAsJson() throws Exception {
    Greeter greeter = new Greeter(env(Map.of()));

    String out = Invoke.stream(greeter, "{\"name\":\"Ada\",\"unknown\":1}", FakeContext.create());

    assertEquals("{\"message\":\"Hello, Ada\",\"coldStart\":true}", out);
  }

  @Test
  void coldStart_isTrueForFirstInvocationOnly() throws Exception {
    Greeter greeter = new Greeter(env(Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand")));

    String first = Invoke.stream(greeter, "{\"name\":\"a\"}", FakeContext.create());
    String second = Invoke.stream(greeter, "{\"name\":\"b\"}", FakeContext.create());

    assertTrue(first.contains("\"coldStart\":true"), first);
    assertTrue(second.contains("\"coldStart\":false"), second);
    assertEquals("true", greeter.mdcSeen.get(0).get(LogFields.COLD_START));
    assertEquals("false", greeter.mdcSeen.get(1).get(LogFields.COLD_START));
  }

  @Test
  void coldStart_isNeverTrue_inProvisionedOrSnapStartEnvironments() throws Exception {
    for (String type : List.of("provisioned-concurrency", "snap-start")) {
      Greeter greeter = new Greeter(env(Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", type)));

      String first = Invoke.stream(greeter, "{\"name\":\"a\"}", FakeContext.create());

      assertTrue(first.contains("\"coldStart\":false"), type + ": " + first);
    }
  }

  @Test
  void mdc_holdsInvocationFields_duringInvocation_andIsRestoredAfter() throws Exception {
    Greeter greeter = new Greeter(env(Map.of()));
    FakeContext context =
        FakeContext.builder()
            .requestId("req-1")
            .functionName("greeter")
            .functionVersion("7")
            .memoryLimitInMB(1024)
            .xrayTraceId("Root=1-abc")
            .build();

    Invoke.stream(greeter, "{\"name\":\"a\"}", context);

    Map<String, String> seen = greeter.mdcSeen.get(0);
    assertEquals("req-1", seen.get(LogFields.REQUEST_ID));
    assertEquals("greeter", seen.get(LogFields.FUNCTION_NAME));
    assertEquals("7", seen.get(LogFields.FUNCTION_VERSION));
    assertEquals("1024", seen.get(LogFields.FUNCTION_MEMORY_SIZE));
    assertEquals("true", seen.get(LogFields.COLD_START));
    assertEquals("Root=1-abc", seen.get(LogFields.XRAY_TRACE_ID));
    assertEquals(context.getInvokedFunctionArn(), seen.get(LogFields.FUNCTION_ARN));
    assertTrue(
        MDC.getCopyOfContextMap() == null || MDC.getCopyOfContextMap().isEmpty(),
        "MDC after invocation: " + MDC.getCopyOfContextMap());
  }

  @Test
  void mdc_isEmptyAfterThrowingInvocation() {
    Failing failing = new Failing(new IllegalStateException("nope"));

    assertThrows(
        IllegalStateException.class, () -> Invoke.stream(failing, "{}", FakeContext.create()));

    Map<String, String> after = MDC.getCopyOfContextMap();
    assertTrue(after == null || after.isEmpty(), "MDC after failure: " + after);
  }

  @Test
  void mdcEntriesFromBeforeTheInvocation_areRestored() throws Exception {
    MDC.put("outer", "kept");
    Greeter greeter = new Greeter(env(Map.of()));

    Invoke.stream(greeter, "{\"name\":\"a\"}", FakeContext.create());

    assertEquals(Map.of("outer", "kept"), MDC.getCopyOfContextMap());
  }

  @Test
  void handlersCheckedException_reachesRuntimeUnchanged() {
    OrderRejected rejected = new OrderRejected("rejected");
    Failing failing = new Failing(rejected);

    OrderRejected thrown =
        assertThrows(OrderRejected.class, () -> Invoke.stream(failing, "{}", FakeContext.create()));

    assertSame(rejected, thrown);
  }

  @Test
  void handlersRuntimeException_reachesRuntimeUnchanged_afterOneErrorLogLine() throws Exception {
    IllegalStateException boom = new IllegalStateException("broken invariant");
    Failing failing = new Failing(boom);
    List<JsonNode> lines;
    try (CapturedStdout out = new CapturedStdout()) {
      IllegalStateException thrown =
          assertThrows(
              IllegalStateException.class,
              () -> Invoke.stream(failing, "{}", FakeContext.builder().requestId("req-9").build()));
      assertSame(boom, thrown);
      lines = out.jsonLines();
    }

    assertEquals(1, lines.size(), lines.toString());
    JsonNode line = lines.get(0);
    assertEquals("ERROR", line.get("level").asText());
    assertEquals("req-9", line.get("function_request_id").asText());
    assertEquals(IllegalStateException.class.getName(), line.get("error").get("name").asText());
    assertTrue(line.get("error").get("stack").asText().contains("LambdaHandlerTest"));
  }

  static class Duplicate extends LaminaException implements ExpectedOutcome {
    Duplicate() {
      super("Request [r-1] is a duplicate");
    }
  }

  @Test
  void expectedOutcome_isOneWarnLineWithoutStack_andReachesRuntimeUnchanged() throws Exception {
    Duplicate duplicate = new Duplicate();
    Failing failing = new Failing(duplicate);
    List<JsonNode> lines;
    try (CapturedStdout out = new CapturedStdout()) {
      Duplicate thrown =
          assertThrows(
              Duplicate.class,
              () -> Invoke.stream(failing, "{}", FakeContext.builder().requestId("req-7").build()));
      assertSame(duplicate, thrown);
      lines = out.jsonLines();
    }

    assertEquals(1, lines.size(), lines.toString());
    JsonNode line = lines.get(0);
    assertEquals("WARN", line.get("level").asText());
    assertEquals("req-7", line.get("function_request_id").asText());
    assertTrue(
        line.get("message").asText().contains("Request [r-1] is a duplicate"), line.toString());
    assertEquals(Duplicate.class.getName(), line.get("outcome").asText());
    assertNull(line.get("error"), "no stack trace for an expected outcome");
  }

  /** Echoes its raw input, prefixed, as raw output. */
  static class RawEcho extends LambdaHandler<byte[], byte[]> {
    RawEcho() {
      super(env(Map.of()));
    }

    @Override
    protected byte[] handle(byte[] input, Invocation invocation) {
      byte[] out = new byte[input.length + 1];
      out[0] = '>';
      System.arraycopy(input, 0, out, 1, input.length);
      return out;
    }
  }

  @Test
  void byteArrayInputAndOutput_passThePayloadUnchanged_JsonOrNot() throws Exception {
    RawEcho echo = new RawEcho();
    byte[] notJson = {0, (byte) 0xff, 'x', '\n'};

    byte[] written = Invoke.stream(echo, notJson, FakeContext.create());

    assertEquals(notJson.length + 1, written.length);
    assertEquals('>', written[0]);
    assertEquals(
        List.of((byte) 0, (byte) 0xff, (byte) 'x', (byte) '\n'),
        List.of(written[1], written[2], written[3], written[4]));
    assertEquals(
        ">{\"amount\": 12345678901234567.89 }",
        Invoke.stream(echo, "{\"amount\": 12345678901234567.89 }", FakeContext.create()),
        "not parsed: exact decimals and white space stay as they were");
  }

  @Test
  void voidOutput_writesEmptyResponse() throws Exception {
    class Sink extends LambdaHandler<Greeting, Void> {
      Sink() {
        super(env(Map.of()));
      }

      @Override
      protected Void handle(Greeting input, Invocation invocation) {
        return null;
      }
    }

    assertEquals("", Invoke.stream(new Sink(), "{\"name\":\"a\"}", FakeContext.create()));
  }

  @Test
  void nullResult_isWrittenAsJsonNull() throws Exception {
    class Nothing extends LambdaHandler<Greeting, Reply> {
      Nothing() {
        super(env(Map.of()));
      }

      @Override
      protected Reply handle(Greeting input, Invocation invocation) {
        return null;
      }
    }

    assertEquals("null", Invoke.stream(new Nothing(), "{\"name\":\"a\"}", FakeContext.create()));
  }

  static class Unresolved<T> extends LambdaHandler<T, String> {
    Unresolved() {
      super(env(Map.of()));
    }

    @Override
    protected String handle(T input, Invocation invocation) {
      return "x";
    }
  }

  @Test
  void handlerWithoutConcreteTypeArguments_failsAtInit_namingTheClass() {
    PipelineException e = assertThrows(PipelineException.class, Unresolved::new);

    assertTrue(e.getMessage().contains("[" + Unresolved.class.getName() + "]"), e.getMessage());
    assertTrue(e.getMessage().contains("extends LambdaHandler<"), e.getMessage());
  }

  static class Base<X> extends LambdaHandler<X, Reply> {
    Base() {
      super(env(Map.of()));
    }

    @Override
    protected Reply handle(X input, Invocation invocation) {
      return new Reply(String.valueOf(input), false);
    }
  }

  static class Concrete extends Base<Greeting> {}

  @Test
  void typeArguments_areResolvedThroughIntermediateGenericClasses() throws Exception {
    String out = Invoke.stream(new Concrete(), "{\"name\":\"x\"}", FakeContext.create());

    assertEquals("{\"message\":\"Greeting[name=x]\",\"coldStart\":false}", out);
  }

  // ---- features through the meta-annotation ----

  static final List<String> featureCalls = new ArrayList<>();

  public static final class TagFactory implements InterceptorFactory<Tag> {
    @Override
    public Interceptor create(Tag annotation, InitContext context) {
      return Interceptor.named(
          "tag:" + annotation.value(),
          chain -> {
            featureCalls.add(annotation.value());
            return chain.proceed();
          });
    }
  }

  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @Feature(value = TagFactory.class, order = 900)
  @interface Tag {
    String value();
  }

  public static final class EarlyFactory implements InterceptorFactory<Early> {
    @Override
    public Interceptor create(Early annotation, InitContext context) {
      return Interceptor.named(
          "early",
          chain -> {
            featureCalls.add("early");
            return chain.proceed();
          });
    }
  }

  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @Feature(value = EarlyFactory.class, order = 50)
  @interface Early {}

  @Tag("outer-tag")
  @TimeGuard
  @Early
  static class Featured extends Greeter {
    Featured() {
      super(env(Map.of()));
    }
  }

  @Test
  void featureAnnotations_becomeInterceptors_inOrderOfTheirFeatureOrder() throws Exception {
    featureCalls.clear();
    Featured featured = new Featured();

    List<String> names = featured.interceptors().stream().map(Interceptor::name).toList();
    Invoke.stream(featured, "{\"name\":\"a\"}", FakeContext.create());

    assertEquals(
        List.of("LogContext", "ResponseEncoder", "early", "TimeGuard", "tag:outer-tag"), names);
    assertEquals(List.of("early", "outer-tag"), featureCalls);
  }

  public static final class NoDefaultConstructorFactory implements InterceptorFactory<Broken> {
    public NoDefaultConstructorFactory(String unused) {}

    @Override
    public Interceptor create(Broken annotation, InitContext context) {
      return chain -> chain.proceed();
    }
  }

  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @Feature(NoDefaultConstructorFactory.class)
  @interface Broken {}

  @Broken
  static class BrokenFeature extends Greeter {
    BrokenFeature() {
      super(env(Map.of()));
    }
  }

  @Test
  void featureFactoryWithoutNoArgConstructor_failsAtInit_namingFactoryAndAnnotation() {
    PipelineException e = assertThrows(PipelineException.class, BrokenFeature::new);

    assertTrue(
        e.getMessage().contains("[" + NoDefaultConstructorFactory.class.getName() + "]"),
        e.getMessage());
    assertTrue(e.getMessage().contains("@Broken"), e.getMessage());
    assertTrue(e.getMessage().contains("no-arg constructor"), e.getMessage());
  }

  @Test
  void malformedInput_failsWithTypedError_andHandlerDoesNotRun() {
    Greeter greeter = new Greeter(env(Map.of()));

    assertThrows(
        dev.lamina.core.codec.MalformedInputException.class,
        () -> Invoke.stream(greeter, "{\"name\":", FakeContext.create()));

    assertTrue(greeter.mdcSeen.isEmpty());
  }

  @Test
  void invocationsAreIndependent_noStateLeaksBetweenThem() throws Exception {
    Greeter greeter = new Greeter(env(Map.of()));

    Invoke.stream(greeter, "{\"name\":\"a\"}", FakeContext.builder().requestId("r1").build());
    Invoke.stream(greeter, "{\"name\":\"b\"}", FakeContext.builder().requestId("r2").build());

    assertEquals("r1", greeter.mdcSeen.get(0).get(LogFields.REQUEST_ID));
    assertEquals("r2", greeter.mdcSeen.get(1).get(LogFields.REQUEST_ID));
    assertFalse(greeter.mdcSeen.get(1).containsKey("handler_key"));
    assertNull(greeter.mdcSeen.get(1).get(LogFields.CORRELATION_ID));
  }
}
