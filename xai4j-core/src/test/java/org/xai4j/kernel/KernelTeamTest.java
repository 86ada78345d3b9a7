package org.xai4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KernelTeamTest {
  private static final KernelTeam TEAM = new KernelTeam(3);

  /** A team that polls between regions (2 threads) and one with more threads than processors, which parks at once. */
  static Stream<Arguments> teams() {
    int processors = Runtime.getRuntime().availableProcessors();
    return Stream.of(Arguments.of(2, new KernelTeam(2)), Arguments.of(processors + 1, new KernelTeam(processors + 1)));
  }

  @ParameterizedTest(name = "{0} threads")
  @MethodSource("teams")
  void everyIndexRunsOnceInEveryRegionAndTheWorkersTakePart(int size, KernelTeam team) {
    Set<String> threads = ConcurrentHashMap.newKeySet();
    for (int region = 0; region < 2000; region++) {
      int n = 2 + region % 40;
      AtomicIntegerArray runs = new AtomicIntegerArray(n);
      team.forEach(n, i -> {
        runs.incrementAndGet(i);
        threads.add(Thread.currentThread().getName());
        if (i == 0) {
          LockSupport.parkNanos(20_000); // leaves the other indices to the workers
        }
      });
      for (int i = 0; i < n; i++) {
        assertEquals(1, runs.get(i), "region " + region + ", index " + i);
      }
    }
    for (int w = 1; w < size; w++) {
      assertTrue(threads.contains("xai4j-kernel-" + w), threads.toString());
    }
  }

  @Test
  void aNestedCallRunsOnTheCallingThreadInOrder() {
    List<List<Integer>> inner = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      inner.add(new ArrayList<>());
    }
    TEAM.forEach(4, i -> {
      String outer = Thread.currentThread().getName();
      TEAM.forEach(5, j -> {
        assertEquals(outer, Thread.currentThread().getName());
        inner.get(i).add(j);
      });
    });
    for (List<Integer> l : inner) {
      assertEquals(List.of(0, 1, 2, 3, 4), l);
    }
  }

  @Test
  void theFirstFailureIsRethrownAsItIsAndTheTeamGoesOn() {
    IllegalStateException boom = new IllegalStateException("index 3");
    assertSame(boom, assertThrows(IllegalStateException.class, () -> TEAM.forEach(8, i -> {
      if (i == 3) {
        throw boom;
      }
    })));
    AtomicIntegerArray runs = new AtomicIntegerArray(8);
    TEAM.forEach(8, runs::incrementAndGet);
    for (int i = 0; i < 8; i++) {
      assertEquals(1, runs.get(i));
    }
  }

  @Test
  void callersOnSeveralThreadsAtOnceAllComplete() throws InterruptedException {
    int callers = 4;
    int regions = 300;
    AtomicIntegerArray sums = new AtomicIntegerArray(callers);
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < callers; c++) {
      int caller = c;
      threads.add(new Thread(() -> {
        for (int r = 0; r < regions; r++) {
          TEAM.forEach(10, i -> sums.addAndGet(caller, i));
        }
      }));
    }
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      t.join();
    }
    for (int c = 0; c < callers; c++) {
      assertEquals(regions * 45, sums.get(c), "caller " + c);
    }
  }
}
