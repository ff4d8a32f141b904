package dev.lamina.benchmarks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The build's class budget: every Lamina sample, started once under the real runtime client by
 * the cold-start harness, loads no more than 5 % more classes than {@code
 * benchmarks/class-budget.tsv} allows. One round, no timing: class counts are stable where times
 * are not.
 */
class ClassBudgetIT {

  @Test
  void everySampleStaysWithinItsClassBudget() throws Exception {
    Path module = Path.of("").toAbsolutePath();
    Path root = module.getParent();
    ColdStartHarness.main(
        new String[] {
          "--rounds=1",
          "--warmup=false",
          "--cds=false",
          "--class-budget=benchmarks/class-budget.tsv",
          "--samples=" + root.resolve("samples"),
          "--benchmarks=" + module,
          "--powertools=" + root.resolve("benchmarks-powertools"),
          "--dynamodb-local=" + root.resolve("dynamodb-local/target/dynamodb-local.classpath")
        });
    String report = Files.readString(module.resolve("target/cold-start.md"));
    assertTrue(report.contains("Class budget"), report);
    assertTrue(report.contains("Lamina orders sample"), "DynamoDB Local ran: " + report);
  }
}
