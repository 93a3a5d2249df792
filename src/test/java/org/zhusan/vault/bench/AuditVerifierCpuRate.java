package org.zhusan.vault.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.concurrent.Callable;

/**
 * The {@link AuditVerifierBenchmark} workloads timed by the CPU time of the thread that runs them
 * rather than by the wall clock: entries per CPU-second, i.e. per second of one core. On the
 * project's two cores, shared with other builds, JMH's wall-clock scores of the same code swing by
 * a factor of several between iterations (the thread waits for a core); CPU time does not count the
 * waiting, so the ratios between the workloads stay comparable. Each workload is warmed up, then
 * measured {@code rounds} times; the median is printed.
 *
 * <p>Run: {@code mvn -q -Pbench test -Dbench.main=org.zhusan.vault.bench.AuditVerifierCpuRate
 * -Dbench.args="30"} (rounds, default 30).
 */
public final class AuditVerifierCpuRate {

  private AuditVerifierCpuRate() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    AuditVerifierBenchmark b = new AuditVerifierBenchmark();
    b.buildExport();
    measure("verifyExport (JSON Lines)", rounds, b::verifyExport);
    measure("verifyBinaryExport", rounds, b::verifyBinaryExport);
    measure("encodeAndHash", rounds, b::encodeAndHash);
    measure("hashAndTreeBaseline", rounds, b::hashAndTreeBaseline);
    measure("sha256Baseline", rounds, b::sha256Baseline);
  }

  private static void measure(String name, int rounds, Callable<?> work) throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Object sink = null;
    for (int i = 0; i < Math.max(10, rounds / 2); i++) {
      sink = work.call();
    }
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    double[] rates = new double[rounds];
    double[] processRates = new double[rounds];
    for (int i = 0; i < rounds; i++) {
      long start = threads.getCurrentThreadCpuTime();
      long processStart = os.getProcessCpuTime();
      sink = work.call();
      long cpu = threads.getCurrentThreadCpuTime() - start;
      long processCpu = os.getProcessCpuTime() - processStart;
      rates[i] = AuditVerifierBenchmark.ENTRIES * 1e9 / cpu;
      processRates[i] = AuditVerifierBenchmark.ENTRIES * 1e9 / processCpu;
    }
    Arrays.sort(rates);
    Arrays.sort(processRates);
    System.out.printf(
        "%-28s %,12.0f entries per CPU-second of the thread (median of %d; min %,.0f, max %,.0f);"
            + " %,12.0f per CPU-second of the whole JVM, GC included%s%n",
        name,
        rates[rounds / 2],
        rounds,
        rates[0],
        rates[rounds - 1],
        processRates[rounds / 2],
        sink == null ? "!" : "");
  }
}
