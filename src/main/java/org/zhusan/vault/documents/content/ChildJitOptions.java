package org.zhusan.vault.documents.content;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The JIT compiler options of the extraction child JVMs ({@code
 * vault.extraction.child-jit-options}).
 *
 * <p><b>Why C1 only by default</b> ({@value #DEFAULT}): a child parses small documents with many
 * different parsers (PDFBox, POI, the ODF and RTF parsers, image metadata readers), so its CPU goes
 * to compiling as much as to running. With both compilers a warm child spent about 14 ms of CPU per
 * document of the test corpus in steady state, much of it in the C2 compiler threads re-optimising
 * code that runs a few thousand times per child; with C1 only about 8 ms (docs/extraction.md,
 * "Benchmark"). A child is also recycled every {@code documents-per-child} documents, which throws
 * C2's work away with it. The few very long documents (a 1 MB PDF) parse somewhat slower under C1,
 * which the time limit is generous enough to absorb. {@code -XX:TieredStopAtLevel=4} gives both
 * compilers back.
 *
 * <p><b>Only JIT options.</b> The child's isolation is in its other JVM options (heap limit, exit
 * on out-of-memory, no dumps, private temporary directory), so this setting accepts only the
 * options below and is placed on the command line before the isolation options, which therefore win
 * even if a later JVM accepted something here that touched them:
 *
 * <ul>
 *   <li>{@code -XX:TieredStopAtLevel=<0..4>}
 *   <li>{@code -XX:+TieredCompilation}, {@code -XX:-TieredCompilation}
 *   <li>{@code -XX:CICompilerCount=<n>}
 *   <li>{@code -XX:ReservedCodeCacheSize=<size>}
 *   <li>{@code -XX:+UseDynamicNumberOfCompilerThreads}, {@code
 *       -XX:-UseDynamicNumberOfCompilerThreads}
 * </ul>
 *
 * @param options the JVM options, in order; empty for the JVM's defaults (both compilers)
 */
public record ChildJitOptions(List<String> options) {
  /** The default: the C1 compiler only. */
  public static final String DEFAULT = "-XX:TieredStopAtLevel=1";

  private static final Pattern ALLOWED =
      Pattern.compile(
          "-XX:TieredStopAtLevel=[0-4]"
              + "|-XX:[+-]TieredCompilation"
              + "|-XX:CICompilerCount=[1-9][0-9]{0,2}"
              + "|-XX:ReservedCodeCacheSize=[1-9][0-9]{0,9}[kKmMgG]?"
              + "|-XX:[+-]UseDynamicNumberOfCompilerThreads");

  public ChildJitOptions {
    options = List.copyOf(options);
    for (String option : options) {
      if (!ALLOWED.matcher(option).matches()) {
        throw new IllegalArgumentException(
            "vault.extraction.child-jit-options: \""
                + option
                + "\" is not one of the JIT options the extraction child accepts"
                + " (TieredStopAtLevel, TieredCompilation, CICompilerCount, ReservedCodeCacheSize,"
                + " UseDynamicNumberOfCompilerThreads)");
      }
    }
  }

  /** The default, {@value #DEFAULT}. */
  public static ChildJitOptions defaults() {
    return parse(DEFAULT);
  }

  /** Options separated by white space; blank gives none (the JVM's own defaults). */
  public static ChildJitOptions parse(String text) {
    String trimmed = text == null ? "" : text.trim();
    return new ChildJitOptions(
        trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split("\\s+")));
  }

  @Override
  public String toString() {
    return options.isEmpty() ? "JVM defaults" : String.join(" ", options);
  }
}
