package org.zhusan.vault.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where CPU went during a benchmark phase, from Linux's {@code /proc}: the vault server, its child
 * processes (extraction children, tesseract), every PostgreSQL process, this client, and the
 * machine's idle time. On a machine of two shared cores this tells whether a phase was CPU-bound
 * (idle near zero) and who took the cores; a phase with much idle time waits on something else.
 *
 * <p>For the server and its children the CPU is also split by JVM thread: the JIT compilers ({@code
 * C1/C2 CompilerThread}), garbage collection and safepoint work ({@code GC Thread}, {@code G1 …},
 * {@code VM Thread}, which runs the serial collector of the children) and everything else ("work":
 * requests, workers, parsers). Threads come and go (the JVM starts and stops compiler threads on
 * demand, children are replaced), so a sampler thread reads every thread's counters every {@value
 * #SAMPLE_MILLIS} ms and keeps the last value seen; a thread that lived less than one interval is
 * missed by the split. Processes come and go too (children are recycled, other PostgreSQL back ends
 * end), so the children's and PostgreSQL's totals are summed over the same samples, per process,
 * rather than from two snapshots (which lose the CPU of a process that ended in between, and can
 * even come out negative). The sampler's own CPU is in the client's figure.
 */
final class CpuAccount {
  private static final long SAMPLE_MILLIS = 200;

  private final long serverPid;
  private final long[] start;
  private long[] used;

  /** Per thread (pid/tid): the ticks at the first and the last sample, and its category. */
  private final Map<String, long[]> threads = new HashMap<>();

  private final Map<String, String> categories = new HashMap<>();
  private final Map<String, Boolean> inServer = new HashMap<>();

  /** Per process (children, PostgreSQL): the ticks at the first and the last sample. */
  private final Map<Long, long[]> childProcesses = new HashMap<>();

  private final Map<Long, long[]> postgresProcesses = new HashMap<>();
  private final Thread sampler;
  private volatile boolean sampling = true;

  CpuAccount(long serverPid) {
    this.serverPid = serverPid;
    sampleThreads(true);
    this.start = sample();
    sampler =
        new Thread(
            () -> {
              while (sampling) {
                try {
                  Thread.sleep(SAMPLE_MILLIS);
                } catch (InterruptedException e) {
                  return;
                }
                sampleThreads(false);
              }
            },
            "cpu-account-sampler");
    sampler.setDaemon(true);
    sampler.start();
  }

  CpuAccount stop() {
    sampling = false;
    sampler.interrupt();
    try {
      sampler.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sampleThreads(false);
    long[] end = sample();
    used = new long[end.length];
    for (int i = 0; i < end.length; i++) {
      used[i] = end[i] - start[i];
    }
    synchronized (this) {
      used[1] = childProcesses.values().stream().mapToLong(t -> t[1] - t[0]).sum();
      used[2] = postgresProcesses.values().stream().mapToLong(t -> t[1] - t[0]).sum();
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

  /**
   * Reads every thread of the server and of its descendants. At the first sample a thread's
   * counters are its baseline; a thread first seen later started during the phase (baseline 0).
   */
  private synchronized void sampleThreads(boolean first) {
    Set<Long> children =
        ProcessHandle.of(serverPid)
            .map(p -> p.descendants().map(ProcessHandle::pid).collect(Collectors.toSet()))
            .orElse(Set.of());
    sampleThreadsOf(serverPid, true, first);
    for (long child : children) {
      sampleThreadsOf(child, false, first);
      track(childProcesses, child, ticks(child), first);
    }
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path p : (Iterable<Path>) procs::iterator) {
        String name = p.getFileName().toString();
        if (name.chars().allMatch(Character::isDigit) && isPostgres(p)) {
          long pid = Long.parseLong(name);
          track(postgresProcesses, pid, ticks(pid), first);
        }
      }
    } catch (IOException | RuntimeException e) {
      // /proc changed while we listed it: the next sample catches up
    }
  }

  /** A process's ticks; one first seen after the first sample started during the phase. */
  private static void track(Map<Long, long[]> processes, long pid, long now, boolean first) {
    if (now == 0) {
      return; // it ended while we looked
    }
    long[] seen = processes.get(pid);
    if (seen == null) {
      processes.put(pid, new long[] {first ? now : 0, now});
    } else {
      seen[1] = Math.max(seen[1], now);
    }
  }

  private void sampleThreadsOf(long pid, boolean server, boolean first) {
    try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        String key = pid + "/" + task.getFileName();
        long now;
        String name;
        try {
          String stat = Files.readString(task.resolve("stat"));
          name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          now = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
          continue; // the thread ended
        }
        long[] seen = threads.get(key);
        if (seen == null) {
          threads.put(key, new long[] {first ? now : 0, now});
          categories.put(key, category(name));
          inServer.put(key, server);
        } else {
          seen[1] = now;
        }
      }
    } catch (IOException | RuntimeException e) {
      // the process ended
    }
  }

  private static String category(String threadName) {
    if (threadName.startsWith("C1 Compiler")
        || threadName.startsWith("C2 Compiler")
        || threadName.startsWith("Compiler")) {
      return "jit";
    }
    if (threadName.startsWith("GC Thread")
        || threadName.startsWith("G1 ")
        || threadName.startsWith("VM Thread")
        || threadName.startsWith("VM Periodic")) {
      return "gc";
    }
    return "work";
  }

  /** Ticks per category (jit, gc, work) of the server ({@code server}) or of its children. */
  private synchronized Map<String, Long> split(boolean server) {
    Map<String, Long> out = new HashMap<>(Map.of("jit", 0L, "gc", 0L, "work", 0L));
    threads.forEach(
        (key, seen) -> {
          if (inServer.get(key) == server) {
            out.merge(categories.get(key), seen[1] - seen[0], Long::sum);
          }
        });
    return out;
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

  /** CPU milliseconds per document of each process group and of the split, for {@code docs}. */
  String perDocument(int docs) {
    Map<String, Long> server = split(true);
    Map<String, Long> children = split(false);
    return String.format(
        "cpu ms per document: server %.1f (jit %.1f, gc %.1f, work %.1f), extraction children"
            + " %.1f (jit %.1f, gc %.1f, work %.1f), postgres %.1f, client %.1f",
        perDoc(used[0], docs),
        perDoc(server.get("jit"), docs),
        perDoc(server.get("gc"), docs),
        perDoc(server.get("work"), docs),
        perDoc(used[1], docs),
        perDoc(children.get("jit"), docs),
        perDoc(children.get("gc"), docs),
        perDoc(children.get("work"), docs),
        perDoc(used[2], docs),
        perDoc(used[3], docs));
  }

  private static double perDoc(long ticks, int docs) {
    return ticks * 10.0 / docs; // 100 ticks per second on Linux
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
