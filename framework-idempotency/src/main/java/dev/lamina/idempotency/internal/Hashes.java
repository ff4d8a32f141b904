package dev.lamina.idempotency.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 as lower-case hex. */
public final class Hashes {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Hashes() {}

  /** The SHA-256 of UTF-8 text, as 64 hex characters. */
  public static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The SHA-256 of bytes, as 64 hex characters. */
  public static String sha256(byte[] bytes) {
    return hex(sha256().digest(bytes));
  }

  /** A new SHA-256 digest (a copy of a prototype: cheaper than a provider lookup each time). */
  public static MessageDigest sha256() {
    try {
      return (MessageDigest) Prototype.SHA_256.clone();
    } catch (CloneNotSupportedException e) {
      return newSha256();
    }
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform has SHA-256", e);
    }
  }

  /** Created on first use; never updated, only cloned. */
  private static final class Prototype {
    static final MessageDigest SHA_256 = newSha256();
  }

  /** Bytes as lower-case hex. */
  public static String hex(byte[] digest) {
    char[] out = new char[digest.length * 2];
    for (int i = 0; i < digest.length; i++) {
      out[2 * i] = HEX[(digest[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[digest[i] & 0xf];
    }
    return new String(out);
  }
}
