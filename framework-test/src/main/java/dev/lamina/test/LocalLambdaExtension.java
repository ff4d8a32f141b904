package dev.lamina.test;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link LocalLambdaTest}: resolves {@link LocalLambda} parameters with a
 * started instance and closes it when its scope ends, through the {@link ExtensionContext.Store}.
 *
 * <p>Registered by {@code @LocalLambdaTest}; there is no need to name it. Stateless and thread-safe:
 * all state lives in the store of the class or method the instance belongs to, so parallel test
 * execution gets one instance per scope.
 *
 * <pre>{@code
 * @LocalLambdaTest(handler = "com.example.Echo::handleRequest")
 * class EchoIT {
 *     @Test
 *     void echoes(LocalLambda lambda) {
 *         assertEquals("{}", lambda.invoke("{}").body());
 *     }
 * }
 * }</pre>
 */
public final class LocalLambdaExtension implements ParameterResolver {

  /** The system property naming the class path file, when the annotation does not. */
  public static final String CLASS_PATH_PROPERTY = "lamina.function.classpath";

  /** The class path file used when neither the annotation nor the system property names one. */
  public static final String DEFAULT_CLASS_PATH_FILE = FunctionClassPath.DEFAULT_FILE;

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(LocalLambdaExtension.class);

  @Override
  public boolean supportsParameter(
      ParameterContext parameterContext, ExtensionContext extensionContext) {
    return parameterContext.getParameter().getType() == LocalLambda.class
        && configuration(parameterContext, extensionContext).isPresent();
  }

  @Override
  public Object resolveParameter(
      ParameterContext parameterContext, ExtensionContext extensionContext) {
    Scoped scoped =
        configuration(parameterContext, extensionContext)
            .orElseThrow(
                () ->
                    new ParameterResolutionException(
                        "["
                            + parameterContext.getParameter()
                            + "] needs @LocalLambdaTest on its method or class"));
    ExtensionContext.Store store = scoped.context.getStore(NAMESPACE);
    Resource resource =
        store.getOrComputeIfAbsent(
            scoped.key(), key -> new Resource(start(scoped.annotation)), Resource.class);
    return resource.lambda;
  }

  private static Optional<Scoped> configuration(
      ParameterContext parameterContext, ExtensionContext context) {
    Executable declaring = parameterContext.getDeclaringExecutable();
    if (declaring instanceof Method) {
      Optional<LocalLambdaTest> onMethod =
          AnnotationSupport.findAnnotation(declaring, LocalLambdaTest.class);
      if (onMethod.isPresent()) {
        return Optional.of(new Scoped(onMethod.get(), context, declaring));
      }
    }
    for (Class<?> c = parameterContext.getDeclaringExecutable().getDeclaringClass();
        c != null;
        c = c.getEnclosingClass()) {
      Optional<LocalLambdaTest> onClass =
          AnnotationSupport.findAnnotation(c, LocalLambdaTest.class);
      if (onClass.isPresent()) {
        boolean perMethod =
            onClass.get().lifecycle() == LocalLambdaTest.Lifecycle.PER_METHOD
                && declaring instanceof Method
                && context.getTestMethod().isPresent();
        return Optional.of(
            new Scoped(onClass.get(), perMethod ? context : classContext(context), c));
      }
    }
    return Optional.empty();
  }

  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext c = context;
    while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
      c = c.getParent().get();
    }
    return c;
  }

  private static LocalLambda start(LocalLambdaTest config) {
    String file =
        !config.classPathFile().isEmpty()
            ? config.classPathFile()
            : System.getProperty(CLASS_PATH_PROPERTY, DEFAULT_CLASS_PATH_FILE);
    List<Path> classPath;
    try {
      classPath =
          FunctionClassPath.resolve(
              FunctionClassPath.moduleDirectory(),
              Arrays.asList(config.classesDirectories()),
              file);
    } catch (IllegalStateException e) {
      throw new ExtensionConfigurationException("@LocalLambdaTest: " + e.getMessage(), e);
    }
    LocalLambda.Builder builder =
        LocalLambda.builder()
            .handler(config.handler())
            .classPath(classPath)
            .functionName(config.functionName())
            .memorySizeMb(config.memorySizeMb())
            .timeout(Duration.ofSeconds(config.timeoutSeconds()))
            .classLoadLog(config.classLoadLog())
            .echoOutput(config.echoOutput());
    for (String entry : config.environment()) {
      int eq = entry.indexOf('=');
      if (eq <= 0) {
        throw new ExtensionConfigurationException(
            "[" + entry + "] in @LocalLambdaTest(environment) is not KEY=value");
      }
      builder.environment(entry.substring(0, eq), entry.substring(eq + 1));
    }
    if (config.jvmFlags().length > 0) {
      builder.jvmFlags(List.of(config.jvmFlags()));
    }
    return builder.start();
  }

  /** Where an instance lives, and the key it is stored under there. */
  private static final class Scoped {
    final LocalLambdaTest annotation;
    final ExtensionContext context;
    final AnnotatedElement source;

    Scoped(LocalLambdaTest annotation, ExtensionContext context, AnnotatedElement source) {
      this.annotation = annotation;
      this.context = context;
      this.source = source;
    }

    String key() {
      return "local-lambda:" + source;
    }
  }

  /**
   * Closes the local Lambda when the store is closed. Implements both the old JUnit interface (JUnit
   * before 5.13 closes only {@code CloseableResource}) and {@code AutoCloseable}; closing twice is
   * harmless.
   */
  @SuppressWarnings("deprecation")
  private static final class Resource
      implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    final LocalLambda lambda;

    Resource(LocalLambda lambda) {
      this.lambda = lambda;
    }

    @Override
    public void close() {
      lambda.close();
    }
  }
}
