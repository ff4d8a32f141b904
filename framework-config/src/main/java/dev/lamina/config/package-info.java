/**
 * Typed configuration from environment variables and SSM Parameter Store, loaded and validated at
 * init, cached with a max age.
 *
 * <ul>
 *   <li>Declare a record (or class) whose fields name their sources: {@link dev.lamina.config.Env},
 *       {@link dev.lamina.config.Parameter}, {@link dev.lamina.config.PathParameter} under the
 *       type's {@link dev.lamina.config.ParameterPath}; {@link dev.lamina.config.Default},
 *       {@link dev.lamina.config.NotRequired}, {@link dev.lamina.config.Secret} and
 *       {@link dev.lamina.config.SecretValue} refine them.</li>
 *   <li>Switch it on with {@link dev.lamina.config.Config} on the handler and read it with
 *       {@link dev.lamina.config.Configs#get}; or use {@link dev.lamina.config.ConfigLoader} and
 *       {@link dev.lamina.config.CachedConfig} from plain Java.</li>
 *   <li>Problems are reported all at once in a {@link dev.lamina.config.ConfigurationException},
 *       never with a value.</li>
 * </ul>
 *
 * <p>Types in {@code dev.lamina.config.internal} are not an API.
 */
package dev.lamina.config;
