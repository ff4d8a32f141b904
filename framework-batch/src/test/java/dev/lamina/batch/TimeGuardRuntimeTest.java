package dev.lamina.batch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lamina.batch.handlers.SlowRecordsHandler;
import dev.lamina.test.FunctionClassPath;
import dev.lamina.test.InvocationResult;
import dev.lamina.test.LocalLambda;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Under the real runtime interface client: a batch whose records would run past the function's
 * timeout answers before it, reporting the records it did not reach, instead of being killed
 * (which would lose the whole batch to a retry).
 */
class TimeGuardRuntimeTest {

  @Test
  void slowBatch_answersBeforeTheTimeout_reportingTheRecordsNotReached() throws Exception {
    StringBuilder records = new StringBuilder();
    for (int i = 1; i <= 10; i++) {
      records
          .append(i > 1 ? "," : "")
          .append("{\"messageId\":\"m-")
          .append(i)
          .append("\",\"receiptHandle\":\"h-")
          .append(i)
          .append("\",\"body\":\"work ")
          .append(i)
          .append("\",\"attributes\":{\"ApproximateReceiveCount\":\"1\"},\"messageAttributes\":{},")
          .append("\"eventSource\":\"aws:sqs\",\"eventSourceARN\":")
          .append("\"arn:aws:sqs:eu-west-1:123456789012:work\",\"awsRegion\":\"eu-west-1\"}");
    }
    try (LocalLambda lambda =
        LocalLambda.builder()
            .handler(SlowRecordsHandler.class.getName())
            .classPath(FunctionClassPath.withTestClasses())
            .timeout(Duration.ofSeconds(3))
            .start()) {
      InvocationResult result = lambda.invoke("{\"Records\":[" + records + "]}");

      assertFalse(result.isError(), result::toString); // not killed at the timeout
      JsonNode failures = new ObjectMapper().readTree(result.body()).get("batchItemFailures");
      List<String> reported = new ArrayList<>();
      failures.forEach(f -> reported.add(f.get("itemIdentifier").asText()));
      // 10 records of 400 ms do not fit in 3 s less the 1.5 s margin: the tail is reported.
      assertTrue(reported.size() >= 5 && reported.size() <= 9, reported.toString());
      for (int i = 0; i < reported.size(); i++) {
        assertTrue(
            reported.get(i).equals("m-" + (11 - reported.size() + i)),
            "the records not reached, in order: " + reported);
      }
    }
  }
}
