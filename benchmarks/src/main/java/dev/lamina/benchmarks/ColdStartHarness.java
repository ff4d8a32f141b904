package dev.lamina.benchmarks;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.lamina.test.FunctionClassPath;
import dev.lamina.test.InvocationResult;
import dev.lamina.test.LocalLambda;
import dev.lamina.test.cds.CdsArchive;
import dev.lamina.test.ssm.LocalParameterStore;
import dev.lamina.test.ssm.ParameterType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures cold start: the time from just before a child JVM is started to the arrival of its
 * first response, under the real runtime interface client with Lambda-like JVM flags, and the
 * number of classes loaded by then. Each variant gets a fresh JVM per round; rounds are
 * interleaved so machine load drifts affect all variants alike. Prints medians.
 *
 * <p>Run with {@code mvn -q -DskipTests -Pcold-start verify -pl benchmarks} from the repository
 * root, after an install. The report goes to {@code benchmarks/target/cold-start.md}; with
 * {@code --doc=FILE} (the profile's {@code cold-start.doc} property) it also replaces the table
 * between the {@link MarkedSection} markers of that document, such as {@code docs/performance.md}.
 */
public final class ColdStartHarness {

  record Variant(
      String name,
      String handler,
      List<Path> classPath,
      String event,
      Map<String, String> environment) {
    Variant(String name, String handler, List<Path> classPath, String event) {
      this(name, handler, classPath, event, Map.of());
    }
  }

  record Sample(long millis, int classes) {}

  /** The variant the others are compared with, round by round. */
  private static final String REFERENCE = "Lamina greeting sample";

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = options(args);
    int rounds = Integer.parseInt(opts.getOrDefault("rounds", "7"));
    // WARN (the default) drops every function's INFO line, so no log line is formatted; INFO
    // measures the greetings with their one JSON line written, as they run in production.
    String logLevel = opts.getOrDefault("log-level", "WARN");
    Path samples = Path.of(opts.getOrDefault("samples", "samples")).toAbsolutePath().normalize();
    Path benchmarks =
        Path.of(opts.getOrDefault("benchmarks", "benchmarks")).toAbsolutePath().normalize();
    Path powertools =
        Path.of(opts.getOrDefault("powertools", "benchmarks-powertools"))
            .toAbsolutePath()
            .normalize();
    // The document whose generated table this run replaces; relative to the repository root,
    // the directory that holds the benchmarks module. Checked now, not after the last round.
    String docOption = opts.getOrDefault("doc", "");
    Path doc =
        docOption.isBlank()
            ? null
            : benchmarks.getParent().resolve(docOption).toAbsolutePath().normalize();
    if (doc != null) {
      MarkedSection.check(doc);
    }

    // The configured sample reads SSM at init: a local Parameter Store, started once, serves it
    // over loopback (no TLS, no network latency, so real SSM adds its round trips on top).
    LocalParameterStore ssm = LocalParameterStore.start();
    ssm.put("/greeter/bench/punctuation", "!");
    ssm.put("/greeter/bench/api-key", "bench-api-key", ParameterType.SECURE_STRING);
    ssm.put("/shared/greeter/languages", "en,fr", ParameterType.STRING_LIST);
    Map<String, String> ssmEnvironment =
        Map.of(
            "GREETER_CONFIG_PATH", "/greeter/bench",
            "AWS_ACCESS_KEY_ID", "bench",
            "AWS_SECRET_ACCESS_KEY", "bench",
            "AWS_SESSION_TOKEN", "bench",
            "LAMINA_SSM_ENDPOINT", ssm.endpoint().toString());

    List<Variant> variants =
        new ArrayList<>(
            List.of(
                new Variant(
                    "bare RequestStreamHandler (constant)",
                    ConstantStreamHandler.class.getName(),
                    List.of(
                        benchmarks.resolve("target/classes"), jarOf(RequestStreamHandler.class)),
                    "{\"name\":\"Ada\"}"),
                new Variant(
                    "bare RequestHandler<Map,String> (constant)",
                    ConstantPojoHandler.class.getName(),
                    List.of(
                        benchmarks.resolve("target/classes"), jarOf(RequestStreamHandler.class)),
                    "{\"name\":\"Ada\"}"),
                new Variant(
                    REFERENCE,
                    "dev.lamina.samples.greeting.GreetingHandler",
                    functionClassPath(samples),
                    "{\"name\":\"Ada\"}"),
                new Variant(
                    "greeting + @Config, env only",
                    "dev.lamina.samples.config.EnvGreetingHandler",
                    functionClassPath(samples),
                    "{\"name\":\"Ada\"}"),
                new Variant(
                    "greeting + @Config, env + SSM (local endpoint)",
                    "dev.lamina.samples.config.ConfiguredGreetingHandler",
                    functionClassPath(samples),
                    "{\"name\":\"Ada\"}",
                    ssmEnvironment),
                new Variant(
                    "greeting + @Config, env + SSM via the extension API (local)",
                    "dev.lamina.samples.config.ExtensionGreetingHandler",
                    functionClassPath(samples),
                    "{\"name\":\"Ada\"}",
                    Map.of(
                        "GREETER_CONFIG_PATH",
                        "/greeter/bench",
                        "AWS_SESSION_TOKEN",
                        "bench",
                        "PARAMETERS_SECRETS_EXTENSION_HTTP_PORT",
                        Integer.toString(ssm.port()))),
                // The greeting with @Validated: avaje-validator checks the request first.
                new Variant(
                    "greeting + @Validated (avaje-validator)",
                    "dev.lamina.samples.validation.ValidatedGreetingHandler",
                    functionClassPath(samples),
                    "{\"name\":\"Ada\"}"),
                // The greeting with @Metrics: a cold-start line and the invocation's line.
                new Variant(
                    "greeting + @Metrics (EMF lines)",
                    "dev.lamina.samples.metrics.MeteredGreetingHandler",
                    functionClassPath(samples),
                    "{\"name\":\"Ada\"}")));
    // The same greeting written the Powertools way, from its own module (benchmarks-powertools),
    // right after Lamina's greeting so the two sit side by side in the table.
    if (isBuilt(powertools)) {
      variants.add(
          3,
          new Variant(
              "greeting the Powertools way (RequestHandler + @Logging, log4j2 JSON)",
              "dev.lamina.benchmarks.powertools.PowertoolsGreetingHandler::handleRequest",
              functionClassPath(powertools),
              "{\"name\":\"Ada\"}",
              Map.of()));
    } else {
      System.out.println(
          "Skipping the Powertools greeting: ["
              + powertools
              + "] has no"
              + " target/classes or target/lamina/runtime.classpath (build the benchmarks-powertools"
              + " module first, or pass --powertools=DIR)");
    }
    // The SQS batch sample: ten order messages as Lambda delivers them, one of them rejected.
    variants.add(
        new Variant(
            "Lamina SQS batch sample (BatchHandler, 10 messages, 1 failing)",
            "dev.lamina.samples.batch.SqsOrdersHandler",
            functionClassPath(samples),
            sqsBatch(10)));
    // The Kinesis batch sample: ten click records as Lambda delivers them (data in base64).
    variants.add(
        new Variant(
            "Lamina Kinesis batch sample (BatchHandler, 10 records)",
            "dev.lamina.samples.batch.KinesisEventsHandler",
            functionClassPath(samples),
            kinesisBatch(10)));
    // The DynamoDB Streams batch sample: ten order items inserted, as Lambda delivers them.
    variants.add(
        new Variant(
            "Lamina DynamoDB Streams batch sample (BatchHandler, 10 records)",
            "dev.lamina.samples.batch.DynamoChangesHandler",
            functionClassPath(samples),
            dynamodbBatch(10)));
    List<Path> benchmarkJars = functionClassPath(benchmarks);
    List<Path> plainBatch = benchmarkClassPath(benchmarks, samples, benchmarkJars, List.of());
    variants.add(
        new Variant(
            "the same batch, text records, sequential, no time guard",
            PlainSqsBatchHandler.class.getName(),
            plainBatch,
            sqsBatch(10)));
    // The validation candidates: one sign-up request, the same constraints, each checker's jars
    // only (as a function using it would ship them), next to the same handler unvalidated.
    String signup =
        "{\"name\":\"Ada\",\"email\":\"ada@example.com\",\"age\":36,\"tags\":[\"math\"]}";
    String[][] candidates = {
      {"sign-up, not validated", "UnvalidatedSignupHandler"},
      {
        "sign-up + Hibernate Validator 9 (Jakarta Bean Validation, no EL)",
        "HibernateValidatedSignupHandler",
        "hibernate-validator-",
        "jakarta.validation-api-",
        "jboss-logging-",
        "classmate-"
      },
      {
        "sign-up + avaje-validator (generated adapter, Jakarta annotations)",
        "AvajeValidatedSignupHandler",
        "avaje-validator-",
        "avaje-applog-",
        "jspecify-",
        "avaje-validator-inject-plugin-",
        "avaje-validator-http-plugin-",
        "jakarta.validation-api-"
      },
      {
        "sign-up + JSON Schema (networknt 2.0, draft 2020-12)",
        "SchemaValidatedSignupHandler",
        "json-schema-validator-",
        "itu-"
      }
    };
    for (String[] c : candidates) {
      List<Path> path =
          benchmarkClassPath(benchmarks, samples, benchmarkJars, List.of(c).subList(2, c.length));
      variants.add(new Variant(c[0], "dev.lamina.benchmarks.validation." + c[1], path, signup));
    }
    // The idempotent orders sample needs DynamoDB Local: a new key per run (PutItem + UpdateItem).
    IdempotencyBackend backend = IdempotencyBackend.startIfAvailable(opts.get("dynamodb-local"));
    if (backend != null) {
      variants.add(
          new Variant(
              "Lamina orders sample (@Idempotent, DynamoDB Local)",
              "dev.lamina.samples.orders.PlaceOrderHandler",
              functionClassPath(samples),
              null,
              backend.environment()));
      // The SDK HTTP clients for start-up: one GetItem, each client with only its own jars.
      String[][] clients = {
        {"url-connection"},
        {"apache5", "apache5-client-", "httpclient5-", "httpcore5-"},
        {"crt", "aws-crt-client-", "aws-crt-", "crt-core-"}
      };
      for (String[] c : clients) {
        List<Path> path =
            benchmarkClassPath(benchmarks, samples, benchmarkJars, List.of(c).subList(1, c.length));
        Map<String, String> env = new LinkedHashMap<>(backend.environment());
        env.put("PROBE_HTTP_CLIENT", c[0]);
        variants.add(
            new Variant(
                "one DynamoDB GetItem, SDK HTTP client " + c[0],
                HttpClientProbeHandler.class.getName(),
                path,
                "{}",
                env));
      }
      // What each DynamoDB client setting is worth: the SDK's defaults, Lamina's recipe, the
      // recipe without each of its settings, and the recipe with a fixed endpoint provider.
      List<Path> probePath = benchmarkClassPath(benchmarks, samples, benchmarkJars, List.of());
      List<String[]> settingRows = new ArrayList<>();
      settingRows.add(new String[] {"the SDK's defaults", ""});
      settingRows.add(
          new String[] {"Lamina's recipe", String.join(",", SdkSettingsProbeHandler.RECIPE)});
      for (String s : SdkSettingsProbeHandler.RECIPE) {
        List<String> without = new ArrayList<>(SdkSettingsProbeHandler.RECIPE);
        without.remove(s);
        settingRows.add(new String[] {"the recipe without " + s, String.join(",", without)});
      }
      settingRows.add(
          new String[] {
            "the recipe + a fixed endpoint provider",
            String.join(",", SdkSettingsProbeHandler.RECIPE) + ",endpoint-provider"
          });
      for (String[] row : settingRows) {
        Map<String, String> env = new LinkedHashMap<>(backend.environment());
        env.put("PROBE_SETTINGS", row[1]);
        variants.add(
            new Variant(
                "one DynamoDB GetItem, client settings: " + row[0],
                SdkSettingsProbeHandler.class.getName(),
                probePath,
                "{}",
                env));
      }
      // The same work by hand: plain RequestHandler, bare SDK client, same table.
      List<Path> handWritten = benchmarkClassPath(benchmarks, samples, benchmarkJars, List.of());
      variants.add(
          new Variant(
              "the orders work by hand (RequestHandler + bare SDK)",
              HandWrittenOrdersHandler.class.getName(),
              handWritten,
              null,
              backend.environment()));
    }

    // Before and after a change, in one interleaved run: the same samples from another checkout's
    // build (for example a git worktree of main), right after their current rows.
    String baseline = opts.get("baseline-samples");
    if (baseline != null) {
      Path before = Path.of(baseline).toAbsolutePath().normalize();
      for (int i = variants.size() - 1; i >= 0; i--) {
        Variant v = variants.get(i);
        String classFile = v.handler().replace('.', '/') + ".class";
        if (v.handler().startsWith("dev.lamina.samples.")
            && v.classPath().get(0).equals(samples.resolve("target/classes"))
            && Files.exists(before.resolve("target/classes").resolve(classFile))) {
          // (a sample the baseline does not have gets no [baseline] row)
          variants.add(
              i + 1,
              new Variant(
                  v.name() + " [baseline]",
                  v.handler(),
                  functionClassPath(before),
                  v.event(),
                  v.environment()));
        }
      }
    }

    // --only=a,b keeps the variants whose names contain one of the parts, and the reference:
    // more rounds of a few rows in the same time, for a figure the full table leaves in noise.
    String only = opts.get("only");
    if (only != null) {
      List<String> parts = List.of(only.split(","));
      variants.removeIf(
          v -> !v.name().equals(REFERENCE) && parts.stream().noneMatch(p -> v.name().contains(p)));
    }

    // --class-budget=FILE (relative to the repository root): fail if a sample loads more
    // classes than its committed baseline allows. --warmup=false skips the uncounted first run,
    // for a one-round class check.
    String budgetOption = opts.getOrDefault("class-budget", "");
    Path budget =
        budgetOption.isBlank()
            ? null
            : benchmarks.getParent().resolve(budgetOption).toAbsolutePath().normalize();
    boolean warmup = !"false".equals(opts.get("warmup"));
    String classLogsOption = opts.get("class-logs");
    Path classLogs =
        classLogsOption == null
            ? null
            : benchmarks.getParent().resolve(classLogsOption).toAbsolutePath().normalize();

    // Trained CDS archives (--cds=false skips them): the greeting and the orders sample again,
    // their classes in jars (a CDS archive takes no directories), each started with the
    // JAVA_TOOL_OPTIONS line of an archive trained on the same class path and JVM just before.
    if (!"false".equals(opts.get("cds"))) {
      Path archives = benchmarks.resolve("target/cds");
      for (int i = variants.size() - 1; i >= 0; i--) {
        Variant v = variants.get(i);
        if (v.name().equals(REFERENCE)
            || v.name().startsWith("Lamina orders sample")
            || v.name().startsWith("greeting + @Config, env + SSM (local")) {
          variants.add(i + 1, withTrainedArchive(v, samples, archives));
        }
      }
    }

    try {
      // The harness options of this run, as -Dcold-start.args repeats them.
      List<String> extra = new ArrayList<>();
      for (String o : List.of("only", "baseline-samples", "cds", "class-budget", "class-logs")) {
        if (opts.get(o) != null) {
          extra.add("--" + o + "=" + opts.get(o));
        }
      }
      String command =
          command(rounds, logLevel, extra.isEmpty() ? null : String.join(" ", extra), docOption);
      run(
          variants,
          rounds,
          benchmarks,
          ssm,
          logLevel,
          command,
          baseline,
          doc,
          budget,
          warmup,
          classLogs);
    } finally {
      ssm.close();
      if (backend != null) {
        backend.close();
      }
    }
  }

  private static void run(
      List<Variant> variants,
      int rounds,
      Path benchmarks,
      LocalParameterStore ssm,
      String logLevel,
      String command,
      String baseline,
      Path doc,
      Path budget,
      boolean warmup,
      Path classLogs)
      throws IOException {
    String header = describeRun(rounds, logLevel, command, baseline, benchmarks.getParent(), doc);
    Map<Variant, List<Sample>> results = new LinkedHashMap<>();
    variants.forEach(v -> results.put(v, new ArrayList<>()));
    // Calls made before (training CDS archives) are not cold starts of the measured variants.
    int callsBefore = ssm.requests().size();
    if (warmup) {
      for (Variant v : variants) {
        measure(v, logLevel, null); // warm the file cache; not counted
      }
    }
    // Every variant ran once above; divide by how many read SSM each way (a baseline doubles them).
    long sdkVariants =
        Math.max(
            1,
            variants.stream()
                .filter(v -> v.environment().containsKey("LAMINA_SSM_ENDPOINT"))
                .count());
    long extensionVariants =
        Math.max(
            1,
            variants.stream()
                .filter(v -> v.environment().containsKey("PARAMETERS_SECRETS_EXTENSION_HTTP_PORT"))
                .count());
    List<dev.lamina.test.ssm.SsmRequest> measured =
        ssm.requests().subList(callsBefore, ssm.requests().size());
    long sdkCalls =
        measured.stream()
            .filter(r -> !r.operation().equals(LocalParameterStore.EXTENSION_GET))
            .count();
    int ssmCallsPerColdStart = (int) (sdkCalls / sdkVariants);
    int extensionCallsPerColdStart = (int) ((measured.size() - sdkCalls) / extensionVariants);
    for (int round = 1; round <= rounds; round++) {
      for (Variant v : variants) {
        results.get(v).add(measure(v, logLevel, classLogs));
      }
      System.out.printf(Locale.ROOT, "round %d/%d done%n", round, rounds);
    }

    // Paired differences: each round measures every variant back to back, so a variant's
    // difference from the greeting sample in the same round cancels most of the machine's drift.
    List<Sample> reference =
        results.entrySet().stream()
            .filter(e -> e.getKey().name().equals(REFERENCE))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElseThrow();
    StringBuilder table =
        new StringBuilder()
            .append(
                "| variant | first response, median ms (min-max) | vs "
                    + REFERENCE
                    + ", median of per-round differences, ms | classes loaded, median |\n")
            .append("| --- | --- | --- | --- |\n");
    for (Map.Entry<Variant, List<Sample>> e : results.entrySet()) {
      List<Long> ms = e.getValue().stream().map(Sample::millis).sorted().toList();
      List<Integer> classes = e.getValue().stream().map(Sample::classes).sorted().toList();
      List<Long> diffs = new ArrayList<>();
      for (int i = 0; i < e.getValue().size(); i++) {
        diffs.add(e.getValue().get(i).millis() - reference.get(i).millis());
      }
      diffs.sort(null);
      table.append(
          String.format(
              Locale.ROOT,
              "| %s | %d (%d-%d) | %+d | %d |%n",
              e.getKey().name(),
              ms.get(ms.size() / 2),
              ms.get(0),
              ms.get(ms.size() - 1),
              diffs.get(diffs.size() / 2),
              classes.get(classes.size() / 2)));
    }
    String report =
        header
            + "\n"
            + table
            + "\nSSM calls per cold start of the env + SSM variant: "
            + ssmCallsPerColdStart
            + " ("
            + measured.stream()
                .filter(r -> !r.operation().equals(LocalParameterStore.EXTENSION_GET))
                .limit(ssmCallsPerColdStart)
                .map(r -> r.operation())
                .toList()
            + "); of the extension variant: "
            + extensionCallsPerColdStart
            + " local GETs\n";
    // The samples' class counts, in the budget file's form, and the check against it.
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Map.Entry<Variant, List<Sample>> e : results.entrySet()) {
      Variant v = e.getKey();
      if (v.handler().startsWith("dev.lamina.samples.")
          && !v.name().endsWith("[baseline]")
          && !v.environment().containsKey("JAVA_TOOL_OPTIONS")) {
        List<Integer> classes = e.getValue().stream().map(Sample::classes).sorted().toList();
        counts.put(v.name(), classes.get(classes.size() / 2));
      }
    }
    Path countsFile = benchmarks.resolve("target/class-counts.tsv");
    Files.createDirectories(countsFile.getParent());
    Files.writeString(countsFile, ClassBudget.format(counts, header.strip()));
    ClassBudget.ClassBudgetExceededException exceeded = null;
    if (budget != null) {
      try {
        report += ClassBudget.check(ClassBudget.read(budget), counts);
      } catch (ClassBudget.ClassBudgetExceededException e) {
        exceeded = e;
        report += "\n" + e.getMessage();
      }
    }
    System.out.println();
    System.out.println(report);
    Path out = benchmarks.resolve("target/cold-start.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
    System.out.println("Written to " + out);
    if (doc != null) {
      MarkedSection.write(doc, report);
      System.out.println("Table replaced in " + doc);
    }
    if (exceeded != null) {
      throw exceeded;
    }
  }

  /**
   * What a reader needs to trust or repeat the table: when, on which code, machine and JVM, how
   * many rounds, with which flags and which command.
   */
  private static String describeRun(
      int rounds, String logLevel, String command, String baseline, Path repository, Path doc) {
    String commit = git(repository, "rev-parse", "--short", "HEAD");
    String changes =
        doc == null
            ? git(repository, "status", "--porcelain", "--untracked-files=no")
            : git(
                repository,
                "status",
                "--porcelain",
                "--untracked-files=no",
                "--",
                ".",
                ":!" + repository.relativize(doc));
    String code =
        commit == null
            ? "an unknown commit (no git)"
            : "commit "
                + commit
                + (changes == null
                    ? " (working tree state unknown)"
                    : changes.isBlank() ? "" : " with uncommitted changes");
    java.lang.management.OperatingSystemMXBean os =
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    double load = os.getSystemLoadAverage();
    return String.format(
        Locale.ROOT,
        "Measured %s on %s: %d interleaved rounds, every variant in a fresh JVM each round,"
            + " AWS_LAMBDA_LOG_LEVEL=%s.%n%n"
            + "- Machine: %s %s %s, %d processors, load average %s when the run started.%n"
            + "- JVM: %s %s (%s), the same for the harness and the functions; function JVM flags"
            + " `%s`.%n"
            + "- Runtime client: %s; services on loopback (local Parameter Store,"
            + " DynamoDB Local).%n"
            + "%s"
            + "- Command: `%s`%n",
        java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC)
            .withNano(0)
            .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")),
        code,
        rounds,
        logLevel,
        System.getProperty("os.name"),
        System.getProperty("os.version"),
        System.getProperty("os.arch"),
        os.getAvailableProcessors(),
        load < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", load),
        System.getProperty("java.vm.name"),
        System.getProperty("java.runtime.version"),
        System.getProperty("java.vm.vendor"),
        String.join(" ", LocalLambda.Builder.lambdaLikeFlags(512)),
        runtimeClientJar(),
        baseline == null
            ? ""
            : "- Rows marked [baseline]: the samples built in ["
                + baseline
                + "]"
                + baselineCommit(baseline)
                + ", measured in the same rounds.\n",
        command);
  }

  /** The baseline checkout's commit, as {@code " at commit abc1234 (subject)"}, or nothing. */
  private static String baselineCommit(String baseline) {
    String commit = git(Path.of(baseline).toAbsolutePath(), "log", "-1", "--format=%h (%s)");
    return commit == null || commit.isBlank() ? "" : " at commit " + commit;
  }

  /** The Maven command that repeats this run (after {@code mvn -q -DskipTests install}). */
  static String command(int rounds, String logLevel, String baseline, String doc) {
    StringBuilder command =
        new StringBuilder(
            "mvn -q -DskipTests -Pcold-start verify -pl benchmarks -Dcold-start.rounds=" + rounds);
    if (!logLevel.equals("WARN")) {
      command.append(" -Dcold-start.log-level=").append(logLevel);
    }
    if (baseline != null) {
      String args = baseline.startsWith("--") ? baseline : "--baseline-samples=" + baseline;
      command.append(
          args.contains(" ")
              ? " \"-Dcold-start.args=" + args + "\""
              : " -Dcold-start.args=" + args);
    }
    if (!doc.isBlank()) {
      command.append(" -Dcold-start.doc=").append(doc);
    }
    return command.toString();
  }

  /** The runtime interface client jar the functions run under, by file name. */
  private static String runtimeClientJar() {
    try {
      Class<?> client = Class.forName("com.amazonaws.services.lambda.runtime.api.client.AWSLambda");
      return jarOf(client).getFileName().toString();
    } catch (ClassNotFoundException | URISyntaxException | RuntimeException e) {
      return "the runtime interface client (version unknown)";
    }
  }

  /** A git command's trimmed output, or {@code null} if git is missing or fails. */
  private static String git(Path repository, String... args) {
    List<String> command = new ArrayList<>(List.of("git", "-C", repository.toString()));
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output =
          new String(
                  process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
              .trim();
      return process.waitFor() == 0 ? output : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** One cold start; its class-load log kept in {@code classLogs} unless that is {@code null}. */
  private static Sample measure(Variant v, String logLevel, Path classLogs) {
    try (LocalLambda lambda =
        LocalLambda.builder()
            .handler(v.handler())
            .classPath(v.classPath())
            .classLoadLog(true)
            .environment("AWS_LAMBDA_LOG_LEVEL", logLevel)
            .environment(v.environment())
            .start()) {
      String event =
          v.event() != null
              ? v.event()
              : "{\"orderId\":\""
                  + java.util.UUID.randomUUID()
                  + "\",\"sku\":\"a\",\"quantity\":1}";
      InvocationResult result = lambda.invoke(event);
      if (result.isError()) {
        throw new IllegalStateException(
            v.name() + " failed: " + result.errorType() + ": " + result.errorMessage());
      }
      LocalLambda.Timings t = lambda.timings();
      if (classLogs != null) {
        keepClassLog(lambda, v, t.classesLoadedAtFirstResponse(), classLogs);
      }
      return new Sample(t.firstResponse().toMillis(), t.classesLoadedAtFirstResponse());
    }
  }

  /**
   * Keeps a row's class-load log ({@code --class-logs=DIR}; the last round's overwrites the
   * others), cut at the first answer: one line per class in load order, with the JVM's uptime
   * when it loaded, which is the timeline that shows where a cold start spends its time.
   */
  private static void keepClassLog(LocalLambda lambda, Variant v, int classes, Path classLogs) {
    Path log = lambda.workDirectory().resolve("classes.log");
    String slug = v.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    slug = slug.replaceAll("^-|-$", "");
    try {
      List<String> lines = Files.readAllLines(log);
      Files.createDirectories(classLogs);
      Files.write(
          classLogs.resolve(slug + ".log"), lines.subList(0, Math.min(classes, lines.size())));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the class-load log of " + v.name(), e);
    }
  }

  /** A DynamoDB Streams batch of {@code size} inserted order items, shaped as Lambda sends them. */
  static String dynamodbBatch(int size) {
    StringBuilder records = new StringBuilder();
    for (int i = 1; i <= size; i++) {
      String sequence = "4000000000000" + (100 + i);
      records
          .append(i > 1 ? "," : "")
          .append("{\"eventID\":\"e-")
          .append(i)
          .append("\",\"eventName\":\"INSERT\",\"eventVersion\":\"1.1\",")
          .append("\"eventSource\":\"aws:dynamodb\",\"awsRegion\":\"us-east-1\",")
          .append("\"dynamodb\":{\"ApproximateCreationDateTime\":1710756900,")
          .append("\"Keys\":{\"orderId\":{\"S\":\"o-")
          .append(i)
          .append("\"}},\"NewImage\":{\"orderId\":{\"S\":\"o-")
          .append(i)
          .append("\"},\"status\":{\"S\":\"NEW\"},\"quantity\":{\"N\":\"")
          .append(i)
          .append("\"}},\"SequenceNumber\":\"")
          .append(sequence)
          .append("\",\"SizeBytes\":60,\"StreamViewType\":\"NEW_AND_OLD_IMAGES\"},")
          .append("\"eventSourceARN\":\"arn:aws:dynamodb:us-east-1:123456789012:")
          .append("table/orders/stream/2024-03-01T00:00:00.000\"}");
    }
    return "{\"Records\":[" + records + "]}";
  }

  /** A Kinesis batch of {@code size} click records, shaped as Lambda sends them. */
  static String kinesisBatch(int size) {
    StringBuilder records = new StringBuilder();
    for (int i = 1; i <= size; i++) {
      String data =
          java.util.Base64.getEncoder()
              .encodeToString(
                  ("{\"userId\":\"u-" + i + "\",\"page\":\"/p/" + i + "\"}")
                      .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      String sequence = "4954511524349098501828006771497314458218006259324420" + (1000 + i);
      records
          .append(i > 1 ? "," : "")
          .append("{\"kinesis\":{\"kinesisSchemaVersion\":\"1.0\",\"partitionKey\":\"u-")
          .append(i)
          .append("\",\"sequenceNumber\":\"")
          .append(sequence)
          .append("\",\"data\":\"")
          .append(data)
          .append("\",\"approximateArrivalTimestamp\":1428537600.123},")
          .append("\"eventSource\":\"aws:kinesis\",\"eventVersion\":\"1.0\",")
          .append("\"eventID\":\"shardId-000000000000:")
          .append(sequence)
          .append("\",\"eventName\":\"aws:kinesis:record\",")
          .append("\"invokeIdentityArn\":\"arn:aws:iam::123456789012:role/lambda-role\",")
          .append("\"awsRegion\":\"us-east-1\",")
          .append("\"eventSourceARN\":\"arn:aws:kinesis:us-east-1:123456789012:stream/clicks\"}");
    }
    return "{\"Records\":[" + records + "]}";
  }

  /** An SQS batch of {@code size} order messages; the last one has a quantity of zero. */
  static String sqsBatch(int size) {
    StringBuilder records = new StringBuilder();
    for (int i = 1; i <= size; i++) {
      String body =
          "{\\\"orderId\\\":\\\"o-"
              + i
              + "\\\",\\\"sku\\\":\\\"tea\\\","
              + "\\\"quantity\\\":"
              + (i == size ? 0 : i)
              + "}";
      records
          .append(i > 1 ? "," : "")
          .append("{\"messageId\":\"m-")
          .append(i)
          .append("\",\"receiptHandle\":\"h-")
          .append(i)
          .append("\",\"body\":\"")
          .append(body)
          .append("\",\"attributes\":{\"ApproximateReceiveCount\":\"1\",")
          .append("\"SentTimestamp\":\"1764590400000\"},\"messageAttributes\":{},")
          .append("\"md5OfBody\":\"0\",\"eventSource\":\"aws:sqs\",\"eventSourceARN\":")
          .append("\"arn:aws:sqs:eu-west-1:123456789012:orders\",\"awsRegion\":\"eu-west-1\"}");
    }
    return "{\"Records\":[" + records + "]}";
  }

  static List<Path> functionClassPath(Path module) {
    Path file = module.resolve(FunctionClassPath.DEFAULT_FILE);
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(
          "["
              + file
              + "] is missing: build the "
              + module.getFileName()
              + " module first (mvn -q -DskipTests package at the root)");
    }
    return FunctionClassPath.of(module, "target/classes");
  }

  private static boolean isBuilt(Path module) {
    return Files.isDirectory(module.resolve("target/classes"))
        && Files.isRegularFile(module.resolve("target/lamina/runtime.classpath"));
  }

  /**
   * A sample's variant started with a CDS archive trained for it: the samples module's jar and
   * its runtime dependencies (an archive takes jars only), and the archive's {@code
   * JAVA_TOOL_OPTIONS} line in its environment, as a container image would set it.
   */
  private static Variant withTrainedArchive(Variant v, Path samples, Path archives) {
    List<Path> classPath = FunctionClassPath.withModuleJar(samples);
    String slug = v.handler().substring(v.handler().lastIndexOf('.') + 1);
    List<String> events = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      events.add(
          v.event() != null
              ? v.event()
              : "{\"orderId\":\"train-"
                  + java.util.UUID.randomUUID()
                  + "\",\"sku\":\"a\",\"quantity\":1}");
    }
    CdsArchive.Trained trained =
        CdsArchive.builder()
            .handler(v.handler())
            .classPath(classPath)
            .environment(v.environment())
            .events(events)
            .archive(archives.resolve(slug + ".jsa"))
            .train();
    Map<String, String> env = new LinkedHashMap<>(v.environment());
    env.put("JAVA_TOOL_OPTIONS", trained.javaToolOptions());
    return new Variant(v.name() + " + trained CDS archive", v.handler(), classPath, v.event(), env);
  }

  /**
   * A benchmark handler's class path: the benchmarks' classes, the samples' class path, and the
   * jars of the benchmarks module whose file names start with one of {@code prefixes} (a library
   * measured with only its own jars, as a function using it would ship them).
   */
  private static List<Path> benchmarkClassPath(
      Path benchmarks, Path samples, List<Path> benchmarkJars, List<String> prefixes) {
    List<Path> path = new ArrayList<>();
    path.add(benchmarks.resolve("target/classes"));
    path.addAll(functionClassPath(samples));
    for (String prefix : prefixes) {
      for (Path jar : jarsNamed(benchmarkJars, prefix)) {
        if (!path.contains(jar)) {
          path.add(jar);
        }
      }
    }
    return path;
  }

  /** The jars of a class path whose file names start with {@code prefix}; at least one. */
  private static List<Path> jarsNamed(List<Path> classPath, String prefix) {
    List<Path> found = new ArrayList<>();
    for (Path p : classPath) {
      String name = p.getFileName().toString();
      if (name.startsWith(prefix) && name.endsWith(".jar")) {
        found.add(p);
      }
    }
    if (found.isEmpty()) {
      throw new IllegalStateException(
          "No [" + prefix + "*.jar] on the benchmarks module's class path; rebuild it");
    }
    return found;
  }

  private static Path jarOf(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> opts = new LinkedHashMap<>();
    // The pom passes -Dcold-start.args as one argument: " --" inside it starts another option.
    List<String> all = new ArrayList<>();
    for (String a : args) {
      if (a != null) {
        all.addAll(List.of(a.split(" (?=--)")));
      }
    }
    for (String a : all) {
      if (a == null || a.isBlank()) {
        continue; // an unset optional argument from the pom (Maven passes it as null)
      }
      if (a.startsWith("--") && a.contains("=")) {
        String value = a.substring(a.indexOf('=') + 1);
        if (!value.isBlank()) { // an unset property from the pom: keep the default
          opts.put(a.substring(2, a.indexOf('=')), value);
        }
      } else {
        throw new IllegalArgumentException(
            "unknown argument ["
                + a
                + "]: use --rounds=N,"
                + " --samples=DIR, --benchmarks=DIR, --powertools=DIR,"
                + " --dynamodb-local=CLASSPATH_FILE, --log-level=WARN|INFO,"
                + " --baseline-samples=DIR (another checkout's built samples module),"
                + " --doc=FILE (a document with the table markers, relative to the repository),"
                + " --only=A,B (rows whose names contain A or B, and the reference),"
                + " --class-budget=FILE, --warmup=false, --cds=false,"
                + " --class-logs=DIR (each row's class-load timeline)");
      }
    }
    return opts;
  }
}
