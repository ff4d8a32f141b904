package dev.lamina.benchmarks;

import dev.lamina.idempotency.IdempotencyTable;
import dev.lamina.test.FakeAwsEnvironment;
import dev.lamina.test.dynamodb.DynamoDbLocal;
import dev.lamina.test.dynamodb.DynamoDbLocalTables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** DynamoDB Local with one idempotency table, for the idempotent variant of the harness. */
final class IdempotencyBackend implements AutoCloseable {
  private static final String TABLE = "idempotency";

  private final DynamoDbLocal server;

  private IdempotencyBackend(DynamoDbLocal server) {
    this.server = server;
  }

  /** Starts it if the class path file exists; otherwise says why the variant is skipped. */
  static IdempotencyBackend startIfAvailable(String classPathFile) {
    if (classPathFile == null || !Files.isRegularFile(Path.of(classPathFile))) {
      System.out.println(
          "No DynamoDB Local class path file ["
              + classPathFile
              + "]: skipping the idempotent variant (build the dynamodb-local module first)");
      return null;
    }
    DynamoDbLocal server = DynamoDbLocal.builder().classPathFile(Path.of(classPathFile)).start();
    try (DynamoDbClient admin = DynamoDbLocalTables.client(server.endpoint())) {
      IdempotencyTable.create(admin, TABLE);
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    return new IdempotencyBackend(server);
  }

  /** What the function needs to reach it. */
  Map<String, String> environment() {
    // Keys without a session token, as in every variant of the harness, so the figures compare;
    // the same keys as the admin client that created the table, because DynamoDB Local keeps a
    // separate set of tables per access key.
    return Map.of(
        "LAMINA_IDEMPOTENCY_TABLE",
        TABLE,
        "LAMINA_IDEMPOTENCY_ENDPOINT",
        server.endpoint().toString(),
        "AWS_ACCESS_KEY_ID",
        FakeAwsEnvironment.ACCESS_KEY_ID,
        "AWS_SECRET_ACCESS_KEY",
        FakeAwsEnvironment.SECRET_ACCESS_KEY);
  }

  @Override
  public void close() {
    server.close();
  }
}
