package dev.lamina.test.ssm;

import java.util.List;

/**
 * One request a {@link LocalParameterStore} received, as its request log records it. Values are never
 * recorded, so a log is safe to print.
 *
 * @param operation the SSM operation, e.g. {@code GetParameters} (from {@code X-Amz-Target})
 * @param names the parameter names asked for ({@code Name} or {@code Names}); empty for path reads
 * @param path the {@code Path} of a {@code GetParametersByPath}; {@code null} otherwise
 * @param nextToken the {@code NextToken} sent; {@code null} on a first page
 * @param withDecryption the {@code WithDecryption} flag
 * @param status the HTTP status answered: 200, or 400 for an error (including injected faults)
 * @param errorType the error's {@code __type} when {@code status} is not 200; {@code null} otherwise
 */
public record SsmRequest(
    String operation,
    List<String> names,
    String path,
    String nextToken,
    boolean withDecryption,
    int status,
    String errorType) {

  public SsmRequest {
    names = List.copyOf(names);
  }

  /** Whether the request was answered with 200. */
  public boolean succeeded() {
    return status == 200;
  }
}
