package org.zhusan.vault.crypto;

import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Keeps unwrapped data keys in memory for a short time (design invariant 1: key material only while
 * requests need it), so that a burst of requests about one subject unwraps its key once.
 *
 * <p>Entries expire a fixed time after they were loaded (not after last use), and the oldest entry
 * is evicted when {@code maxEntries} is reached. {@link #invalidate} removes an owner's key at
 * once, which is part of crypto-shredding: after the wrapped key is destroyed, invalidate here so
 * that no new request can use the cached copy. A load that was already running when {@code
 * invalidate} was called still returns its key to its own caller but is not cached.
 *
 * <p>Thread safety: thread-safe; the map is guarded by a private lock, and loaders run outside it
 * (concurrent misses for the same owner may load twice, which is harmless).
 */
public final class DataKeyCache {

  /** Produces a data key on a cache miss, typically: read the wrapped key, then unwrap it. */
  @FunctionalInterface
  public interface Loader {
    /** Loads the key; must not return null. */
    DataKey load() throws GeneralSecurityException;
  }

  /** A cached key and the {@link System#nanoTime()} instant it expires. */
  private record Entry(DataKey key, long expiresAtNanos) {}

  private final long ttlNanos;
  private final int maxEntries;
  private final LongSupplier nanoClock;
  private final Object lock = new Object();
  private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();
  private long invalidations;

  /**
   * @param ttl how long a key stays cached after loading, positive (e.g. 60 seconds)
   * @param maxEntries how many owners' keys at most, positive
   */
  public DataKeyCache(Duration ttl, int maxEntries) {
    this(ttl, maxEntries, System::nanoTime);
  }

  DataKeyCache(Duration ttl, int maxEntries, LongSupplier nanoClock) {
    Objects.requireNonNull(ttl, "ttl is required.");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive");
    }
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be positive");
    }
    this.ttlNanos = ttl.toNanos();
    this.maxEntries = maxEntries;
    this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock is required.");
  }

  /**
   * The cached key of {@code ownerId}, or the result of {@code loader}, which is then cached.
   *
   * @throws GeneralSecurityException whatever the loader throws (nothing is cached then)
   */
  public DataKey get(String ownerId, Loader loader) throws GeneralSecurityException {
    Objects.requireNonNull(ownerId, "ownerId is required.");
    Objects.requireNonNull(loader, "loader is required.");
    long invalidationsBefore;
    synchronized (lock) {
      Optional<DataKey> cached = lookup(ownerId);
      if (cached.isPresent()) {
        return cached.get();
      }
      invalidationsBefore = invalidations;
    }
    DataKey loaded = Objects.requireNonNull(loader.load(), "loader returned no key");
    synchronized (lock) {
      if (invalidations == invalidationsBefore) {
        put(ownerId, loaded);
      }
    }
    return loaded;
  }

  /** The cached key of {@code ownerId}, if present and not expired. */
  public Optional<DataKey> getIfPresent(String ownerId) {
    Objects.requireNonNull(ownerId, "ownerId is required.");
    synchronized (lock) {
      return lookup(ownerId);
    }
  }

  /** Forgets the key of {@code ownerId} now (crypto-shredding, key replacement). */
  public void invalidate(String ownerId) {
    Objects.requireNonNull(ownerId, "ownerId is required.");
    synchronized (lock) {
      invalidations++;
      entries.remove(ownerId);
    }
  }

  /** Forgets every key (e.g. after a KEK compromise or on shutdown). */
  public void invalidateAll() {
    synchronized (lock) {
      invalidations++;
      entries.clear();
    }
  }

  /** Number of live (unexpired) entries. */
  public int size() {
    synchronized (lock) {
      purgeExpired(nanoClock.getAsLong());
      return entries.size();
    }
  }

  private Optional<DataKey> lookup(String ownerId) {
    long now = nanoClock.getAsLong();
    purgeExpired(now);
    Entry entry = entries.get(ownerId);
    return entry == null ? Optional.empty() : Optional.of(entry.key());
  }

  private void put(String ownerId, DataKey key) {
    long now = nanoClock.getAsLong();
    purgeExpired(now);
    entries.remove(ownerId); // re-insert at the tail so insertion order stays expiry order
    while (entries.size() >= maxEntries) {
      Iterator<String> oldest = entries.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
    entries.put(ownerId, new Entry(key, now + ttlNanos));
  }

  /** Insertion order equals expiry order (fixed TTL), so expired entries are at the head. */
  private void purgeExpired(long now) {
    Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator();
    while (it.hasNext()) {
      if (now - it.next().getValue().expiresAtNanos() >= 0) {
        it.remove();
      } else {
        return;
      }
    }
  }
}
