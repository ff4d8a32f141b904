/**
 * Implementation of Lamina's idempotency: the protocol interceptor, key paths, hashing, the local
 * cache, the DynamoDB client set-up and error translation. Not an API: may change in any release.
 */
package dev.lamina.idempotency.internal;
