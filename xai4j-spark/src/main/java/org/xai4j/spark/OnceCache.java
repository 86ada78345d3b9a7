package org.xai4j.spark;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * A bounded, thread-safe cache that computes each value once: concurrent callers asking for the
 * same key wait for one computation; the least recently used entry leaves when the cache is
 * full; a computation that throws is not cached, so a later call tries again.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class OnceCache<K, V> {
  private final Map<K, FutureTask<V>> entries;

  OnceCache(int capacity) {
    entries = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<K, FutureTask<V>> eldest) {
        return size() > capacity;
      }
    };
  }

  /**
   * The value for {@code key}, computing it with {@code compute} if it is not cached.
   *
   * @throws RuntimeException whatever {@code compute} threw
   */
  V get(K key, Supplier<V> compute) {
    FutureTask<V> task;
    boolean mine = false;
    synchronized (entries) {
      task = entries.get(key);
      if (task == null) {
        task = new FutureTask<>(compute::get);
        entries.put(key, task);
        mine = true;
      }
    }
    if (mine) {
      task.run();
    }
    try {
      return task.get();
    } catch (ExecutionException e) {
      synchronized (entries) {
        entries.remove(key, task);
      }
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException("computing " + key + " failed: " + e.getCause(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while computing " + key, e);
    }
  }
}
