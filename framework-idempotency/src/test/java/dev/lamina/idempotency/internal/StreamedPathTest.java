package dev.lamina.idempotency.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The streamed key is the tree's key wherever it answers, and it answers the common cases
 * itself (so the tree, and databind with it, stays unbuilt).
 */
class StreamedPathTest {

  private static String streamed(String path, String json) {
    return StreamedPath.textAt(
        JsonPointerPath.compile(path), json.getBytes(StandardCharsets.UTF_8));
  }

  private static String tree(String path, String json) {
    JsonNode root = CanonicalJson.parse(json.getBytes(StandardCharsets.UTF_8));
    return JsonPointerPath.compile(path).textAt(root != null ? root : MissingNode.getInstance());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/orderId | {\"orderId\":\"o-7\",\"quantity\":2} | o-7",
        "/orderId | {\"quantity\":2,\"orderId\":\"o-7\"} | o-7",
        "/n | {\"n\":42} | 42",
        "/n | {\"n\":-0} | 0",
        "/n | {\"n\":12345678901234567890123} | 12345678901234567890123",
        "/n | {\"n\":-9223372036854775808} | -9223372036854775808",
        "/b | {\"b\":true} | true",
        "/b | {\"b\":false} | false",
        "/a/b/c | {\"x\":[1,{\"b\":2}],\"a\":{\"z\":null,\"b\":{\"c\":\"deep\"}}} | deep",
        "/items/1/sku | {\"items\":[{\"sku\":\"a\"},{\"sku\":\"b\"}]} | b",
        "/a~1b/c~0d | {\"a/b\":{\"c~d\":\"escaped\"}} | escaped",
        "/a/ | {\"a\":{\"\":\"empty name\"}} | empty name",
        "/s | {\"s\":\"  spaced text \"} | '  spaced text '",
        "/s | {\"s\":\"\"} | ''",
        "/s | {\"s\":\"caf\\u00e9\"} | café",
      })
  void answersTheCommonCases_asTheTreeDoes(String path, String json, String key) {
    assertEquals(key, streamed(path, json));
    assertEquals(key, tree(path, json));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/missing | {\"orderId\":\"o-7\"}",
        "/n | {\"n\":null}",
        "/a/b | {\"a\":5}",
        "/a/b | {\"a\":null}",
        "/a/b | {\"a\":[1,2]}",
        "/items/2 | {\"items\":[1,2]}",
        "/items/x | {\"items\":[1,2]}",
        "/items/01 | {\"items\":[1,2]}",
        "/orderId | [1,2]",
      })
  void findsNothing_whereTheTreeFindsNothing(String path, String json) {
    assertNull(streamed(path, json));
    assertNull(tree(path, json));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // a text that may carry JSON, on the way or at the end
        "/body/orderId | {\"body\":\"{\\\"orderId\\\":\\\"o-7\\\"}\"}",
        "/m/orderId | {\"m\":\"{\\\"orderId\\\":\\\"o-7\\\"}\"}",
        "/m | {\"m\":\" [1,2]\"}",
        "/m | {\"m\":\"{not json\"}",
        // a body may be base64, decided by a sibling
        "/body | {\"body\":\"b3JkZXI=\",\"isBase64Encoded\":true}",
        "/body | {\"body\":\"plain\"}",
        // canonical JSON and decimals are the tree's business
        "/a | {\"a\":{\"y\":1,\"x\":2}}",
        "/a | {\"a\":[3,1]}",
        "/d | {\"d\":1.50}",
        "/d | {\"d\":1e2}",
        // the tree keeps the last of repeated names
        "/k | {\"k\":\"first\",\"k\":\"last\"}",
        "/a/k | {\"a\":{\"k\":1},\"a\":{\"k\":2}}",
        // the records check
        "/Records/0/messageId | {\"Records\":[{\"messageId\":\"m\"}]}",
        // not exactly one document
        "/k | {\"k\":\"v\"} trailing",
        "/k | {\"k\":",
        "/k | ''",
      })
  void leavesTheRestToTheTree(String path, String json) {
    assertSame(StreamedPath.UNDECIDED, streamed(path, json));
  }

  @Test
  void wheneverItAnswers_itIsTheTreesAnswer() {
    List<String> documents =
        List.of(
            "{\"a\":{\"b\":[{\"c\":1},{\"c\":\"two\"}],\"d\":true},\"e\":null,\"f\":\"{\\\"g\\\":3}\"}",
            "{\"e\":[[1,[2,3]],{\"x\":{\"y\":\"z\"}}],\"a\":{\"d\":false,\"b\":[]}}",
            "{\"a\":\"x\",\"a\":\"y\",\"b\":{\"c\":-7,\"c\":8}}",
            "{\"body\":\"e30=\",\"isBase64Encoded\":true,\"a\":{\"body\":\"x\"}}");
    List<String> paths =
        List.of(
            "/a",
            "/a/b",
            "/a/b/0",
            "/a/b/0/c",
            "/a/b/1/c",
            "/a/b/2",
            "/a/d",
            "/e",
            "/e/0/1/0",
            "/e/1/x/y",
            "/f",
            "/f/g",
            "/b/c",
            "/body",
            "/a/body",
            "/zz",
            "/a/zz/q");
    int answered = 0;
    for (String json : documents) {
      for (String path : paths) {
        String s = streamed(path, json);
        if (s != StreamedPath.UNDECIDED) {
          answered++;
          assertEquals(tree(path, json), s, path + " in " + json);
        }
      }
    }
    assertTrue(answered > documents.size() * paths.size() / 2, answered + " answered");
  }
}
