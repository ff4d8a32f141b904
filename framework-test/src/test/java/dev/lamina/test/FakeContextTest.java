package dev.lamina.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FakeContextTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void remainingTime_followsTheMutableClock() {
    MutableClock clock = MutableClock.at(T0);
    FakeContext context =
        FakeContext.builder().clock(clock).timeout(Duration.ofSeconds(10)).build();

    assertEquals(10_000, context.getRemainingTimeInMillis());
    clock.advance(Duration.ofMillis(9_250));
    assertEquals(750, context.getRemainingTimeInMillis());
    clock.advance(Duration.ofSeconds(5));
    assertEquals(0, context.getRemainingTimeInMillis(), "never negative");
  }

  @Test
  void explicitDeadline_winsOverTimeout() {
    MutableClock clock = MutableClock.at(T0);
    FakeContext context = FakeContext.builder().clock(clock).deadline(T0.plusSeconds(3)).build();
    assertEquals(3_000, context.getRemainingTimeInMillis());
    assertEquals(T0.plusSeconds(3), context.deadline());
  }

  @Test
  void defaults_lookLikeLambda() {
    FakeContext context = FakeContext.create();
    UUID.fromString(context.getAwsRequestId());
    assertEquals("test-function", context.getFunctionName());
    assertEquals("$LATEST", context.getFunctionVersion());
    assertEquals(512, context.getMemoryLimitInMB());
    assertEquals(
        "arn:aws:lambda:us-east-1:123456789012:function:test-function",
        context.getInvokedFunctionArn());
    assertEquals("/aws/lambda/test-function", context.getLogGroupName());
    assertTrue(
        context.getRemainingTimeInMillis() > 29_000
            && context.getRemainingTimeInMillis() <= 30_000);
    assertNull(context.getIdentity());
    assertNull(context.getClientContext());
    assertNull(context.getXrayTraceId());
    assertNull(context.getTenantId());
  }

  @Test
  void functionName_drivesArnAndLogGroup_unlessSet() {
    FakeContext context =
        FakeContext.builder()
            .functionName("orders")
            .requestId("r-1")
            .xrayTraceId("Root=1-abc")
            .tenantId("tenant-a")
            .build();
    assertEquals("r-1", context.getAwsRequestId());
    assertEquals(
        "arn:aws:lambda:us-east-1:123456789012:function:orders", context.getInvokedFunctionArn());
    assertEquals("/aws/lambda/orders", context.getLogGroupName());
    assertEquals("Root=1-abc", context.getXrayTraceId());
    assertEquals("tenant-a", context.getTenantId());
  }

  @Test
  void logger_recordsLines() {
    FakeContext context = FakeContext.create();
    context.getLogger().log("one");
    context.getLogger().log("two".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(List.of("one", "two"), context.recordingLogger().lines());
  }

  @Test
  void badValues_areRejectedAtBuild_namingTheSetting() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> FakeContext.builder().memoryLimitInMB(64).build());
    assertTrue(e.getMessage().contains("[memoryLimitInMB]"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> FakeContext.builder().timeout(Duration.ofSeconds(-1)).build());
    assertTrue(e.getMessage().contains("[timeout]"), e.getMessage());
  }

  @Test
  void toBuilder_keepsTheDeadline() {
    MutableClock clock = MutableClock.at(T0);
    FakeContext first = FakeContext.builder().clock(clock).timeout(Duration.ofSeconds(10)).build();
    clock.advance(Duration.ofSeconds(4));
    FakeContext second = first.toBuilder().requestId("another").build();
    assertEquals(6_000, second.getRemainingTimeInMillis());
    assertEquals(first.getLogger(), second.getLogger());
  }
}
