package dev.lamina.samples;

import dev.lamina.samples.greeting.GreetingHandler;
import dev.lamina.test.FunctionClassPath;
import dev.lamina.test.InvocationResult;
import dev.lamina.test.LocalLambda;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The README's first command: runs the greeting function under the real Lambda runtime interface
 * client against a local Runtime API, sends it three events, and prints what it logged and
 * answered.
 *
 * <p>Arguments: the samples module's directory (default: the working directory).
 */
public final class RunLocally {
  private RunLocally() {}

  public static void main(String[] args) throws IOException {
    Path base = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath();
    List<String> events = List.of("{\"name\":\"Ada\"}", "{\"name\":\"Grace\"}", "{}");

    try (LocalLambda lambda =
        LocalLambda.builder()
            .handler(GreetingHandler.class.getName())
            .functionName("greeting")
            .environment("AWS_LAMBDA_LOG_FORMAT", "JSON")
            .classPath(FunctionClassPath.of(base, "target/classes"))
            .classLoadLog(true)
            .start()) {
      say(
          "Started "
              + GreetingHandler.class.getName()
              + " under the AWS Lambda runtime interface client (child JVM, local Runtime API at "
              + lambda.runtimeApiAddress()
              + ")");
      int printed = 0;
      for (String event : events) {
        say("");
        say("> invoke " + event);
        InvocationResult result = lambda.invoke(event);
        List<String> out = settledOutput(lambda);
        for (String line : out.subList(printed, out.size())) {
          say("  log      " + line);
        }
        printed = out.size();
        if (result.isError()) {
          say("  error    " + result.errorType() + ": " + result.errorMessage());
        } else {
          say("  response " + result.body());
        }
      }
      LocalLambda.Timings t = lambda.timings();
      say("");
      say(
          "JVM start to first response: "
              + t.firstResponse().toMillis()
              + " ms, "
              + t.classesLoadedAtFirstResponse()
              + " classes loaded");
    }
  }

  /**
   * The child's output once it has stopped growing for a moment: its log lines travel through a
   * pipe and may arrive just after the response they belong to.
   */
  private static List<String> settledOutput(LocalLambda lambda) {
    List<String> last = lambda.stdoutLines();
    for (int quietChecks = 0, i = 0; quietChecks < 3 && i < 40; i++) {
      try {
        Thread.sleep(25);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      List<String> now = lambda.stdoutLines();
      quietChecks = now.size() == last.size() ? quietChecks + 1 : 0;
      last = now;
    }
    return last;
  }

  private static void say(String line) {
    System.out.println(line);
  }
}
