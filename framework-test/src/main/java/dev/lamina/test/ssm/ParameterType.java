package dev.lamina.test.ssm;

/** The three SSM parameter types, with their wire names. */
public enum ParameterType {
  /** Plain text. */
  STRING("String"),
  /** Comma-separated values, returned as one string. */
  STRING_LIST("StringList"),
  /** Encrypted at rest; returned in clear only with {@code WithDecryption=true}. */
  SECURE_STRING("SecureString");

  private final String wireName;

  ParameterType(String wireName) {
    this.wireName = wireName;
  }

  /** The name SSM uses on the wire, e.g. {@code SecureString}. */
  public String wireName() {
    return wireName;
  }

  /**
   * The type with this wire name.
   *
   * @throws IllegalArgumentException naming the value if it is not one of the three
   */
  public static ParameterType fromWireName(String wireName) {
    for (ParameterType t : values()) {
      if (t.wireName.equals(wireName)) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "[" + wireName + "] is not a parameter type: use String, StringList or SecureString");
  }
}
