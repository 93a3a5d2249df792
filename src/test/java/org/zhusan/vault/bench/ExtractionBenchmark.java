package org.zhusan.vault.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.zhusan.vault.documents.content.ChildClasspath;
import org.zhusan.vault.documents.content.ContainedExtractor;
import org.zhusan.vault.documents.content.ContentDetector;
import org.zhusan.vault.documents.content.DetectedType;
import org.zhusan.vault.documents.content.ExtractionLimits;
import org.zhusan.vault.documents.content.OcrSupport;

/**
 * Throughput of {@link ContainedExtractor} (one child JVM per document) next to in-process Tika
 * {@link AutoDetectParser} on the same files in the same run: every file of {@code
 * src/test/resources/corpus/documents} except the EBCDIC text the policy refuses, read into memory
 * first.
 *
 * <p>Each invocation extracts one document (round robin over the corpus), so JMH's {@code ops/s} is
 * documents per second; the {@code megabytes} counter is input MB per second. Run it with
 *
 * <pre>
 * mvn -q -Pbench test -Dbench.args="ExtractionBenchmark -f 1 -wi 1 -i 3"
 * </pre>
 *
 * (or {@code java -cp <test classpath> org.zhusan.vault.bench.ExtractionBenchmark}). The {@code
 * ...TwoThreads} variants run two callers at once, as the default child pool allows.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 1, time = 10)
@Measurement(iterations = 3, time = 20)
public class ExtractionBenchmark {

  /** The corpus, in memory. */
  @State(Scope.Benchmark)
  public static class Corpus {
    final List<byte[]> files = new ArrayList<>();
    final List<DetectedType> types = new ArrayList<>();
    ContainedExtractor contained;
    AutoDetectParser parser;

    @Setup(Level.Trial)
    public void load() throws IOException {
      Path root = Path.of(System.getProperty("vault.repo.root", System.getProperty("user.dir")));
      Path dir = root.resolve("src/test/resources/corpus/documents").normalize();
      ContentDetector detector = new ContentDetector();
      try (Stream<Path> list = Files.list(dir)) {
        for (Path file : list.sorted().collect(Collectors.toList())) {
          if (file.getFileName().toString().equals("english.cp500.txt")) {
            continue;
          }
          byte[] bytes = Files.readAllBytes(file);
          files.add(bytes);
          types.add(detector.detect(bytes));
        }
      }
      contained =
          new ContainedExtractor(
              ExtractionLimits.defaults(), ChildClasspath.derive(), OcrSupport.disabled());
      parser = new AutoDetectParser(TikaConfig.getDefaultConfig());
    }
  }

  /** Which file a thread extracts next, and how many bytes it has read. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Progress {
    int next;
    public double megabytes;

    int take(Corpus corpus) {
      int i = next;
      next = (next + 1) % corpus.files.size();
      megabytes += corpus.files.get(i).length / 1_000_000.0;
      return i;
    }
  }

  @Benchmark
  public void containedExtractor(Corpus corpus, Progress progress, Blackhole hole)
      throws IOException {
    int i = progress.take(corpus);
    hole.consume(
        corpus.contained.extract(
            new ByteArrayInputStream(corpus.files.get(i)), corpus.types.get(i), hole::consume));
  }

  @Benchmark
  @Threads(2)
  public void containedExtractorTwoThreads(Corpus corpus, Progress progress, Blackhole hole)
      throws IOException {
    containedExtractor(corpus, progress, hole);
  }

  @Benchmark
  public void inProcessTika(Corpus corpus, Progress progress, Blackhole hole) throws Exception {
    int i = progress.take(corpus);
    BodyContentHandler text = new BodyContentHandler(-1);
    try (TikaInputStream in = TikaInputStream.get(corpus.files.get(i))) {
      corpus.parser.parse(in, text, new Metadata(), new ParseContext());
    } catch (Exception e) {
      // same files as above; encrypted or odd ones just count as done
    }
    hole.consume(text.toString());
  }

  @Benchmark
  @Threads(2)
  public void inProcessTikaTwoThreads(Corpus corpus, Progress progress, Blackhole hole)
      throws Exception {
    inProcessTika(corpus, progress, hole);
  }

  public static void main(String[] args) throws Exception {
    String[] jmh = new String[args.length + 1];
    jmh[0] = ExtractionBenchmark.class.getSimpleName();
    System.arraycopy(args, 0, jmh, 1, args.length);
    org.openjdk.jmh.Main.main(jmh);
  }
}
