package dev.lamina.idempotency;

import dev.lamina.core.Resources;
import dev.lamina.idempotency.IdempotencyStore.ClaimResult;
import dev.lamina.idempotency.internal.DynamoDbClients;
import dev.lamina.idempotency.internal.DynamoDbFailures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The {@link IdempotencyStore} on DynamoDB, through the AWS SDK v2 {@link DynamoDbClient}.
 *
 * <p>The table layout is Powertools for AWS Lambda (Java)'s, so a team can move to Lamina without
 * a new table: partition key {@code id} (string), {@code expiration} (number, epoch seconds; make it
 * the table's TTL attribute), {@code in_progress_expiration} (number, epoch millis), {@code status}
 * ({@code INPROGRESS} or {@code COMPLETED}), {@code data} (the result as JSON text) and {@code
 * validation} (the payload hash), plus Lamina's {@code owner} (the claim's owner token), which
 * Powertools ignores. Every name can be changed. With {@link
 * Builder#sortKeyAttribute(String)} the table has a composite key: the partition key holds a fixed
 * value ({@link Builder#staticPartitionKeyValue(String)}) and the sort key holds the record id.
 *
 * <p>One call per operation: {@code claim} is a conditional {@code PutItem} with {@code
 * ReturnValuesOnConditionCheckFailure=ALL_OLD} (a duplicate learns the existing record in the same
 * round trip), {@code fetch} a strongly consistent {@code GetItem}, {@code complete} an {@code
 * UpdateItem} and {@code release} a {@code DeleteItem}, both conditional on the record still being
 * the claim of the same owner token. Failures are {@link IdempotencyStoreException}s naming the
 * table and operation.
 *
 * <p>Results above {@link #maxDataBytes()} (DynamoDB's 400 KB item limit less 4 KB for the other
 * attributes) are not stored; see {@link IdempotencyResultUnavailableException}.
 *
 * <p>Immutable and thread-safe; build one per execution environment, during init.
 *
 * <pre>{@code
 * IdempotencyStore store = DynamoDbIdempotencyStore.builder()
 *     .client(DynamoDbClient.create())
 *     .table("idempotency")
 *     .build();
 * }</pre>
 */
public final class DynamoDbIdempotencyStore implements IdempotencyStore {
  /** DynamoDB's maximum item size, 400 KB. */
  public static final long ITEM_LIMIT_BYTES = 400 * 1024;

  private final Supplier<? extends DynamoDbClient> client;
  private final String table;
  private final String keyAttr;
  private final String sortKeyAttr;
  private final String staticPk;
  private final String expiryAttr;
  private final String inProgressExpiryAttr;
  private final String statusAttr;
  private final String dataAttr;
  private final String validationAttr;
  private final String ownerAttr;
  private final Map<String, String> names;

  private DynamoDbIdempotencyStore(Builder b) {
    this.client = b.client;
    this.table = b.table;
    this.keyAttr = b.keyAttr;
    this.sortKeyAttr = b.sortKeyAttr;
    this.staticPk = b.staticPk;
    this.expiryAttr = b.expiryAttr;
    this.inProgressExpiryAttr = b.inProgressExpiryAttr;
    this.statusAttr = b.statusAttr;
    this.dataAttr = b.dataAttr;
    this.validationAttr = b.validationAttr;
    this.ownerAttr = b.ownerAttr;
    this.names =
        Map.of(
            "#id",
            idAttr(),
            "#expiry",
            expiryAttr,
            "#ipe",
            inProgressExpiryAttr,
            "#status",
            statusAttr);
  }

  /** A builder; {@link Builder#client} and {@link Builder#table} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The store a function configures through environment variables, with a client built for a fast
   * cold start (see {@code framework-idempotency/README.md}): {@code LAMINA_IDEMPOTENCY_TABLE}
   * (required), {@code AWS_REGION} (required), credentials from {@code AWS_ACCESS_KEY_ID}, {@code
   * AWS_SECRET_ACCESS_KEY}, {@code AWS_SESSION_TOKEN} (or the container credentials endpoint), and,
   * for local runs only, {@code LAMINA_IDEMPOTENCY_ENDPOINT}.
   *
   * @param environment the environment variables; not {@code null}
   * @return the store
   * @throws IdempotencyException listing every missing or bad variable
   */
  public static DynamoDbIdempotencyStore fromEnvironment(Map<String, String> environment) {
    return fromEnvironment(environment, null);
  }

  /**
   * As {@link #fromEnvironment(Map, String)}, with the client an init-once resource of a
   * handler: primed with one {@code GetItem} of an id no record has before a SnapStart checkpoint
   * (no extra permission), and re-created after a restore, so no connection or credential
   * survives from the snapshot. What {@code @Idempotent}, the proxy handler and batch processing
   * use by default.
   *
   * @param resources the handler's init-once resources; not {@code null}
   * @param environment the environment variables; not {@code null}
   * @param table the table name given in code, or {@code null} (or empty) to read {@code
   *     LAMINA_IDEMPOTENCY_TABLE}
   * @return the store
   * @throws IdempotencyException listing every missing or bad variable
   */
  public static DynamoDbIdempotencyStore fromEnvironment(
      Resources resources, Map<String, String> environment, String table) {
    return DynamoDbClients.settings(environment, table).newStore(resources);
  }

  /**
   * As {@link #fromEnvironment(Map)}, with the table name given in code when not {@code null}.
   */
  public static DynamoDbIdempotencyStore fromEnvironment(
      Map<String, String> environment, String table) {
    return DynamoDbClients.settings(environment, table).newStore();
  }

  /** The table name. */
  public String table() {
    return table;
  }

  /** The client the store uses now (it changes only if it was given as a re-created resource). */
  public DynamoDbClient client() {
    return client.get();
  }

  @Override
  public long maxDataBytes() {
    return ITEM_LIMIT_BYTES - 4 * 1024;
  }

  @Override
  public ClaimResult claim(IdempotencyRecord claim, Instant now) {
    Map<String, AttributeValue> item = new HashMap<>(key(claim.id()));
    item.put(statusAttr, s(claim.status().stored()));
    item.put(expiryAttr, n(claim.expiry().getEpochSecond()));
    if (claim.inProgressExpiry() != null) {
      item.put(inProgressExpiryAttr, n(claim.inProgressExpiry().toEpochMilli()));
    }
    if (claim.payloadHash() != null) {
      item.put(validationAttr, s(claim.payloadHash()));
    }
    if (claim.owner() != null) {
      item.put(ownerAttr, s(claim.owner()));
    }
    PutItemRequest request =
        PutItemRequest.builder()
            .tableName(table)
            .item(item)
            .conditionExpression(
                "attribute_not_exists(#id) OR #expiry < :now OR"
                    + " (#status = :inprogress AND attribute_exists(#ipe) AND #ipe < :now_ms)")
            .expressionAttributeNames(names)
            .expressionAttributeValues(
                Map.of(
                    ":now", n(now.getEpochSecond()),
                    ":now_ms", n(now.toEpochMilli()),
                    ":inprogress", s(IdempotencyStatus.IN_PROGRESS.stored())))
            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
            .build();
    try {
      client.get().putItem(request);
      return ClaimResult.claimed();
    } catch (ConditionalCheckFailedException e) {
      if (e.hasItem() && !e.item().isEmpty()) {
        return ClaimResult.heldBy(toRecord(claim.id(), e.item()));
      }
      // Stores without ALL_OLD: one more round trip. The record that refused the write may be
      // gone by now (released, expired): that is not a claim.
      return fetch(claim.id()).map(ClaimResult::heldBy).orElse(ClaimResult.holderGone());
    } catch (SdkException e) {
      throw DynamoDbFailures.translate(table, "PutItem", e);
    }
  }

  @Override
  public Optional<IdempotencyRecord> fetch(String id) {
    GetItemResponse response;
    try {
      response =
          client
              .get()
              .getItem(
                  GetItemRequest.builder()
                      .tableName(table)
                      .key(key(id))
                      .consistentRead(true)
                      .build());
    } catch (SdkException e) {
      throw DynamoDbFailures.translate(table, "GetItem", e);
    }
    return response.hasItem() && !response.item().isEmpty()
        ? Optional.of(toRecord(id, response.item()))
        : Optional.empty();
  }

  @Override
  public boolean complete(IdempotencyRecord completed) {
    Objects.requireNonNull(completed.owner(), "completed.owner");
    Map<String, String> updateNames = new HashMap<>();
    Map<String, AttributeValue> values = new HashMap<>();
    updateNames.put("#owner", ownerAttr);
    values.put(":owner", s(completed.owner()));
    updateNames.put("#status", statusAttr);
    updateNames.put("#expiry", expiryAttr);
    updateNames.put("#data", dataAttr);
    values.put(":status", s(IdempotencyStatus.COMPLETED.stored()));
    values.put(":expiry", n(completed.expiry().getEpochSecond()));
    StringBuilder set = new StringBuilder("SET #status = :status, #expiry = :expiry");
    if (completed.data() != null) {
      set.append(", #data = :data");
      values.put(":data", s(completed.data()));
    }
    if (completed.payloadHash() != null) {
      set.append(", #validation = :validation");
      updateNames.put("#validation", validationAttr);
      values.put(":validation", s(completed.payloadHash()));
    }
    String expression = completed.data() == null ? set + " REMOVE #data" : set.toString();
    try {
      client
          .get()
          .updateItem(
              UpdateItemRequest.builder()
                  .tableName(table)
                  .key(key(completed.id()))
                  .updateExpression(expression)
                  // Only this owner's claim: never a record someone claimed after ours lapsed, and
                  // never a new item where the claim was removed.
                  .conditionExpression("#owner = :owner")
                  .expressionAttributeNames(updateNames)
                  .expressionAttributeValues(values)
                  .build());
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    } catch (SdkException e) {
      throw DynamoDbFailures.translate(table, "UpdateItem", e);
    }
  }

  @Override
  public void release(IdempotencyRecord claim) {
    Objects.requireNonNull(claim.owner(), "claim.owner");
    DeleteItemRequest request =
        DeleteItemRequest.builder()
            .tableName(table)
            .key(key(claim.id()))
            // Only this invocation's claim: one taken over after it lapsed is someone else's.
            .conditionExpression("#status = :inprogress AND #owner = :owner")
            .expressionAttributeNames(Map.of("#status", statusAttr, "#owner", ownerAttr))
            .expressionAttributeValues(
                Map.of(
                    ":inprogress", s(IdempotencyStatus.IN_PROGRESS.stored()),
                    ":owner", s(claim.owner())))
            .build();
    try {
      client.get().deleteItem(request);
    } catch (ConditionalCheckFailedException e) {
      // Not ours any more: nothing to release.
    } catch (SdkException e) {
      throw DynamoDbFailures.translate(table, "DeleteItem", e);
    }
  }

  private String idAttr() {
    return sortKeyAttr != null ? sortKeyAttr : keyAttr;
  }

  private Map<String, AttributeValue> key(String id) {
    if (sortKeyAttr == null) {
      return Map.of(keyAttr, s(id));
    }
    return Map.of(keyAttr, s(staticPk), sortKeyAttr, s(id));
  }

  private IdempotencyRecord toRecord(String id, Map<String, AttributeValue> item) {
    AttributeValue status = item.get(statusAttr);
    AttributeValue expiry = item.get(expiryAttr);
    AttributeValue ipe = item.get(inProgressExpiryAttr);
    AttributeValue data = item.get(dataAttr);
    AttributeValue validation = item.get(validationAttr);
    AttributeValue owner = item.get(ownerAttr);
    return new IdempotencyRecord(
        id,
        status == null ? IdempotencyStatus.IN_PROGRESS : IdempotencyStatus.ofStored(status.s()),
        expiry == null || expiry.n() == null
            ? Instant.MAX
            : Instant.ofEpochSecond(Long.parseLong(expiry.n())),
        ipe == null || ipe.n() == null ? null : Instant.ofEpochMilli(Long.parseLong(ipe.n())),
        validation == null ? null : validation.s(),
        data == null ? null : data.s(),
        owner == null ? null : owner.s());
  }

  private static AttributeValue s(String value) {
    return AttributeValue.builder().s(value).build();
  }

  private static AttributeValue n(long value) {
    return AttributeValue.builder().n(Long.toString(value)).build();
  }

  @Override
  public String toString() {
    return "DynamoDbIdempotencyStore[" + table + "]";
  }

  /** Builds a {@link DynamoDbIdempotencyStore}. Not thread-safe. */
  public static final class Builder {
    private Supplier<? extends DynamoDbClient> client;
    private String table;
    private String keyAttr = "id";
    private String sortKeyAttr;
    private String staticPk = "idempotency";
    private String expiryAttr = "expiration";
    private String inProgressExpiryAttr = "in_progress_expiration";
    private String statusAttr = "status";
    private String dataAttr = "data";
    private String validationAttr = "validation";
    private String ownerAttr = "owner";

    private Builder() {}

    /** Required (or {@link #client(Supplier)}): the client, built once per execution environment. */
    public Builder client(DynamoDbClient client) {
      Objects.requireNonNull(client, "client");
      this.client = () -> client;
      return this;
    }

    /**
     * The client as a supplier read on every call, such as a {@code dev.lamina.core.Resource}
     * re-created after a SnapStart restore.
     */
    public Builder client(Supplier<? extends DynamoDbClient> client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    /** Required: the table name. */
    public Builder table(String table) {
      this.table = Objects.requireNonNull(table, "table");
      return this;
    }

    /** The partition key attribute; default {@code id}. */
    public Builder keyAttribute(String name) {
      this.keyAttr = Objects.requireNonNull(name, "keyAttribute");
      return this;
    }

    /** Switches to the composite-key layout with this sort key attribute (holding the record id). */
    public Builder sortKeyAttribute(String name) {
      this.sortKeyAttr = Objects.requireNonNull(name, "sortKeyAttribute");
      return this;
    }

    /** The partition key value in the composite-key layout; default {@code idempotency}. */
    public Builder staticPartitionKeyValue(String value) {
      this.staticPk = Objects.requireNonNull(value, "staticPartitionKeyValue");
      return this;
    }

    /** The TTL attribute (epoch seconds); default {@code expiration}. */
    public Builder expiryAttribute(String name) {
      this.expiryAttr = Objects.requireNonNull(name, "expiryAttribute");
      return this;
    }

    /** The in-progress expiry attribute (epoch millis); default {@code in_progress_expiration}. */
    public Builder inProgressExpiryAttribute(String name) {
      this.inProgressExpiryAttr = Objects.requireNonNull(name, "inProgressExpiryAttribute");
      return this;
    }

    /** The status attribute; default {@code status}. */
    public Builder statusAttribute(String name) {
      this.statusAttr = Objects.requireNonNull(name, "statusAttribute");
      return this;
    }

    /** The result attribute; default {@code data}. */
    public Builder dataAttribute(String name) {
      this.dataAttr = Objects.requireNonNull(name, "dataAttribute");
      return this;
    }

    /** The payload hash attribute; default {@code validation}. */
    public Builder validationAttribute(String name) {
      this.validationAttr = Objects.requireNonNull(name, "validationAttribute");
      return this;
    }

    /** The claim's owner token attribute; default {@code owner}. */
    public Builder ownerAttribute(String name) {
      this.ownerAttr = Objects.requireNonNull(name, "ownerAttribute");
      return this;
    }

    /**
     * Validates and builds the store.
     *
     * @throws IllegalArgumentException listing every missing or clashing setting
     */
    public DynamoDbIdempotencyStore build() {
      List<String> problems = new ArrayList<>();
      if (client == null) {
        problems.add("[client] is required");
      }
      if (table == null || table.isBlank()) {
        problems.add("[table] is required");
      }
      List<String> attrs =
          new ArrayList<>(
              List.of(
                  keyAttr,
                  expiryAttr,
                  inProgressExpiryAttr,
                  statusAttr,
                  dataAttr,
                  validationAttr,
                  ownerAttr));
      if (sortKeyAttr != null) {
        attrs.add(sortKeyAttr);
      }
      if (attrs.stream().anyMatch(String::isBlank)) {
        problems.add("attribute names must not be blank");
      } else if (attrs.stream().distinct().count() != attrs.size()) {
        problems.add("attribute names must differ from each other, were " + attrs);
      }
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException(
            "Invalid DynamoDB idempotency store: " + String.join("; ", problems));
      }
      return new DynamoDbIdempotencyStore(this);
    }
  }
}
