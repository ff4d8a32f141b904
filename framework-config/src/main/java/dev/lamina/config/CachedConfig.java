package dev.lamina.config;

import dev.lamina.config.internal.Binder;
import dev.lamina.config.internal.ConfigPlan;
import dev.lamina.core.Interceptor;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Configuration values loaded once and refreshed after a max age, on a later read (Lambda freezes
 * the environment between invocations, so there is no timer: the read that finds the values too
 * old refreshes them first). If a refresh fails, the last good values stay in use, one warning is
 * logged, and the next attempt waits another max age. {@link #invalidate()} (called after a
 * SnapStart restore by {@code @Config}) makes the next read refresh whatever the age.
 *
 * <p>Thread-safe. While one thread refreshes, others keep reading the current values rather than
 * wait. Created by {@link ConfigLoader#cache(Class)}.
 *
 * <pre>{@code
 * CachedConfig<OrdersConfig> config = loader.cache(OrdersConfig.class);
 * Lamina.handler(Order.class, Receipt.class, body)
 *     .feature(ConfigFeature.of(OrdersConfig.class).build()).build();
 * }</pre>
 *
 * @param <T> the configuration type
 */
public final class CachedConfig<T> implements Supplier<T> {
  private static final Logger log = LoggerFactory.getLogger(CachedConfig.class);

  private final ConfigLoader loader;
  private final ConfigPlan<T> plan;
  private final Duration maxAge;
  private final ReentrantLock refreshing = new ReentrantLock();
  private volatile Snapshot<T> snapshot;
  private volatile boolean invalidated;

  private record Snapshot<T>(T value, Instant loadedAt, Instant nextAttempt) {}

  CachedConfig(ConfigLoader loader, ConfigPlan<T> plan, T first) {
    this.loader = loader;
    this.plan = plan;
    this.maxAge = loader.maxAge();
    Instant now = loader.clock().instant();
    this.snapshot = new Snapshot<>(first, now, next(now));
  }

  /** The configuration type. */
  public Class<T> type() {
    return plan.type();
  }

  /**
   * The current values, refreshed first if they are older than the max age or were invalidated.
   * A failed refresh keeps the current values (and logs one warning).
   *
   * @return the values; never {@code null}
   */
  @Override
  public T get() {
    Snapshot<T> s = snapshot;
    if (due(s) && refreshing.tryLock()) {
      try {
        s = snapshot;
        if (due(s)) {
          s = refreshQuietly(s);
        }
      } finally {
        refreshing.unlock();
      }
    }
    return s.value();
  }

  /** The current values, without refreshing; never {@code null}. */
  public T current() {
    return snapshot.value();
  }

  /** When the current values were loaded, by the loader's clock. */
  public Instant loadedAt() {
    return snapshot.loadedAt();
  }

  /**
   * Reloads now, whatever the age.
   *
   * @return the new values
   * @throws ConfigurationException if the load fails; the current values stay in use
   */
  public T refresh() {
    refreshing.lock();
    try {
      T value = loader.load(plan);
      Instant now = loader.clock().instant();
      snapshot = new Snapshot<>(value, now, next(now));
      invalidated = false;
      return value;
    } finally {
      refreshing.unlock();
    }
  }

  /** Makes the next {@link #get()} refresh, whatever the age (after a SnapStart restore). */
  public void invalidate() {
    invalidated = true;
  }

  /**
   * An interceptor that puts the current values (refreshed when due) on each invocation, for
   * {@link Configs#get(dev.lamina.core.Invocation, Class)}: what {@link ConfigFeature} (and so
   * {@code @Config}) adds to the chain.
   */
  Interceptor interceptor() {
    return Interceptor.named(
        "Config[" + plan.type().getSimpleName() + "]",
        chain -> {
          Configs.put(chain.invocation(), plan.type(), get());
          return chain.proceed();
        });
  }

  /**
   * The current values as text for a log line: every field by name, secret ones as {@code ****}.
   * Prefer it to the type's own {@code toString}.
   */
  public String describe() {
    return Binder.describe(plan, snapshot.value());
  }

  /** Names the type and when it was loaded; never a value. */
  @Override
  public String toString() {
    return "CachedConfig[" + plan.type().getName() + ", loaded at " + snapshot.loadedAt() + "]";
  }

  private boolean due(Snapshot<T> s) {
    return invalidated
        || (s.nextAttempt() != null && !loader.clock().instant().isBefore(s.nextAttempt()));
  }

  private Instant next(Instant now) {
    return maxAge.isZero() ? null : now.plus(maxAge);
  }

  private Snapshot<T> refreshQuietly(Snapshot<T> old) {
    Instant now = loader.clock().instant();
    try {
      T value = loader.load(plan);
      Snapshot<T> fresh = new Snapshot<>(value, now, next(now));
      snapshot = fresh;
      invalidated = false;
      return fresh;
    } catch (RuntimeException e) {
      // Back off for a max age (or until the next invalidation) so a broken store is not hit,
      // and not logged about, on every invocation.
      Snapshot<T> kept = new Snapshot<>(old.value(), old.loadedAt(), next(now));
      snapshot = kept;
      invalidated = false;
      log.atWarn()
          .addKeyValue("config_type", plan.type().getName())
          .addKeyValue("error_type", e.getClass().getName())
          .log(
              "Refreshing configuration [{}] failed; keeping the values loaded at {}{}: {}",
              plan.type().getName(),
              old.loadedAt(),
              maxAge.isZero() ? "" : ", next attempt in " + maxAge,
              e instanceof ConfigurationException ? e.getMessage() : e.getClass().getName());
      return kept;
    }
  }
}
