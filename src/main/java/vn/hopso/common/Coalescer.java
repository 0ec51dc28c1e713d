package vn.hopso.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Writes what changed in batches, on one thread of its own: keys marked as changed wait up to
 * {@code delayMillis} and are then handed over together (each once, however often it was marked
 * meanwhile). Many small changes at once (856 screens reconnecting, 356 rooms reporting) then cost
 * a few transactions instead of one each. What a batch could not write is marked again with {@link
 * #retry}. Used for who is connected (live presence) and every room's status.
 */
public final class Coalescer<K> {
  private final Set<K> dirty = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final ScheduledExecutorService worker;
  private final long delayMillis;
  private final Consumer<List<K>> write;
  private volatile boolean stopped;

  /** {@code write} is called on the coalescer's thread with the keys changed since the last. */
  public Coalescer(String threadName, long delayMillis, Consumer<List<K>> write) {
    this.delayMillis = delayMillis;
    this.write = write;
    this.worker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, threadName);
              t.setDaemon(true);
              return t;
            });
  }

  /** The key changed: it is written with the next batch. */
  public void mark(K key) {
    dirty.add(key);
    schedule(delayMillis);
  }

  /** Keys a batch could not write: written again after {@code millis}. */
  public void retry(Collection<K> keys, long millis) {
    dirty.addAll(keys);
    schedule(millis);
  }

  public boolean stopped() {
    return stopped;
  }

  /** No more batches (what is pending is dropped: the caller cleans up after itself). */
  public void stop() {
    stopped = true;
    worker.shutdownNow();
  }

  private void schedule(long millis) {
    if (!stopped && scheduled.compareAndSet(false, true)) {
      try {
        worker.schedule(this::run, millis, TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        scheduled.set(false); // stopping
      }
    }
  }

  private void run() {
    scheduled.set(false);
    List<K> taken = new ArrayList<>();
    for (K k : new ArrayList<>(dirty)) {
      if (dirty.remove(k)) {
        taken.add(k);
      }
    }
    if (!taken.isEmpty()) {
      write.accept(taken);
    }
  }
}
