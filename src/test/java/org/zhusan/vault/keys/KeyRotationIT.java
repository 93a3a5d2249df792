package org.zhusan.vault.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.zhusan.vault.it.Http;
import org.zhusan.vault.it.Subjects;
import org.zhusan.vault.it.Tokens;
import org.zhusan.vault.it.VaultServer;

/** KEK rotation rewraps every data key online: concurrent reads never fail, nothing is lost. */
class KeyRotationIT {
  private final String admin = Tokens.token("key-admin", "ADMIN");
  private final String worker = Tokens.token("sw-rot", "PSYCHOLOGIST", "PAV-01");

  @Test
  void rotationUnderConcurrentReadsLosesNothingAndFailsNoRead() throws Exception {
    Map<String, String> names = new ConcurrentHashMap<>();
    for (int i = 0; i < 120; i++) {
      String name = "Rotation Subject " + i;
      names.put(Subjects.create(worker, "PAV-01", name, null).getString("id"), name);
    }
    int newVersion = addKekVersion();
    HttpResponse<String> reload = Http.postJson("/api/admin/keys/reload", admin, "");
    assertEquals(200, reload.statusCode(), reload.body());

    List<String> ids = new ArrayList<>(names.keySet());
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger reads = new AtomicInteger();
    List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    ExecutorService readers = Executors.newFixedThreadPool(4);
    List<Future<?>> running = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int offset = t;
      running.add(
          readers.submit(
              () -> {
                int i = offset;
                while (!stop.get()) {
                  String id = ids.get(i++ % ids.size());
                  try {
                    HttpResponse<String> r = Http.get("/api/subjects/" + id, worker);
                    if (r.statusCode() != 200
                        || !Http.json(r).getString("fullName").equals(names.get(id))) {
                      failures.add(r.statusCode() + " " + r.body());
                    }
                    reads.incrementAndGet();
                  } catch (Exception e) {
                    failures.add(e.toString());
                  }
                }
              }));
    }
    HttpResponse<String> started = Http.postJson("/api/admin/keys/rotate", admin, "");
    assertEquals(202, started.statusCode(), started.body());
    long runId = Http.json(started).getJsonNumber("id").longValue();
    JsonObject finished = awaitRotation(runId);
    stop.set(true);
    for (Future<?> f : running) {
      f.get(60, TimeUnit.SECONDS);
    }
    readers.shutdown();

    assertEquals("DONE", finished.getString("state"), finished.toString());
    assertTrue(
        failures.isEmpty(), () -> failures.size() + " reads failed, first: " + failures.get(0));
    assertTrue(reads.get() > 0);
    JsonObject status = Http.json(Http.get("/api/admin/keys", admin));
    for (JsonObject v : status.getJsonArray("versions").getValuesAs(JsonObject.class)) {
      if (v.getInt("version") != newVersion) {
        assertEquals(
            0,
            v.getJsonNumber("liveDataKeys").longValue(),
            "no data key left under KEK v" + v.getInt("version"));
      }
    }
    // every subject still reads correctly after the rotation
    for (String id : ids) {
      assertEquals(
          names.get(id), Http.json(Http.get("/api/subjects/" + id, worker)).getString("fullName"));
    }
    // an old version can now be retired; the primary cannot
    assertEquals(
        200,
        Http.postJson("/api/admin/keys/" + (newVersion - 1) + "/retire", admin, "").statusCode());
    Http.problem(Http.postJson("/api/admin/keys/" + newVersion + "/retire", admin, ""), 409);
  }

  @Test
  void reloadRefusesAKeystoreWithoutTheKekThatDataKeysAreWrappedUnder() throws Exception {
    String id = Subjects.create(worker, "PAV-01", "Kek Check Subject", null).getString("id");
    java.nio.file.Path keystore = VaultServer.keystore();
    byte[] original = Files.readAllBytes(keystore);
    char[] password = "development-only".toCharArray();
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = new java.io.ByteArrayInputStream(original)) {
      ks.load(in, password);
    }
    int primary = 1;
    while (ks.containsAlias("kek-v" + (primary + 1))) {
      primary++;
    }
    ks.deleteEntry("kek-v" + primary); // the new subject's data key is wrapped under it
    try {
      try (OutputStream out = Files.newOutputStream(keystore)) {
        ks.store(out, password);
      }
      JsonObject refused = Http.problem(Http.postJson("/api/admin/keys/reload", admin, ""), 409);
      assertTrue(refused.getString("detail").contains("kek-v" + primary), refused::toString);
      // the keys already loaded stay in use
      assertEquals(
          "Kek Check Subject",
          Http.json(Http.get("/api/subjects/" + id, worker)).getString("fullName"));
    } finally {
      Files.write(keystore, original);
      assertEquals(200, Http.postJson("/api/admin/keys/reload", admin, "").statusCode());
    }
  }

  @Test
  void onlyAdminMayRotate() throws Exception {
    Http.problem(Http.postJson("/api/admin/keys/rotate", worker, ""), 403);
    Http.problem(Http.postJson("/api/admin/keys/rotate", Tokens.token("aud", "AUDITOR"), ""), 403);
  }

  private JsonObject awaitRotation(long runId) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      JsonObject status = Http.json(Http.get("/api/admin/keys", admin));
      for (JsonObject run : status.getJsonArray("rotations").getValuesAs(JsonObject.class)) {
        if (run.getJsonNumber("id").longValue() == runId
            && !"RUNNING".equals(run.getString("state"))) {
          return run;
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("rotation did not finish");
  }

  /** Adds the next kek-vN to the keystore the running server reads; returns N. */
  private static synchronized int addKekVersion() throws Exception {
    char[] password = "development-only".toCharArray();
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(VaultServer.keystore())) {
      ks.load(in, password);
    }
    int next = 1;
    while (ks.containsAlias("kek-v" + next)) {
      next++;
    }
    KeyGenerator gen = KeyGenerator.getInstance("AES");
    gen.init(256);
    SecretKey key = gen.generateKey();
    ks.setEntry(
        "kek-v" + next,
        new KeyStore.SecretKeyEntry(key),
        new KeyStore.PasswordProtection(password));
    try (OutputStream out = Files.newOutputStream(VaultServer.keystore())) {
      ks.store(out, password);
    }
    return next;
  }
}
