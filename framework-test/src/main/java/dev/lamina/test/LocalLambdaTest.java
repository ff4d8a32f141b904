package dev.lamina.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a handler under the real Lambda runtime for a JUnit 5 test: a started {@link LocalLambda} is
 * injected into any test method or constructor parameter of that type, and closed when its scope ends.
 *
 * <p>On a class, one local Lambda serves the whole class by default ({@link Lifecycle#PER_CLASS}; a
 * constructor parameter always gets that class-wide instance). On a method, the method gets its own,
 * configured by the method's annotation.
 *
 * <p>The function's class path is {@link #classesDirectories()} followed by the entries of a class path
 * file that the build writes (see {@link #classPathFile()}): with Maven, add to the pom
 *
 * <pre>{@code
 * <plugin>
 *   <groupId>org.apache.maven.plugins</groupId>
 *   <artifactId>maven-dependency-plugin</artifactId>
 *   <executions>
 *     <execution>
 *       <id>lamina-runtime-classpath</id>
 *       <phase>generate-test-resources</phase>
 *       <goals><goal>build-classpath</goal></goals>
 *       <configuration>
 *         <includeScope>runtime</includeScope>
 *         <outputFile>${project.build.directory}/lamina/runtime.classpath</outputFile>
 *       </configuration>
 *     </execution>
 *   </executions>
 * </plugin>
 * }</pre>
 *
 * <p>Relative paths are resolved against the {@code basedir} system property (set by Surefire), else the
 * working directory.
 *
 * <pre>{@code
 * @LocalLambdaTest(handler = "com.example.Greeter::handleRequest", environment = "GREETING=Hello")
 * class GreeterIT {
 *     @Test
 *     void greets(LocalLambda lambda) {
 *         assertEquals("\"Hello Ada\"", lambda.invoke("{\"name\":\"Ada\"}").body());
 *     }
 * }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(LocalLambdaExtension.class)
public @interface LocalLambdaTest {

  /** The handler, {@code pkg.Class::method} or {@code pkg.Class}. */
  String handler();

  /** Extra environment entries, each {@code KEY=value}, merged over the Lambda-like defaults. */
  String[] environment() default {};

  /**
   * The class path file (entries separated by the platform's path separator, as
   * {@code maven-dependency-plugin:build-classpath} writes it). Empty means: the system property
   * {@value LocalLambdaExtension#CLASS_PATH_PROPERTY}, else {@value LocalLambdaExtension#DEFAULT_CLASS_PATH_FILE}.
   */
  String classPathFile() default "";

  /** Directories of the function's own classes, put before the file's entries; each must exist. */
  String[] classesDirectories() default {"target/classes"};

  /** Whether a class-level annotation gives one instance per class or one per test method. */
  Lifecycle lifecycle() default Lifecycle.PER_CLASS;

  /** The function timeout in seconds: the deadline each event carries. */
  int timeoutSeconds() default 30;

  /** {@code AWS_LAMBDA_FUNCTION_NAME}, also used in the ARN and log group. */
  String functionName() default "test-function";

  /** {@code AWS_LAMBDA_FUNCTION_MEMORY_SIZE} and the default {@code -Xmx}. */
  int memorySizeMb() default 512;

  /** JVM flags replacing the Lambda-like defaults; empty keeps the defaults. */
  String[] jvmFlags() default {};

  /** Record class loading, for {@link LocalLambda.Timings#classesLoadedAtFirstResponse()}. */
  boolean classLoadLog() default false;

  /** Copy the child's output to {@code System.err} as it arrives. */
  boolean echoOutput() default false;

  /** How long a class-level local Lambda lives. */
  enum Lifecycle {
    /** One instance for all tests of the class, closed after the last one. */
    PER_CLASS,
    /** A fresh instance for each test method, closed after it. */
    PER_METHOD
  }
}
