package dev.lamina.test.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Reads a child's stdout and stderr line by line on two daemon threads and keeps the lines (the most
 * recent {@value #MAX_LINES} of each stream, and of the merged view). Thread-safe: readers append under
 * one lock, callers get snapshots.
 */
public final class OutputCapture {

  public static final int MAX_LINES = 20_000;

  private final Object lock = new Object();
  private final Deque<String> merged = new ArrayDeque<>();
  private final Deque<String> stdout = new ArrayDeque<>();
  private final Deque<String> stderr = new ArrayDeque<>();
  private final List<Thread> readers = new ArrayList<>();
  private final PrintStream echo;
  private final String echoPrefix;

  /** @param echo where to copy each line as it arrives, or null for nowhere */
  public OutputCapture(PrintStream echo, String echoPrefix) {
    this.echo = echo;
    this.echoPrefix = echoPrefix;
  }

  public void start(InputStream out, InputStream err, String threadName) {
    readers.add(reader(out, stdout, "", threadName + "-stdout"));
    readers.add(reader(err, stderr, "[stderr] ", threadName + "-stderr"));
  }

  private Thread reader(InputStream in, Deque<String> own, String mergedPrefix, String name) {
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  synchronized (lock) {
                    add(own, line);
                    add(merged, mergedPrefix + line);
                    lock.notifyAll();
                  }
                  if (echo != null) {
                    echo.println(echoPrefix + mergedPrefix + line);
                  }
                }
              } catch (IOException e) {
                // The stream closed under us (the process was destroyed): nothing more to read.
              }
            },
            name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static void add(Deque<String> lines, String line) {
    if (lines.size() == MAX_LINES) {
      lines.removeFirst();
    }
    lines.addLast(line);
  }

  /** Waits up to {@code millis} for both streams to reach their end. */
  public void awaitEnd(long millis) {
    long deadline = System.nanoTime() + millis * 1_000_000;
    for (Thread t : readers) {
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        return;
      }
      try {
        t.join(left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /**
   * Waits until a stdout line matches, or the time is up.
   *
   * @return the first matching line, or empty if none arrived in time
   */
  public java.util.Optional<String> awaitStdout(
      java.util.function.Predicate<String> matcher, long millis) {
    return await(stdout, matcher, millis);
  }

  /**
   * Waits until a line of either stream matches (stderr lines prefixed {@code [stderr] }, as in
   * {@link #merged()}), or the time is up.
   *
   * @return the first matching line, or empty if none arrived in time
   */
  public java.util.Optional<String> awaitMerged(
      java.util.function.Predicate<String> matcher, long millis) {
    return await(merged, matcher, millis);
  }

  private java.util.Optional<String> await(
      Deque<String> lines, java.util.function.Predicate<String> matcher, long millis) {
    long deadline = System.nanoTime() + millis * 1_000_000;
    synchronized (lock) {
      while (true) {
        for (String line : lines) {
          if (matcher.test(line)) {
            return java.util.Optional.of(line);
          }
        }
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
          return java.util.Optional.empty();
        }
        try {
          lock.wait(left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return java.util.Optional.empty();
        }
      }
    }
  }

  public List<String> merged() {
    synchronized (lock) {
      return List.copyOf(merged);
    }
  }

  public List<String> stdout() {
    synchronized (lock) {
      return List.copyOf(stdout);
    }
  }

  public List<String> stderr() {
    synchronized (lock) {
      return List.copyOf(stderr);
    }
  }

  public List<String> last(int n) {
    synchronized (lock) {
      List<String> all = new ArrayList<>(merged);
      return List.copyOf(all.subList(Math.max(0, all.size() - n), all.size()));
    }
  }
}
