package org.zhusan.vault.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DataKeyCacheTest {
  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final DataKeyCache cache = new DataKeyCache(Duration.ofSeconds(60), 3, now::get);
  private final AtomicInteger loads = new AtomicInteger();

  private DataKeyCache.Loader loader(DataKey key) {
    return () -> {
      loads.incrementAndGet();
      return key;
    };
  }

  @Test
  void secondLookupWithinTtlDoesNotLoadAgain() throws Exception {
    DataKey key = DataKey.generate();
    assertSame(key, cache.get("s1", loader(key)));
    assertSame(key, cache.get("s1", loader(DataKey.generate())));
    assertEquals(1, loads.get());
  }

  @Test
  void entriesExpireAfterTheTtlSinceLoading() throws Exception {
    DataKey key = DataKey.generate();
    cache.get("s1", loader(key));
    now.addAndGet(Duration.ofSeconds(59).toNanos());
    assertTrue(cache.getIfPresent("s1").isPresent());
    now.addAndGet(Duration.ofSeconds(1).toNanos());
    assertFalse(cache.getIfPresent("s1").isPresent());
    assertEquals(0, cache.size());
    DataKey fresh = DataKey.generate();
    assertSame(fresh, cache.get("s1", loader(fresh)));
    assertEquals(2, loads.get());
  }

  @Test
  void invalidateForgetsAnOwnerAtOnce() throws Exception {
    cache.get("s1", loader(DataKey.generate()));
    cache.get("s2", loader(DataKey.generate()));
    cache.invalidate("s1");
    assertFalse(cache.getIfPresent("s1").isPresent());
    assertTrue(cache.getIfPresent("s2").isPresent());
    cache.invalidateAll();
    assertEquals(0, cache.size());
  }

  @Test
  void aLoadRacingWithInvalidateIsNotCached() throws Exception {
    DataKey key = DataKey.generate();
    DataKey returned =
        cache.get(
            "s1",
            () -> {
              cache.invalidate("s1"); // crypto-shredding happens while the key is being unwrapped
              return key;
            });
    assertSame(key, returned);
    assertFalse(cache.getIfPresent("s1").isPresent());
  }

  @Test
  void oldestEntryIsEvictedAtCapacity() throws Exception {
    for (String owner : new String[] {"s1", "s2", "s3", "s4"}) {
      cache.get(owner, loader(DataKey.generate()));
      now.addAndGet(1);
    }
    assertEquals(3, cache.size());
    assertFalse(cache.getIfPresent("s1").isPresent());
    assertTrue(cache.getIfPresent("s4").isPresent());
  }

  @Test
  void loaderFailuresAreNotCached() throws Exception {
    assertThrows(
        DecryptionFailedException.class,
        () ->
            cache.get(
                "s1",
                () -> {
                  throw new DecryptionFailedException();
                }));
    assertFalse(cache.getIfPresent("s1").isPresent());
  }

  @Test
  void rejectsNonsensicalConfiguration() {
    assertThrows(IllegalArgumentException.class, () -> new DataKeyCache(Duration.ZERO, 1));
    assertThrows(IllegalArgumentException.class, () -> new DataKeyCache(Duration.ofSeconds(1), 0));
  }
}
