package dev.lamina.test.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lamina.test.InvocationResult;
import dev.lamina.test.eventsource.Delivery.Outcome;
import dev.lamina.test.eventsource.FunctionInvoker;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Invokes a function with a batch and reads its answer as Lambda's event source mappings read a
 * partial batch response ({@code ReportBatchItemFailures}). Stateless and thread-safe.
 *
 * <p>A complete success: no body, {@code null}, {@code {}}, a null or empty
 * {@code batchItemFailures}. A complete failure: an error, a timeout, a body that is not a JSON
 * object, a {@code batchItemFailures} that is not an array, an entry without a well-formed
 * {@code itemIdentifier} (missing, null, empty, of the wrong type, under another key name), or one
 * that names no record of the batch.
 */
public final class BatchResponses {

  /** How long to wait for a timed-out invocation's late answer before the next invocation. */
  public static final Duration LATE_ANSWER_WAIT = Duration.ofSeconds(15);

  private static final ObjectMapper JSON = new ObjectMapper();

  private BatchResponses() {}

  /**
   * What one invocation came to.
   *
   * @param outcome how the answer reads
   * @param reported the record ids reported as failed, in the answer's order, without repeats
   * @param detail why the batch failed as a whole, or the empty string
   * @param result the runtime's answer; null for a timeout or a dead runtime
   */
  public record Answer(
      Outcome outcome, List<String> reported, String detail, InvocationResult result) {}

  /**
   * Invokes and reads the answer.
   *
   * @param identifier maps one {@code itemIdentifier} node to a record id, or to null if it is
   *     malformed for this kind of source
   * @param batchIds the ids of the batch's records
   * @param reportBatchItemFailures whether the mapping reads partial responses at all; if not,
   *     any answer that is not an error is a complete success
   */
  public static Answer invoke(
      FunctionInvoker function,
      String event,
      Duration timeout,
      Function<JsonNode, String> identifier,
      Set<String> batchIds,
      boolean reportBatchItemFailures) {
    CompletableFuture<InvocationResult> future;
    try {
      future = function.invoke(event, timeout);
    } catch (RuntimeException e) {
      return new Answer(
          Outcome.FUNCTION_ERROR,
          List.of(),
          "the function could not be invoked: " + e.getClass().getName() + ": " + e.getMessage(),
          null);
    }
    InvocationResult result;
    try {
      // A little slack over the deadline: the runtime's answer travels over loopback HTTP.
      result = future.get(timeout.toMillis() + 250, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      awaitLateAnswer(future);
      return new Answer(
          Outcome.TIMEOUT,
          List.of(),
          "Task timed out after " + String.format("%.2f", timeout.toMillis() / 1000.0) + " seconds",
          null);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      return new Answer(
          Outcome.FUNCTION_ERROR,
          List.of(),
          "the function's runtime failed: "
              + cause.getClass().getName()
              + ": "
              + firstLine(cause.getMessage()),
          null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(Outcome.FUNCTION_ERROR, List.of(), "interrupted while invoking", null);
    }
    if (result.isError()) {
      return new Answer(
          Outcome.FUNCTION_ERROR,
          List.of(),
          "the function failed: " + result.errorType() + ": " + firstLine(result.errorMessage()),
          result);
    }
    if (!reportBatchItemFailures) {
      return new Answer(Outcome.SUCCESS, List.of(), "", result);
    }
    return read(result, identifier, batchIds);
  }

  /** Reads a response (not an error) as a partial batch response. */
  public static Answer read(
      InvocationResult result, Function<JsonNode, String> identifier, Set<String> batchIds) {
    String body = result.body().trim();
    if (body.isEmpty()) {
      return new Answer(Outcome.SUCCESS, List.of(), "", result);
    }
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      return invalid("the response is not JSON", result);
    }
    if (root == null || root.isNull()) {
      return new Answer(Outcome.SUCCESS, List.of(), "", result);
    }
    if (!root.isObject()) {
      return invalid(
          "the response is JSON but not an object ({\"batchItemFailures\":[...]})", result);
    }
    JsonNode failures = root.get("batchItemFailures");
    if (failures == null || failures.isNull()) {
      return new Answer(Outcome.SUCCESS, List.of(), "", result);
    }
    if (!failures.isArray()) {
      return invalid("[batchItemFailures] is not an array", result);
    }
    Set<String> reported = new LinkedHashSet<>();
    int index = 0;
    for (JsonNode failure : failures) {
      if (!failure.isObject()) {
        return invalid("[batchItemFailures[" + index + "]] is not an object", result);
      }
      JsonNode node = failure.get("itemIdentifier");
      if (node == null) {
        return invalid(
            "[batchItemFailures["
                + index
                + "]] has no [itemIdentifier] (keys: "
                + fieldNames(failure)
                + ")",
            result);
      }
      String id = node.isNull() ? null : identifier.apply(node);
      if (id == null || id.isEmpty()) {
        return invalid(
            "[batchItemFailures["
                + index
                + "].itemIdentifier] is null, empty or "
                + "malformed: "
                + abbreviate(node.toString()),
            result);
      }
      if (!batchIds.contains(id)) {
        return invalid(
            "[batchItemFailures["
                + index
                + "].itemIdentifier] names ["
                + id
                + "], which is not in the batch",
            result);
      }
      reported.add(id);
      index++;
    }
    if (reported.isEmpty()) {
      return new Answer(Outcome.SUCCESS, List.of(), "", result);
    }
    return new Answer(Outcome.PARTIAL_FAILURE, new ArrayList<>(reported), "", result);
  }

  /** Maps a textual {@code itemIdentifier} to itself, anything else to null (malformed). */
  public static String textual(JsonNode node) {
    return node.isTextual() ? node.asText() : null;
  }

  private static Answer invalid(String why, InvocationResult result) {
    return new Answer(
        Outcome.INVALID_RESPONSE, List.of(), "invalid partial batch response: " + why, result);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }

  private static void awaitLateAnswer(CompletableFuture<InvocationResult> future) {
    try {
      future.get(LATE_ANSWER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // The late answer is ignored either way, as Lambda ignores a timed-out sandbox's answer.
    }
  }
}
