package org.xai4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OnceCacheTest {
  @Test
  void concurrentCallersShareOneComputation() throws Exception {
    OnceCache<String, Object> cache = new OnceCache<>(2);
    AtomicInteger computations = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Object>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(pool.submit(() -> {
          start.await();
          return cache.get("model", () -> {
            computations.incrementAndGet();
            return new Object();
          });
        }));
      }
      start.countDown();
      Object first = results.get(0).get();
      for (Future<Object> f : results) {
        assertSame(first, f.get());
      }
      assertEquals(1, computations.get());
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void failuresAreNotCachedAndTheEldestEntryLeaves() {
    OnceCache<Integer, Integer> cache = new OnceCache<>(2);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> cache.get(1, () -> {
          throw new IllegalArgumentException("bad model");
        }));
    assertEquals("bad model", e.getMessage());
    assertEquals(10, cache.get(1, () -> 10));
    AtomicInteger computations = new AtomicInteger();
    cache.get(2, () -> 20);
    cache.get(3, () -> 30);
    // capacity 2: key 1 (least recently used) left, so it is computed again
    assertEquals(11, cache.get(1, () -> 11 + computations.getAndIncrement() * 0));
    assertEquals(30, cache.get(3, () -> -1));
  }
}
