package dev.lamina.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.core.Scheduler;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ManualSchedulerTest {
  private final ManualScheduler scheduler = new ManualScheduler();
  private final AtomicInteger runs = new AtomicInteger();

  @Test
  void recordsTasks_andRunsOnlyWhenFired() {
    scheduler.schedule(Duration.ofMillis(9_500), runs::incrementAndGet);

    assertEquals(0, runs.get(), "nothing runs by itself");
    ManualScheduler.Task task = scheduler.only();
    assertEquals(Duration.ofMillis(9_500), task.delay());
    task.fire();
    assertEquals(1, runs.get());
  }

  @Test
  void aCancelledTask_doesNotFire_unlessTheRaceIsAskedFor() {
    Scheduler.Cancellable handle = scheduler.schedule(Duration.ZERO, runs::incrementAndGet);
    handle.cancel();

    ManualScheduler.Task task = scheduler.only();
    assertTrue(task.isCancelled());
    task.fire();
    assertEquals(0, runs.get());
    task.fireIgnoringCancel();
    assertEquals(1, runs.get());
  }

  @Test
  void only_failsUnlessExactlyOneTaskWasScheduled() {
    assertThrows(AssertionError.class, scheduler::only);
    scheduler.schedule(Duration.ZERO, runs::incrementAndGet);
    scheduler.schedule(Duration.ZERO, runs::incrementAndGet);
    assertThrows(AssertionError.class, scheduler::only);
    assertEquals(2, scheduler.tasks().size());
  }
}
