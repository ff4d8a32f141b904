package dev.lamina.idempotency;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.lamina.test.FakeContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Run in a fresh JVM by {@link StableNamespaceTest}: decorates a named handler class and a lambda,
 * invokes each once, and prints the record id each wrote; then prints what decorating a lambda
 * without a namespace says.
 */
public final class StableNamespaceProbe {
  private StableNamespaceProbe() {}

  /** A handler with a class name of its own. */
  public static final class NamedHandler implements RequestHandler<Map<String, Object>, String> {
    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
      return "named";
    }
  }

  /** Remembers the id of the last claim. */
  static final class RecordingStore extends ForwardingStore {
    volatile String lastClaim;

    RecordingStore() {
      super(new InMemoryIdempotencyStore());
    }

    @Override
    public ClaimResult claim(IdempotencyRecord claim, Instant now) {
      lastClaim = claim.id();
      return super.claim(claim, now);
    }
  }

  public static void main(String[] args) {
    FakeContext context =
        FakeContext.builder()
            .requestId("req-1")
            .functionName("payments")
            .timeout(Duration.ofSeconds(10))
            .build();
    Map<String, Object> input = Map.of("id", "p-1");

    RecordingStore named = new RecordingStore();
    Idempotency.decorate(
            new NamedHandler(), String.class, IdempotencyConfig.custom().store(named).build())
        .handleRequest(input, context);
    System.out.println("named " + named.lastClaim);

    RecordingStore lambda = new RecordingStore();
    RequestHandler<Map<String, Object>, String> body = (in, ctx) -> "lambda";
    Idempotency.decorate(
            body,
            String.class,
            IdempotencyConfig.custom().store(lambda).namespace("payments").build())
        .handleRequest(input, context);
    System.out.println("lambda " + lambda.lastClaim);
    System.out.println("lambda class " + body.getClass().getName());

    try {
      Idempotency.decorate(
          body,
          String.class,
          IdempotencyConfig.custom().store(new InMemoryIdempotencyStore()).build());
      System.out.println("no namespace accepted");
    } catch (IdempotencyException e) {
      System.out.println("no namespace: " + e.getMessage());
    }
  }
}
