package dev.lamina.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ThreadLocalMdcAdapterTest {

  private final ThreadLocalMdcAdapter mdc = new ThreadLocalMdcAdapter();

  @Test
  void childThread_doesNotInheritTheParentsContext() throws InterruptedException {
    mdc.put("function_request_id", "req-1");
    AtomicReference<String> seenByChild = new AtomicReference<>("unset");
    Thread child = new Thread(() -> seenByChild.set(mdc.get("function_request_id")));
    child.start();
    child.join();

    assertNull(seenByChild.get());
    assertEquals("req-1", mdc.get("function_request_id"));
    mdc.clear();
  }

  @Test
  void clear_removesEverything_includingDeques() {
    mdc.put("a", "1");
    mdc.pushByKey("ndc", "outer");
    mdc.clear();

    assertNull(mdc.currentContext());
    assertNull(mdc.getCopyOfContextMap());
    assertNull(mdc.getCopyOfDequeByKey("ndc"));
  }

  @Test
  void removingTheLastKey_releasesTheThreadsMap() {
    mdc.put("a", "1");
    mdc.remove("a");

    assertNull(mdc.currentContext());
  }

  @Test
  void copyOfContextMap_isADetachedCopy_inInsertionOrder() {
    mdc.put("b", "2");
    mdc.put("a", "1");
    Map<String, String> copy = mdc.getCopyOfContextMap();
    mdc.put("c", "3");

    assertEquals(List.of("b", "a"), new ArrayList<>(copy.keySet()));
    mdc.clear();
  }

  @Test
  void setContextMap_replacesTheContext_andNullClearsIt() {
    mdc.put("old", "x");
    Map<String, String> replacement = new LinkedHashMap<>();
    replacement.put("new", "y");
    mdc.setContextMap(replacement);

    assertEquals(replacement, mdc.getCopyOfContextMap());
    mdc.setContextMap(null);
    assertNull(mdc.getCopyOfContextMap());
  }

  @Test
  void pushAndPop_areLastInFirstOut_perKey() {
    mdc.pushByKey("ndc", "outer");
    mdc.pushByKey("ndc", "inner");

    assertEquals("inner", mdc.popByKey("ndc"));
    assertEquals("outer", mdc.popByKey("ndc"));
    assertNull(mdc.popByKey("ndc"));
    mdc.clear();
  }
}
