package dev.lamina.samples.config;

import dev.lamina.config.Default;
import dev.lamina.config.Parameter;
import dev.lamina.config.ParameterPath;
import dev.lamina.config.PathParameter;
import dev.lamina.config.SecretValue;
import java.util.List;

/**
 * The greeter's configuration: plain settings in environment variables, shared and secret ones
 * in SSM Parameter Store under the path named by {@code GREETER_CONFIG_PATH} (one path per stage).
 *
 * @param greeting {@code GREETING}, default {@code Hello}
 * @param maxNameLength {@code MAX_NAME_LENGTH}, default 64
 * @param punctuation {@code <path>/punctuation}
 * @param apiKey {@code <path>/api-key}, a {@code SecureString}
 * @param languages {@code /shared/greeter/languages}, a {@code StringList} shared by functions
 */
@ParameterPath(fromEnv = "GREETER_CONFIG_PATH")
public record GreeterConfig(
    @Default("Hello") String greeting,
    @Default("64") int maxNameLength,
    @PathParameter String punctuation,
    @PathParameter SecretValue apiKey,
    @Parameter("/shared/greeter/languages") List<String> languages) {}
