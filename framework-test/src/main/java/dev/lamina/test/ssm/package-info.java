/**
 * A local SSM Parameter Store for tests: {@link dev.lamina.test.ssm.LocalParameterStore} serves the
 * SSM JSON protocol on loopback so the real AWS SDK {@code SsmClient} (or any SSM client) runs end to
 * end against it, with a request log to assert on and faults on demand.
 *
 * <p>Nothing here depends on the AWS SDK: the server speaks JSON over HTTP.
 */
package dev.lamina.test.ssm;
