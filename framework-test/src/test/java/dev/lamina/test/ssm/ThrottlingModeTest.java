package dev.lamina.test.ssm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.test.MutableClock;
import dev.lamina.test.TokenBucket;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.SsmException;

/** The token bucket, and the store's throttling mode as the real SDK client sees it. */
class ThrottlingModeTest {
  private final MutableClock clock = MutableClock.at(Instant.parse("2026-12-01T09:00:00Z"));
  private LocalParameterStore store;
  private SsmClient ssm;

  @BeforeEach
  void start() {
    store = LocalParameterStore.builder().clock(clock).throttle(40, 3).start();
    store.put("/a", "1");
    ssm =
        SsmClient.builder()
            .endpointOverride(store.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .httpClient(UrlConnectionHttpClient.create())
            .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
            .build();
  }

  @AfterEach
  void stop() {
    ssm.close();
    store.close();
  }

  @Test
  void bucket_startsFull_andRefillsAtItsRate_onTheClock() {
    TokenBucket bucket = new TokenBucket(40, 40, clock);
    for (int i = 0; i < 40; i++) {
      assertTrue(bucket.tryAcquire(), "token " + i);
    }
    assertFalse(bucket.tryAcquire());
    clock.advance(Duration.ofMillis(25));
    assertTrue(bucket.tryAcquire());
    assertFalse(bucket.tryAcquire());
    clock.advance(Duration.ofMinutes(5));
    assertEquals(40.0, bucket.available(), 1e-9, "never more than the burst");
    assertThrows(IllegalArgumentException.class, () -> new TokenBucket(0, 1, clock));
    assertThrows(IllegalArgumentException.class, () -> new TokenBucket(1, 0, clock));
  }

  @Test
  void overTheRate_theSdkSeesSsmsThrottlingException_andEachOperationIsCounted() {
    for (int i = 0; i < 3; i++) {
      assertEquals("1", ssm.getParameter(r -> r.name("/a")).parameter().value());
    }

    SsmException e = assertThrows(SsmException.class, () -> ssm.getParameters(r -> r.names("/a")));

    assertEquals(400, e.statusCode());
    assertEquals("ThrottlingException", e.awsErrorDetails().errorCode());
    assertEquals("Rate exceeded", e.awsErrorDetails().errorMessage());
    assertTrue(e.isThrottlingException(), "the SDK classifies it as throttling");
    assertEquals(3, store.served("GetParameter"));
    assertEquals(0, store.served("GetParameters"));
    assertEquals(1, store.throttled("GetParameters"));

    clock.advance(Duration.ofMillis(25)); // one token
    assertEquals(1, ssm.getParameters(r -> r.names("/a")).parameters().size());
    assertEquals(1, store.served("GetParameters"));
  }

  @Test
  void writesAreNotThrottled_onlyTheReadsThatShareSsmsQuota() {
    for (int i = 0; i < 3; i++) {
      ssm.getParameter(r -> r.name("/a"));
    }
    ssm.putParameter(r -> r.name("/b").value("2").type("String"));
    assertEquals(1, store.served("PutParameter"));
    assertEquals(0, store.throttled("PutParameter"));
  }
}
