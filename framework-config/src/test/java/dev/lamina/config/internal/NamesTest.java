package dev.lamina.config.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NamesTest {

  @Test
  void camelCase_becomesUpperSnakeForEnvironmentVariables() {
    assertEquals("TABLE_NAME", Names.upperSnake("tableName"));
    assertEquals("HTTP_URL_VALUE", Names.upperSnake("httpURLValue"));
    assertEquals("OAUTH2_TOKEN", Names.upperSnake("oauth2Token"));
    assertEquals("PORT", Names.upperSnake("port"));
    assertEquals("ALREADY_SNAKE", Names.upperSnake("already_snake"));
  }

  @Test
  void camelCase_becomesKebabForKeysUnderAPath() {
    assertEquals("pool-size", Names.kebab("poolSize"));
    assertEquals("db-url", Names.kebab("dbURL"));
    assertEquals("x", Names.kebab("x"));
  }
}
