package dev.lamina.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassBudgetTest {

  @Test
  void fivePercentOver_passes_oneMoreClass_fails_namingTheSample() {
    Map<String, Integer> baseline = Map.of("greeting", 1000, "orders", 4000);
    Map<String, Integer> measured = new LinkedHashMap<>();
    measured.put("greeting", 1050);
    measured.put("orders", 3900);
    assertTrue(
        ClassBudget.check(baseline, measured).contains("| greeting | 1050 | 1000 | 1050 | ok |"));

    measured.put("greeting", 1051);
    ClassBudget.ClassBudgetExceededException e =
        assertThrows(
            ClassBudget.ClassBudgetExceededException.class,
            () -> ClassBudget.check(baseline, measured));
    assertTrue(
        e.getMessage().startsWith("[greeting] loads 1051 classes, over its limit of 1050"),
        e.getMessage());
  }

  @Test
  void aSampleWithoutABaseline_fails() {
    ClassBudget.ClassBudgetExceededException e =
        assertThrows(
            ClassBudget.ClassBudgetExceededException.class,
            () -> ClassBudget.check(Map.of(), Map.of("new sample", 10)));
    assertTrue(e.getMessage().startsWith("[new sample] has no baseline"), e.getMessage());
  }

  @Test
  void theWrittenCounts_readBackAsTheBaseline(@TempDir Path dir) throws Exception {
    Map<String, Integer> measured = new LinkedHashMap<>();
    measured.put("greeting + @Metrics (EMF lines)", 1420);
    measured.put("Lamina orders sample (@Idempotent, DynamoDB Local)", 4209);
    Path file = dir.resolve("budget.tsv");
    Files.writeString(file, ClassBudget.format(measured, "Measured now\n\nmore"));
    assertEquals(measured, ClassBudget.read(file));
  }
}
