package org.zhusan.vault.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.zhusan.vault.audit.NoAuditAccessLog;

/** Benchmark-only variants of the built WAR, made from the production WAR plus test classes. */
final class BenchmarkWars {
  private BenchmarkWars() {}

  /**
   * {@code target/bench-noaudit.war}: the production WAR with {@link NoAuditAccessLog} added to
   * {@code WEB-INF/classes}, for the baseline of the audit-overhead benchmark.
   */
  static Path withoutAuditing(Path war) throws IOException {
    Path out = war.resolveSibling("bench-noaudit.war");
    String entry = NoAuditAccessLog.class.getName().replace('.', '/') + ".class";
    try (ZipFile in = new ZipFile(war.toFile());
        OutputStream file = Files.newOutputStream(out);
        ZipOutputStream zip = new ZipOutputStream(file)) {
      for (Enumeration<? extends ZipEntry> e = in.entries(); e.hasMoreElements(); ) {
        ZipEntry z = e.nextElement();
        zip.putNextEntry(new ZipEntry(z.getName()));
        try (InputStream data = in.getInputStream(z)) {
          data.transferTo(zip);
        }
        zip.closeEntry();
      }
      zip.putNextEntry(new ZipEntry("WEB-INF/classes/" + entry));
      try (InputStream data = NoAuditAccessLog.class.getClassLoader().getResourceAsStream(entry)) {
        data.transferTo(zip);
      }
      zip.closeEntry();
    }
    return out;
  }
}
