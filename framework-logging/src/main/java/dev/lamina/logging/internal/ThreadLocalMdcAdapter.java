package dev.lamina.logging.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.spi.MDCAdapter;

/**
 * An {@link MDCAdapter} backed by plain (not inheritable) {@link ThreadLocal}s.
 *
 * <p>SLF4J's {@code BasicMDCAdapter} uses an {@code InheritableThreadLocal}: every thread
 * started while an invocation's context is set keeps a copy of that context (request id,
 * correlation id) for the rest of its life, and so would stamp the wrong invocation on later
 * lines. Here a thread sees only what it put itself.
 *
 * <p>Thread-safe: each thread has its own map. Keys must not be null; values may be null
 * and are then written as JSON {@code null}. Entries keep their insertion order, which is the
 * order they appear in a log line. {@link #clear()} releases the thread's maps entirely.
 */
public final class ThreadLocalMdcAdapter implements MDCAdapter {

  private final ThreadLocal<Map<String, String>> maps = new ThreadLocal<>();
  private final ThreadLocal<Map<String, Deque<String>>> deques = new ThreadLocal<>();

  @Override
  public void put(String key, String val) {
    Objects.requireNonNull(key, "MDC [key] must not be null");
    Map<String, String> map = maps.get();
    if (map == null) {
      map = new LinkedHashMap<>();
      maps.set(map);
    }
    map.put(key, val);
  }

  @Override
  public String get(String key) {
    Map<String, String> map = maps.get();
    return map == null ? null : map.get(key);
  }

  @Override
  public void remove(String key) {
    Map<String, String> map = maps.get();
    if (map != null) {
      map.remove(key);
      if (map.isEmpty()) {
        maps.remove();
      }
    }
  }

  @Override
  public void clear() {
    maps.remove();
    deques.remove();
  }

  /**
   * The calling thread's live context, or null when it has none. Only for reading on the
   * calling thread, while logging; never stored or handed to another thread.
   */
  Map<String, String> currentContext() {
    return maps.get();
  }

  @Override
  public Map<String, String> getCopyOfContextMap() {
    Map<String, String> map = maps.get();
    return map == null ? null : new LinkedHashMap<>(map);
  }

  @Override
  public void setContextMap(Map<String, String> contextMap) {
    if (contextMap == null || contextMap.isEmpty()) {
      maps.remove();
    } else {
      maps.set(new LinkedHashMap<>(contextMap));
    }
  }

  @Override
  public void pushByKey(String key, String value) {
    Objects.requireNonNull(key, "MDC [key] must not be null");
    Map<String, Deque<String>> map = deques.get();
    if (map == null) {
      map = new HashMap<>();
      deques.set(map);
    }
    map.computeIfAbsent(key, k -> new ArrayDeque<>()).push(value);
  }

  @Override
  public String popByKey(String key) {
    Map<String, Deque<String>> map = deques.get();
    Deque<String> deque = map == null ? null : map.get(key);
    return deque == null ? null : deque.poll();
  }

  @Override
  public Deque<String> getCopyOfDequeByKey(String key) {
    Map<String, Deque<String>> map = deques.get();
    Deque<String> deque = map == null ? null : map.get(key);
    return deque == null ? null : new ArrayDeque<>(deque);
  }

  @Override
  public void clearDequeByKey(String key) {
    Map<String, Deque<String>> map = deques.get();
    Deque<String> deque = map == null ? null : map.get(key);
    if (deque != null) {
      deque.clear();
    }
  }
}
