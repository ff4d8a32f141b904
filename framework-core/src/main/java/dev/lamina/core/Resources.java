package dev.lamina.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The init-once resources of one handler: created during init, primed before a SnapStart (CRaC)
 * checkpoint, optionally re-created after restore, closed in reverse order of creation.
 *
 * <p>Each handler has its own {@code Resources} (there is no global registry); it is registered
 * for checkpoint and restore notifications through {@link HandlerEnvironment#checkpointRegistry()}.
 * Declaring resources is meant for the init phase (the handler's constructor or an
 * {@link InterceptorFactory}); it is thread-safe nonetheless.
 *
 * <pre>{@code
 * public class Orders extends LambdaHandler<Order, Receipt> {
 *   private final Resource<DynamoDbClient> dynamo = resources()
 *       .define("dynamodb", () -> DynamoDbClient.builder().build())
 *       .primeWith(client -> client.describeEndpoints())   // warm the request path before a snapshot
 *       .recreateAfterRestore()                              // fresh credentials and connections
 *       .create();
 * }
 * }</pre>
 */
public final class Resources implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Resources.class);

  private final List<Entry<?>> entries = new ArrayList<>();
  private final org.crac.Resource cracHook =
      new org.crac.Resource() {
        @Override
        public void beforeCheckpoint(org.crac.Context<? extends org.crac.Resource> context) {
          Resources.this.beforeCheckpoint();
        }

        @Override
        public void afterRestore(org.crac.Context<? extends org.crac.Resource> context) {
          Resources.this.afterRestore();
        }
      };

  /** Creates an empty set of resources, not registered anywhere. */
  public Resources() {}

  /**
   * Creates an empty set of resources registered for checkpoint and restore notifications.
   *
   * @param registry where to register; the registry may hold the hook weakly, so keep this
   *     object reachable for as long as the hooks should fire
   */
  public Resources(HandlerEnvironment.CheckpointRegistry registry) {
    registry.register(cracHook);
  }

  /**
   * Creates a resource now, with no checkpoint behaviour beyond closing.
   *
   * @param name a name for messages; not {@code null}
   * @param factory creates the value; must not return {@code null}
   * @param <T> the value type
   * @return the resource
   * @throws ResourceException if the factory throws or returns {@code null}
   */
  public <T> Resource<T> add(String name, Supplier<? extends T> factory) {
    return this.<T>define(name, factory).create();
  }

  /**
   * Starts declaring a resource; {@link Definition#create()} creates it.
   *
   * @param name a name for messages; not {@code null}
   * @param factory creates the value; must not return {@code null}
   * @param <T> the value type
   * @return a definition to refine
   */
  public <T> Definition<T> define(String name, Supplier<? extends T> factory) {
    return new Definition<T>(name, factory);
  }

  /** The number of resources declared so far. */
  public synchronized int size() {
    return entries.size();
  }

  /**
   * Primes every resource that has a primer, in order of creation. Called before a SnapStart
   * checkpoint; a failing primer is logged (by name and exception type) and the others still run,
   * because priming only moves work out of the first invocation.
   */
  public void beforeCheckpoint() {
    for (Entry<?> e : snapshot()) {
      try {
        e.prime();
      } catch (RuntimeException ex) {
        log.warn(
            "Priming resource [{}] failed with {}; it will warm up on first use",
            e.name,
            ex.getClass().getName());
      }
    }
  }

  /**
   * Re-creates every resource declared with {@link Definition#recreateAfterRestore()} and runs
   * every restore hook, in order of creation. Called after a SnapStart restore.
   *
   * @throws ResourceException if a resource cannot be re-created; the environment is not usable
   */
  public void afterRestore() {
    for (Entry<?> e : snapshot()) {
      e.restore();
    }
  }

  /**
   * Closes every resource whose value is {@link AutoCloseable}, in reverse order of creation.
   * Failures are logged and do not stop the others.
   */
  @Override
  public void close() {
    List<Entry<?>> all = snapshot();
    for (int i = all.size() - 1; i >= 0; i--) {
      all.get(i).closeValue();
    }
  }

  /** The hook registered with CRaC, exposed so tests can drive it as the JVM would. */
  public org.crac.Resource checkpointHook() {
    return cracHook;
  }

  private synchronized List<Entry<?>> snapshot() {
    return new ArrayList<>(entries);
  }

  private synchronized void register(Entry<?> entry) {
    entries.add(entry);
  }

  /**
   * The declaration of one resource. Not thread-safe; use it on the declaring thread.
   *
   * @param <T> the value type
   */
  public final class Definition<T> {
    private final String name;
    private final Supplier<? extends T> factory;
    private Consumer<? super T> primer;
    private Consumer<? super T> restoreHook;
    private boolean recreate;

    private Definition(String name, Supplier<? extends T> factory) {
      this.name = Objects.requireNonNull(name, "name");
      this.factory = Objects.requireNonNull(factory, "factory");
    }

    /**
     * Work to do before a checkpoint so the snapshot holds a warm request path, such as one
     * cheap read with an SDK client.
     */
    public Definition<T> primeWith(Consumer<? super T> primer) {
      this.primer = Objects.requireNonNull(primer, "primer");
      return this;
    }

    /** Re-create the value after a restore (closing the old one if it is AutoCloseable). */
    public Definition<T> recreateAfterRestore() {
      this.recreate = true;
      return this;
    }

    /** Work to do on the value after a restore, such as re-seeding a random generator. */
    public Definition<T> onRestore(Consumer<? super T> hook) {
      this.restoreHook = Objects.requireNonNull(hook, "hook");
      return this;
    }

    /**
     * Creates the value now and registers the resource.
     *
     * @throws ResourceException if the factory throws or returns {@code null}
     */
    public Resource<T> create() {
      Entry<T> e = new Entry<>(name, factory, primer, restoreHook, recreate);
      register(e);
      return e;
    }
  }

  private static final class Entry<T> implements Resource<T> {
    private final String name;
    private final Supplier<? extends T> factory;
    private final Consumer<? super T> primer;
    private final Consumer<? super T> restoreHook;
    private final boolean recreate;
    private volatile T value;

    Entry(
        String name,
        Supplier<? extends T> factory,
        Consumer<? super T> primer,
        Consumer<? super T> restoreHook,
        boolean recreate) {
      this.name = name;
      this.factory = factory;
      this.primer = primer;
      this.restoreHook = restoreHook;
      this.recreate = recreate;
      this.value = createValue();
    }

    private T createValue() {
      T v;
      try {
        v = factory.get();
      } catch (RuntimeException e) {
        throw new ResourceException(
            "Init-once resource [" + name + "] could not be created: " + e.getClass().getName(), e);
      }
      if (v == null) {
        throw new ResourceException(
            "Init-once resource [" + name + "] could not be created: its factory returned null",
            null);
      }
      return v;
    }

    void prime() {
      if (primer != null) {
        primer.accept(value);
      }
    }

    void restore() {
      if (recreate) {
        T old = value;
        value = createValue();
        closeQuietly(old);
      }
      if (restoreHook != null) {
        try {
          restoreHook.accept(value);
        } catch (RuntimeException e) {
          throw new ResourceException(
              "Restore hook of resource [" + name + "] failed: " + e.getClass().getName(), e);
        }
      }
    }

    void closeValue() {
      closeQuietly(value);
    }

    private void closeQuietly(T v) {
      if (v instanceof AutoCloseable) {
        try {
          ((AutoCloseable) v).close();
        } catch (Exception e) {
          log.warn("Closing resource [{}] failed with {}", name, e.getClass().getName());
        }
      }
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public T get() {
      return value;
    }

    @Override
    public String toString() {
      return "Resource[" + name + "]";
    }
  }
}
