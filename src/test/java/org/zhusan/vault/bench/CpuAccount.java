package org.zhusan.vault.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Where CPU went during a benchmark phase, from Linux's {@code /proc}: the vault server, its child
 * processes (extraction children, tesseract), every PostgreSQL process, this client, and the
 * machine's idle time. On a machine of two shared cores this tells whether a phase was CPU-bound
 * (idle near zero) and who took the cores; a phase with much idle time waits on something else.
 */
final class CpuAccount {
  private final long serverPid;
  private final long[] start;
  private long[] used;

  CpuAccount(long serverPid) {
    this.serverPid = serverPid;
    this.start = sample();
  }

  CpuAccount stop() {
    long[] end = sample();
    used = new long[end.length];
    for (int i = 0; i < end.length; i++) {
      used[i] = end[i] - start[i];
    }
    return this;
  }

  /** server, its descendants, postgres, client, machine idle, machine total. */
  private long[] sample() {
    long children =
        ProcessHandle.of(serverPid)
            .map(p -> p.descendants().mapToLong(d -> ticks(d.pid())).sum())
            .orElse(0L);
    long postgres = 0;
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path p : (Iterable<Path>) procs::iterator) {
        String name = p.getFileName().toString();
        if (name.chars().allMatch(Character::isDigit) && isPostgres(p)) {
          postgres += ticks(Long.parseLong(name));
        }
      }
    } catch (IOException e) {
      postgres = -1;
    }
    long[] machine = machine();
    return new long[] {
      ticks(serverPid),
      children,
      postgres,
      ticks(ProcessHandle.current().pid()),
      machine[0],
      machine[1]
    };
  }

  private static boolean isPostgres(Path proc) {
    try {
      return Files.readString(proc.resolve("comm")).trim().startsWith("postgres");
    } catch (IOException e) {
      return false;
    }
  }

  /** User plus system time in clock ticks (fields 14 and 15 of /proc/PID/stat). */
  private static long ticks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** Idle (idle + iowait) and total ticks of all cores, from the first line of /proc/stat. */
  private static long[] machine() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < f.length; i++) {
        total += Long.parseLong(f[i]);
      }
      return new long[] {Long.parseLong(f[4]) + Long.parseLong(f[5]), total};
    } catch (IOException | RuntimeException e) {
      return new long[] {0, 0};
    }
  }

  @Override
  public String toString() {
    return String.format(
        "cpu s: server %.1f, extraction children %.1f, postgres %.1f, client %.1f; machine idle"
            + " %.0f %%",
        used[0] / 100.0,
        used[1] / 100.0,
        used[2] / 100.0,
        used[3] / 100.0,
        used[5] == 0 ? 0.0 : 100.0 * used[4] / used[5]);
  }
}
