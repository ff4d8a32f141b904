package dev.lamina.metrics.internal;

import com.fasterxml.jackson.core.JsonFactory;
import dev.lamina.core.InitContext;
import dev.lamina.core.Interceptor;
import dev.lamina.core.Invocation;
import dev.lamina.core.LogFields;
import dev.lamina.core.internal.EnvironmentReader;
import dev.lamina.core.metrics.InvalidMetricException;
import dev.lamina.core.metrics.InvocationMetrics;
import dev.lamina.core.metrics.LaminaMetric;
import dev.lamina.core.metrics.MetricResolution;
import dev.lamina.core.metrics.MetricUnit;
import dev.lamina.metrics.MetricsConfig;
import dev.lamina.metrics.MetricsConfigurationException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives every invocation its own {@link EmfRecorder} and writes it once, in {@code finally}, so
 * the metrics of a handler that throws are written too and nothing reaches the next invocation.
 * Writes the cold-start line before the handler runs, so a function that is killed still counts
 * its cold start. Thread-safe; holds no per-invocation state.
 *
 * <p>Lines go to {@code System.out}, looked up for every write (the Lambda runtime interface
 * client replaces it after start-up), each in one {@code write} and {@code flush} while holding
 * the stream's monitor, as Lamina's log lines are, so the two never interleave.
 */
public final class MetricsInterceptor implements Interceptor {
  private static final Logger log = LoggerFactory.getLogger(MetricsInterceptor.class);

  /** Lamina's namespace variable. */
  public static final String NAMESPACE = "LAMINA_METRICS_NAMESPACE";

  /** Powertools' namespace variable, read second so migrating teams keep their dashboards. */
  public static final String POWERTOOLS_NAMESPACE = "POWERTOOLS_METRICS_NAMESPACE";

  /** Lamina's switch: {@code true} writes nothing. */
  public static final String DISABLED = "LAMINA_METRICS_DISABLED";

  /** Powertools' switch, read too. */
  public static final String POWERTOOLS_DISABLED = "POWERTOOLS_METRICS_DISABLED";

  /** The service when no setting or variable names one. */
  static final String UNDEFINED_SERVICE = "service_undefined";

  private final MetricsSettings settings;
  private final JsonFactory json = new JsonFactory();

  private MetricsInterceptor(MetricsSettings settings) {
    this.settings = settings;
  }

  /**
   * Resolves the settings against the environment and creates the interceptor.
   *
   * @param config the settings in code
   * @param context the handler's init context
   * @return the interceptor
   * @throws MetricsConfigurationException naming every problem at once
   */
  public static MetricsInterceptor create(MetricsConfig config, InitContext context) {
    EnvironmentReader env = new EnvironmentReader(context.environment().variables());
    Boolean off = env.bool(DISABLED);
    Boolean powertoolsOff = env.bool(POWERTOOLS_DISABLED);
    boolean writing =
        config.enabled()
            && !Boolean.TRUE.equals(off)
            && !(off == null && Boolean.TRUE.equals(powertoolsOff));

    String namespace = config.namespace();
    String namespaceFrom = "namespace";
    if (namespace == null) {
      namespaceFrom = env.get(NAMESPACE) != null ? NAMESPACE : POWERTOOLS_NAMESPACE;
      namespace = env.get(namespaceFrom);
    }
    if (namespace != null) {
      try {
        MetricRules.checkNamespace(namespace, namespaceFrom);
      } catch (InvalidMetricException e) {
        env.problem(e.getMessage());
      }
    } else if (writing) {
      env.problem(
          "no CloudWatch namespace: set @Metrics(namespace = ..), MetricsConfig.custom()"
              + ".namespace(..) or the variable "
              + NAMESPACE
              + " ("
              + POWERTOOLS_NAMESPACE
              + " is read too); or set "
              + DISABLED
              + "=true to write no metrics, as for local runs");
    }

    String service = config.service();
    if (service == null) {
      service = env.firstOf("POWERTOOLS_SERVICE_NAME", "LAMINA_SERVICE_NAME");
    }
    if (service == null) {
      service = env.get("AWS_LAMBDA_FUNCTION_NAME");
    }
    if (service == null) {
      service = UNDEFINED_SERVICE;
    }
    try {
      MetricRules.checkDimension(MetricRules.SERVICE, service);
    } catch (InvalidMetricException e) {
      env.problem(e.getMessage());
    }

    if (env.hasProblems()) {
      throw new MetricsConfigurationException(
          env.describeProblems(
              "Metrics for [" + context.handlerClass().getName() + "] cannot be set up"));
    }
    MetricsSettings settings =
        new MetricsSettings(
            namespace, service, writing, config.builtIns(), config.defaultDimensions());
    MetricsInterceptor interceptor = new MetricsInterceptor(settings);
    // Before a SnapStart checkpoint, render a line without writing it, so the snapshot holds
    // the generator and the first invocation after a restore does not load it.
    // Anonymous classes, not lambdas: init pays no lambda bootstrap for them.
    context
        .resources()
        .define(
            "lamina-metrics",
            new Supplier<MetricsInterceptor>() {
              @Override
              public MetricsInterceptor get() {
                return interceptor;
              }
            })
        .primeWith(
            new Consumer<MetricsInterceptor>() {
              @Override
              public void accept(MetricsInterceptor m) {
                m.prime();
              }
            })
        .create();
    return interceptor;
  }

  @Override
  public Object intercept(Chain chain) throws Exception {
    Invocation invocation = chain.invocation();
    EmfRecorder recorder = new EmfRecorder(settings, invocation);
    invocation.setAttribute(InvocationMetrics.KEY, recorder);
    if ((invocation.isColdStart() || invocation.isRestore())
        && settings.builtIns().contains(LaminaMetric.Group.COLD_START)) {
      write(
          coldStart(
              invocation,
              invocation.isColdStart() ? LaminaMetric.COLD_START : LaminaMetric.SNAP_START_RESTORE),
          invocation);
    }
    try {
      return chain.proceed();
    } finally {
      write(recorder.close(), invocation);
    }
  }

  /**
   * The cold-start (or restore) line: its own dimension set, so it counts environments, not
   * invocations.
   */
  private EmfDocument coldStart(Invocation invocation, LaminaMetric which) {
    Map<String, String> values = new LinkedHashMap<>();
    List<String> set = new ArrayList<>(2);
    String function = invocation.functionName();
    if (function != null && !function.isEmpty()) {
      values.put("FunctionName", function);
      set.add("FunctionName");
    }
    values.put(MetricRules.SERVICE, settings.service());
    set.add(MetricRules.SERVICE);
    EmfDocument.Metric metric =
        new EmfDocument.Metric(which.metricName(), MetricUnit.COUNT, MetricResolution.STANDARD);
    metric.values().add(1.0);
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put(LogFields.REQUEST_ID, invocation.requestId());
    return new EmfDocument(
        settings.namespace(),
        invocation.clock().millis(),
        List.of(List.copyOf(set)),
        values,
        List.of(metric),
        metadata);
  }

  private void write(EmfDocument document, Invocation invocation) {
    if (document == null || !settings.writing()) {
      return;
    }
    try {
      List<byte[]> lines = document.render(json);
      if (lines.isEmpty()) {
        return;
      }
      PrintStream out = System.out;
      synchronized (out) {
        for (byte[] line : lines) {
          out.write(line, 0, line.length);
          out.flush();
        }
      }
    } catch (RuntimeException e) {
      // Never let metrics replace the handler's result or its exception.
      log.atError()
          .addKeyValue("error_type", e.getClass().getName())
          .log("Could not write the metrics of invocation [{}]", invocation.requestId());
    }
  }

  private void prime() {
    EmfDocument sample =
        new EmfDocument(
            "Prime",
            0L,
            List.of(List.of(MetricRules.SERVICE)),
            Map.of(MetricRules.SERVICE, settings.service()),
            List.of(
                new EmfDocument.Metric(
                    "Prime", MetricUnit.COUNT, MetricResolution.STANDARD, List.of(1.0, 2.5))),
            Map.of(LogFields.REQUEST_ID, "prime"));
    sample.render(json);
  }

  /** The resolved settings, for tests and messages. */
  MetricsSettings settings() {
    return settings;
  }

  @Override
  public String name() {
    return "Metrics";
  }
}
