package dev.lamina.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

class ConcurrentLoggingTest {

  private static final int THREADS = 8;
  private static final int LINES_PER_THREAD = 500;

  @Test
  void linesFromEightThreads_neverInterleave_andAllArrive() throws Exception {
    RecordingLog log = RecordingLog.withEnv();
    Logger logger = log.logger("concurrent");
    // Long enough that a line needs several buffer flushes if it were not written in one call.
    String padding = "x".repeat(3_000);
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      Future<?>[] tasks = new Future<?>[THREADS];
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        tasks[t] =
            pool.submit(
                () -> {
                  start.await();
                  log.mdc().put("thread", Integer.toString(thread));
                  for (int i = 0; i < LINES_PER_THREAD; i++) {
                    logger.atInfo().addKeyValue("i", i).log("line {} {}", i, padding);
                  }
                  log.mdc().clear();
                  return null;
                });
      }
      start.countDown();
      for (Future<?> task : tasks) {
        task.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    List<ObjectNode> lines = log.lines();
    assertEquals(THREADS * LINES_PER_THREAD, lines.size());
    Set<String> seen = new HashSet<>();
    for (ObjectNode line : lines) {
      seen.add(line.get("thread").asText() + "/" + line.get("i").asInt());
    }
    assertEquals(THREADS * LINES_PER_THREAD, seen.size());
  }
}
