package dev.lamina.test;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassLoadProbeTest {

  /** Loads one class only its argument names, then prints, or exits with the given status. */
  public static final class Probe {
    public static void main(String[] args) throws Exception {
      if (args[0].startsWith("exit=")) {
        System.out.println("failing on purpose");
        System.exit(Integer.parseInt(args[0].substring(5)));
      }
      Class.forName(args[0]);
      System.out.println("probe done");
    }
  }

  @Test
  void returnsTheProbesLines_andItsClassLoads_fromAFreshJvm() throws Exception {
    List<String> out = ClassLoadProbe.run(Probe.class, "java.util.zip.Adler32");

    assertTrue(out.contains("probe done"), String.join("\n", out));
    assertTrue(
        out.stream().anyMatch(l -> l.contains("[class,load] java.util.zip.Adler32 source:")),
        "the class the probe loaded is in the log");
    assertTrue(
        out.stream().noneMatch(l -> l.contains(ClassLoadProbeTest.class.getName() + " source:")),
        "this test class was never loaded there: the JVM is fresh");
  }

  @Test
  void aProbeThatFails_failsTheCall_withItsOutput() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> ClassLoadProbe.run(Probe.class, "exit=3"));

    assertTrue(
        e.getMessage().contains("exited with 3") && e.getMessage().contains("failing on purpose"),
        e.getMessage());
  }
}
