package dev.lamina.config.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The naming convention from field names to keys: {@code tableName} is {@code TABLE_NAME} as an
 * environment variable and {@code table-name} as a key under a path. Words break at a lower case
 * letter or digit followed by an upper case one, before the last capital of an acronym followed by
 * a lower case letter ({@code httpURLValue}: http, url, value), and at {@code _} or {@code -}.
 */
public final class Names {
  private Names() {}

  /** {@code tableName} to {@code TABLE_NAME}. */
  public static String upperSnake(String fieldName) {
    return String.join("_", words(fieldName)).toUpperCase(Locale.ROOT);
  }

  /** {@code tableName} to {@code table-name}. */
  public static String kebab(String fieldName) {
    return String.join("-", words(fieldName)).toLowerCase(Locale.ROOT);
  }

  static List<String> words(String name) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    int n = name.length();
    for (int i = 0; i < n; i++) {
      char c = name.charAt(i);
      if (c == '_' || c == '-') {
        flush(words, word);
        continue;
      }
      if (Character.isUpperCase(c) && word.length() > 0) {
        char prev = name.charAt(i - 1);
        boolean nextLower = i + 1 < n && Character.isLowerCase(name.charAt(i + 1));
        if (Character.isLowerCase(prev)
            || Character.isDigit(prev)
            || (Character.isUpperCase(prev) && nextLower)) {
          flush(words, word);
        }
      }
      word.append(c);
    }
    flush(words, word);
    return words;
  }

  private static void flush(List<String> words, StringBuilder word) {
    if (word.length() > 0) {
      words.add(word.toString());
      word.setLength(0);
    }
  }
}
