package dev.lamina.benchmarks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.crt.AwsCrtHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One DynamoDB {@code GetItem} at cold start, with the SDK HTTP client named by {@code
 * PROBE_HTTP_CLIENT} ({@code url-connection}, {@code apache5} or {@code crt}) and otherwise the
 * settings Lamina's clients use: what each HTTP client costs a cold start, with only its own jars
 * on the class path.
 */
public final class HttpClientProbeHandler implements RequestStreamHandler {
  private final String table = System.getenv("LAMINA_IDEMPOTENCY_TABLE");
  private final DynamoDbClient dynamo =
      BareDynamoDb.client(httpClient(System.getenv("PROBE_HTTP_CLIENT")));

  private static SdkHttpClient httpClient(String name) {
    switch (name == null ? "url-connection" : name) {
      case "apache5":
        return Apache5HttpClient.builder().build();
      case "crt":
        return AwsCrtHttpClient.builder().build();
      case "url-connection":
        return UrlConnectionHttpClient.builder().build();
      default:
        throw new IllegalArgumentException("[PROBE_HTTP_CLIENT] " + name + " is not known");
    }
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    dynamo.getItem(b -> b.tableName(table).key(Map.of("id", AttributeValue.fromS("probe"))));
    output.write("{}".getBytes(StandardCharsets.UTF_8));
  }
}
