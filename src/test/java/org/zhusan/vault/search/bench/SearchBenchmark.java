package org.zhusan.vault.search.bench;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.zhusan.vault.crypto.Keyring;
import org.zhusan.vault.search.BlindToken;
import org.zhusan.vault.search.BlindTokens;
import org.zhusan.vault.search.Query;
import org.zhusan.vault.search.QueryParser;
import org.zhusan.vault.search.QuerySql;
import org.zhusan.vault.search.TermAnalyzer;
import org.zhusan.vault.search.TermFrequencies;

/**
 * Blind-token search against PostgreSQL's own full-text search over the same generated corpus, in
 * the same run and database.
 *
 * <ol>
 *   <li>Generates N documents (default 10,000; deterministic seed) of 200–400 words: 65% Russian,
 *       35% English, one in ten with a sentence in the other language. Words come from lists below:
 *       function words, domain nouns (Russian ones in all their case forms), verbs and adjectives,
 *       and a long tail of generated surnames/place names; each language is drawn Zipf-distributed
 *       (s = 1) over about 3,500 forms, which gives realistic posting-list lengths, from words in
 *       nearly every document to words in a handful.
 *   <li>Creates schema {@code search_bench} with {@code search_token} (the proposed DDL: primary
 *       key (token, version_id) INCLUDE (tf), index on version_id), filled by {@link
 *       TermFrequencies} and {@link BlindTokens} under a fixed test key, and {@code doc} with the
 *       plaintext and {@code tsv = to_tsvector('russian', body)} (Russian stemmer for Cyrillic,
 *       English for Latin words) under a GIN index. VACUUM ANALYZE.
 *   <li>Draws Q queries (default 200) of 1, 2 and 3 words, each from the words of one random
 *       document (so multi-word AND queries have hits), and runs every query on both sides, in
 *       random order, after a warm-up:
 *       <ul>
 *         <li>blind: {@link QueryParser#parse} (analysis + HMAC) + {@link QuerySql} wrapped in
 *             {@code ORDER BY score DESC, version_id LIMIT 20};
 *         <li>PostgreSQL: {@code WHERE tsv @@ plainto_tsquery('russian', ?) ORDER BY ts_rank(tsv,
 *             q) DESC, id LIMIT 20}.
 *       </ul>
 *       Latency is wall-clock per query at the client: prepare, bind, execute, fetch.
 *   <li>Prints p50/p95 per query size for both and the ratio, checks that both find the same number
 *       of documents for a sample of queries, and drops the schema.
 * </ol>
 *
 * <p>Run: {@code mvn -q -o -Pbench test -Dbench.main=org.zhusan.vault.search.bench.SearchBenchmark
 * -Dbench.args="[--docs N] [--queries Q] [--seed S] [--keep]"}; JDBC URL from {@code
 * -Dbench.db.url} (default {@code jdbc:postgresql://127.0.0.1:5432/postgres}), user {@code
 * postgres}, no password.
 */
public final class SearchBenchmark {
  private static final String SCHEMA = "search_bench";
  private static final int PAGE = 20;
  private static final int WARMUP_QUERIES = 60;
  private static final int CHECKED_QUERIES = 60;

  private SearchBenchmark() {}

  public static void main(String[] args) throws Exception {
    int docs = 10_000;
    int queries = 200;
    long seed = 20_240_501L;
    boolean keep = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--docs":
          docs = Integer.parseInt(args[++i]);
          break;
        case "--queries":
          queries = Integer.parseInt(args[++i]);
          break;
        case "--seed":
          seed = Long.parseLong(args[++i]);
          break;
        case "--keep":
          keep = true;
          break;
        default:
          throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    String url = System.getProperty("bench.db.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
    new SearchBenchmark().run(url, docs, queries, seed, keep);
  }

  private void run(String url, int docCount, int queryCount, long seed, boolean keep)
      throws Exception {
    Random random = new Random(seed);
    Corpus corpus = new Corpus(random);
    System.out.printf(Locale.ROOT, "Generating %,d documents ...%n", docCount);
    List<Doc> docs = new ArrayList<>(docCount);
    long words = 0;
    for (int i = 0; i < docCount; i++) {
      Doc d = corpus.document(new UUID(seed, i));
      words += d.words.size();
      docs.add(d);
    }
    System.out.printf(
        Locale.ROOT,
        "  %,d words, %.1f MB of text, %d%% Russian%n",
        words,
        docs.stream().mapToLong(d -> d.body.length()).sum() / 1e6,
        100 * docs.stream().filter(d -> d.russian).count() / docCount);

    byte[] blindKey = new byte[32];
    Arrays.fill(blindKey, (byte) 0x5a);
    Keyring keyring = Keyring.insecureFromRawKeys(Map.of(1, new byte[32]), blindKey);
    BlindTokens tokens = BlindTokens.create(keyring);

    try (TermAnalyzer analyzer = new TermAnalyzer();
        Connection db = DriverManager.getConnection(url, "postgres", "")) {
      try (Statement s = db.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT version(), current_setting('jit'), current_setting('work_mem')")) {
        rs.next();
        System.out.printf(
            "PostgreSQL: %s (jit=%s, work_mem=%s)%n",
            rs.getString(1), rs.getString(2), rs.getString(3));
      }
      try {
        createSchema(db);
        load(db, docs, analyzer, tokens);
        QueryParser parser = new QueryParser(analyzer, tokens);
        List<List<String>> queries = new ArrayList<>();
        for (int size = 1; size <= 3; size++) {
          for (int i = 0; i < queryCount; i++) {
            queries.add(corpus.queryFrom(docs.get(random.nextInt(docs.size())), size));
          }
        }
        checkAgreement(db, parser, queries, random);
        measure(db, parser, queries, queryCount, random);
      } finally {
        if (!keep) {
          try (Statement s = db.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
          }
          System.out.println("Dropped schema " + SCHEMA + ".");
        } else {
          System.out.println("Kept schema " + SCHEMA + " (--keep).");
        }
      }
    }
  }

  // ---- Database ----

  private static void createSchema(Connection db) throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
      s.execute("CREATE SCHEMA " + SCHEMA);
      s.execute("SET search_path TO " + SCHEMA);
      s.execute(
          "CREATE TABLE search_token ("
              + " version_id UUID NOT NULL,"
              + " token BYTEA NOT NULL CHECK (octet_length(token) = 16),"
              + " tf INTEGER NOT NULL CHECK (tf > 0))");
      s.execute("CREATE TABLE doc (id UUID PRIMARY KEY, body TEXT NOT NULL, tsv TSVECTOR)");
    }
  }

  private static void load(Connection db, List<Doc> docs, TermAnalyzer analyzer, BlindTokens tokens)
      throws SQLException, IOException {
    CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();

    long t0 = System.nanoTime();
    StringBuilder rows = new StringBuilder(1 << 20);
    long tokenRows = 0;
    long truncated = 0;
    for (Doc d : docs) {
      // The extractor hands text over in chunks; imitate that with 4 KiB pieces.
      List<String> chunks = new ArrayList<>();
      for (int i = 0; i < d.body.length(); i += 4096) {
        chunks.add(d.body.substring(i, Math.min(d.body.length(), i + 4096)));
      }
      TermFrequencies tf = TermFrequencies.of(analyzer, tokens, chunks);
      truncated += tf.truncated() ? 1 : 0;
      for (Map.Entry<BlindToken, Integer> e : tf.counts().entrySet()) {
        rows.append(d.id)
            .append("\t\\\\x")
            .append(e.getKey().toHex())
            .append('\t')
            .append(e.getValue())
            .append('\n');
        tokenRows++;
      }
      if (rows.length() > (1 << 20)) {
        copy.copyIn(
            "COPY search_token (version_id, token, tf) FROM STDIN",
            new StringReader(rows.toString()));
        rows.setLength(0);
      }
    }
    copy.copyIn(
        "COPY search_token (version_id, token, tf) FROM STDIN", new StringReader(rows.toString()));
    long t1 = System.nanoTime();
    try (Statement s = db.createStatement()) {
      s.execute("ALTER TABLE search_token ADD PRIMARY KEY (token, version_id) INCLUDE (tf)");
      s.execute("CREATE INDEX search_token_version_idx ON search_token (version_id)");
    }
    long t2 = System.nanoTime();
    System.out.printf(
        Locale.ROOT,
        "Blind index: %,d rows (%.1f per document, %d truncated); analyse+HMAC+COPY %.1f s, indexes"
            + " %.1f s%n",
        tokenRows,
        tokenRows / (double) docs.size(),
        truncated,
        (t1 - t0) / 1e9,
        (t2 - t1) / 1e9);

    rows.setLength(0);
    for (Doc d : docs) {
      rows.append(d.id).append('\t').append(copyEscape(d.body)).append('\n');
      if (rows.length() > (1 << 20)) {
        copy.copyIn("COPY doc (id, body) FROM STDIN", new StringReader(rows.toString()));
        rows.setLength(0);
      }
    }
    copy.copyIn("COPY doc (id, body) FROM STDIN", new StringReader(rows.toString()));
    long t3 = System.nanoTime();
    try (Statement s = db.createStatement()) {
      s.execute("UPDATE doc SET tsv = to_tsvector('russian', body)");
      s.execute("CREATE INDEX doc_tsv_idx ON doc USING GIN (tsv)");
    }
    long t4 = System.nanoTime();
    try (Statement s = db.createStatement()) {
      s.execute("VACUUM ANALYZE search_token");
      s.execute("VACUUM ANALYZE doc");
    }
    try (Statement s = db.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT pg_total_relation_size('search_token'), pg_total_relation_size('doc'),"
                    + " pg_relation_size('doc_tsv_idx')")) {
      rs.next();
      System.out.printf(
          Locale.ROOT,
          "PostgreSQL FTS: COPY %.1f s, to_tsvector+GIN %.1f s%nSizes: search_token+indexes %.1f"
              + " MB; doc (text+tsvector+indexes) %.1f MB, of which GIN %.1f MB%n",
          (t3 - t2) / 1e9,
          (t4 - t3) / 1e9,
          rs.getLong(1) / 1e6,
          rs.getLong(2) / 1e6,
          rs.getLong(3) / 1e6);
    }
  }

  /** COPY text format: backslash, newline, carriage return and tab are escaped. */
  private static String copyEscape(String s) {
    return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
  }

  private static String blindSql(QuerySql.Fragment f) {
    return "SELECT h.version_id, h.score FROM ("
        + f.sql()
        + ") AS h ORDER BY h.score DESC, h.version_id LIMIT "
        + PAGE;
  }

  private static final String FTS_SQL =
      "SELECT d.id, ts_rank(d.tsv, q) AS rank FROM doc d, plainto_tsquery('russian', ?) AS q"
          + " WHERE d.tsv @@ q ORDER BY rank DESC, d.id LIMIT "
          + PAGE;

  /** One blind query, timed from the query string (parse, analyse, HMAC) to the last row. */
  private static long timeBlind(Connection db, QueryParser parser, String query)
      throws SQLException {
    long t0 = System.nanoTime();
    Query q = parser.parse(query);
    QuerySql.Fragment f = QuerySql.candidates(q);
    try (PreparedStatement ps = db.prepareStatement(blindSql(f))) {
      f.bind(ps, 1);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rs.getObject(1);
        }
      }
    }
    return System.nanoTime() - t0;
  }

  private static long timeFts(Connection db, String query) throws SQLException {
    long t0 = System.nanoTime();
    try (PreparedStatement ps = db.prepareStatement(FTS_SQL)) {
      ps.setString(1, query);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rs.getObject(1);
        }
      }
    }
    return System.nanoTime() - t0;
  }

  /** Match-only variants: count every hit, no ranking (the cost of evaluating the query). */
  private static long timeBlindCount(Connection db, QueryParser parser, String query)
      throws SQLException {
    long t0 = System.nanoTime();
    QuerySql.Fragment f = QuerySql.candidates(parser.parse(query));
    try (PreparedStatement ps =
        db.prepareStatement("SELECT count(*) FROM (" + f.sql() + ") AS h")) {
      f.bind(ps, 1);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
      }
    }
    return System.nanoTime() - t0;
  }

  private static long timeFtsCount(Connection db, String query) throws SQLException {
    long t0 = System.nanoTime();
    try (PreparedStatement ps =
        db.prepareStatement(
            "SELECT count(*) FROM doc WHERE tsv @@ plainto_tsquery('russian', ?)")) {
      ps.setString(1, query);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
      }
    }
    return System.nanoTime() - t0;
  }

  /** Hit counts of both engines for a sample of queries (untimed): a sanity check on semantics. */
  private static void checkAgreement(
      Connection db, QueryParser parser, List<List<String>> queries, Random random)
      throws SQLException {
    int same = 0;
    int within5 = 0;
    long blindTotal = 0;
    long ftsTotal = 0;
    for (int i = 0; i < CHECKED_QUERIES; i++) {
      String query = String.join(" ", queries.get(random.nextInt(queries.size())));
      QuerySql.Fragment f = QuerySql.candidates(parser.parse(query));
      long blind;
      try (PreparedStatement ps =
          db.prepareStatement("SELECT count(*) FROM (" + f.sql() + ") AS h")) {
        f.bind(ps, 1);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          blind = rs.getLong(1);
        }
      }
      long fts;
      try (PreparedStatement ps =
          db.prepareStatement(
              "SELECT count(*) FROM doc WHERE tsv @@ plainto_tsquery('russian', ?)")) {
        ps.setString(1, query);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          fts = rs.getLong(1);
        }
      }
      blindTotal += blind;
      ftsTotal += fts;
      same += blind == fts ? 1 : 0;
      within5 += Math.abs(blind - fts) <= Math.max(fts, blind) * 0.05 ? 1 : 0;
    }
    System.out.printf(
        Locale.ROOT,
        "Hit counts, %d sampled queries: identical for %d, within 5%% for %d; mean hits blind %.0f,"
            + " PostgreSQL %.0f%n",
        CHECKED_QUERIES,
        same,
        within5,
        blindTotal / (double) CHECKED_QUERIES,
        ftsTotal / (double) CHECKED_QUERIES);
  }

  private interface Timer {
    long time(String query) throws SQLException;
  }

  private static void measure(
      Connection db, QueryParser parser, List<List<String>> queries, int perSize, Random random)
      throws SQLException {
    for (int i = 0; i < WARMUP_QUERIES; i++) {
      String q = String.join(" ", queries.get(random.nextInt(queries.size())));
      timeBlind(db, parser, q);
      timeFts(db, q);
    }
    table(
        String.format(
            Locale.ROOT,
            "Ranked page: top %d by score (blind: sum of tf; FTS: ts_rank), %d queries per size",
            PAGE,
            perSize),
        queries,
        perSize,
        random,
        q -> timeBlind(db, parser, q),
        q -> timeFts(db, q));
    table(
        "Match only: count(*) of all hits, no ranking",
        queries,
        perSize,
        random,
        q -> timeBlindCount(db, parser, q),
        q -> timeFtsCount(db, q));
  }

  private static void table(
      String title,
      List<List<String>> queries,
      int perSize,
      Random random,
      Timer blindTimer,
      Timer ftsTimer)
      throws SQLException {
    System.out.printf(Locale.ROOT, "%n%s; latency in ms, client wall clock:%n", title);
    System.out.printf(
        Locale.ROOT,
        "%-5s | %-11s %8s | %-13s %8s | %s%n",
        "words",
        "blind p50",
        "p95",
        "PG FTS p50",
        "p95",
        "p95 blind/FTS");
    for (int size = 1; size <= 3; size++) {
      long[] blind = new long[perSize];
      long[] fts = new long[perSize];
      for (int i = 0; i < perSize; i++) {
        String q = String.join(" ", queries.get((size - 1) * perSize + i));
        if (random.nextBoolean()) {
          blind[i] = blindTimer.time(q);
          fts[i] = ftsTimer.time(q);
        } else {
          fts[i] = ftsTimer.time(q);
          blind[i] = blindTimer.time(q);
        }
      }
      Arrays.sort(blind);
      Arrays.sort(fts);
      System.out.printf(
          Locale.ROOT,
          "%-5d | %11.2f %8.2f | %13.2f %8.2f | %.2f%n",
          size,
          ms(percentile(blind, 50)),
          ms(percentile(blind, 95)),
          ms(percentile(fts, 50)),
          ms(percentile(fts, 95)),
          percentile(blind, 95) / (double) percentile(fts, 95));
    }
  }

  private static long percentile(long[] sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  // ---- Corpus ----

  private static final class Doc {
    final UUID id;
    final String body;
    final List<String> words;
    final boolean russian;

    Doc(UUID id, String body, List<String> words, boolean russian) {
      this.id = id;
      this.body = body;
      this.words = words;
      this.russian = russian;
    }
  }

  /** Deterministic text generator: Zipf-distributed words from the lists below. */
  private static final class Corpus {
    private final Random random;
    private final Vocabulary english;
    private final Vocabulary russian;

    Corpus(Random random) {
      this.random = random;
      this.english =
          new Vocabulary(EN_FUNCTION, englishContent(), pseudoWords(random, LATIN, 3000));
      this.russian =
          new Vocabulary(RU_FUNCTION, russianContent(), pseudoWords(random, CYRILLIC, 3000));
    }

    Doc document(UUID id) {
      boolean isRussian = random.nextInt(100) < 65;
      Vocabulary main = isRussian ? russian : english;
      Vocabulary other = isRussian ? english : russian;
      int length = 200 + random.nextInt(201);
      boolean mixed = random.nextInt(10) == 0;
      int foreignStart = mixed ? random.nextInt(length - 12) : -1;
      StringBuilder body = new StringBuilder(length * 9);
      List<String> words = new ArrayList<>(length);
      int sentence = 0;
      for (int i = 0; i < length; i++) {
        Vocabulary v = i >= foreignStart && i < foreignStart + 12 && mixed ? other : main;
        String w = v.draw(random);
        words.add(w);
        if (sentence == 0 && !w.isEmpty()) {
          body.append(Character.toUpperCase(w.charAt(0))).append(w, 1, w.length());
        } else {
          body.append(w);
        }
        sentence++;
        if (sentence > 7 && random.nextInt(8) == 0) {
          body.append(random.nextInt(5) == 0 ? ";\n" : ". ");
          sentence = 0;
        } else if (random.nextInt(15) == 0) {
          body.append(", ");
        } else {
          body.append(' ');
        }
      }
      return new Doc(id, body.toString().trim(), words, isRussian);
    }

    /** {@code size} distinct content words (no function words) from one document. */
    List<String> queryFrom(Doc doc, int size) {
      Set<String> picked = new HashSet<>();
      List<String> out = new ArrayList<>();
      while (out.size() < size) {
        String w = doc.words.get(random.nextInt(doc.words.size()));
        if (!english.isFunctionWord(w) && !russian.isFunctionWord(w) && picked.add(w)) {
          out.add(w);
        }
      }
      return out;
    }
  }

  /** Function words first, then content words, then the long tail; drawn Zipf(s = 1) by rank. */
  private static final class Vocabulary {
    private final String[] ranked;
    private final double[] cumulative;
    private final Set<String> functionWords;

    Vocabulary(List<String> function, List<String> content, List<String> tail) {
      functionWords = new HashSet<>(function);
      List<String> all = new ArrayList<>(function);
      // Content words in a fixed shuffled order, so the forms of one noun get unrelated ranks.
      List<String> shuffled = new ArrayList<>(content);
      java.util.Collections.shuffle(shuffled, new Random(content.size()));
      all.addAll(shuffled);
      all.addAll(tail);
      ranked = all.toArray(new String[0]);
      cumulative = new double[ranked.length];
      double sum = 0;
      for (int r = 0; r < ranked.length; r++) {
        sum += 1.0 / (r + 1);
        cumulative[r] = sum;
      }
      for (int r = 0; r < ranked.length; r++) {
        cumulative[r] /= sum;
      }
    }

    String draw(Random random) {
      int i = Arrays.binarySearch(cumulative, random.nextDouble());
      return ranked[Math.min(ranked.length - 1, i < 0 ? -i - 1 : i)];
    }

    boolean isFunctionWord(String w) {
      return functionWords.contains(w);
    }
  }

  private static final String[] LATIN =
      words(
          "ba ka ma ta ra sa na la da ga be ke me te re se ne le de ri ni li di ki mo to ro no lo"
              + " ku tu ru nu bek tan gul zhan bay khan ov ova in ina yer sal ay");
  private static final String[] CYRILLIC =
      words(
          "ба ка ма та ра са на ла да га бе ке ме те ре се не ле де ри ни ли ди ки мо то ро но ло"
              + " ку ту ру ну бек тан гуль жан бай хан ов ова ин ина ер сал ай");

  /** Generated names: 2–4 syllables, distinct. */
  private static List<String> pseudoWords(Random random, String[] syllables, int count) {
    Set<String> out = new java.util.LinkedHashSet<>();
    while (out.size() < count) {
      int n = 2 + random.nextInt(3);
      StringBuilder w = new StringBuilder();
      for (int i = 0; i < n; i++) {
        w.append(syllables[random.nextInt(syllables.length)]);
      }
      out.add(w.toString());
    }
    return new ArrayList<>(out);
  }

  private static final List<String> EN_FUNCTION =
      List.of(
          words(
              "the of and to in a is was for on with by that at as be from this are it or not an"
                  + " were has had her his their which"));

  private static List<String> englishContent() {
    List<String> out = new ArrayList<>();
    String[] nouns =
        words(
            "court hearing child mother woman lawyer judge ruling appeal case evaluation assessment"
                + " report psychologist psychiatrist doctor treatment therapy session school"
                + " teacher class centre programme rehabilitation reintegration adaptation document"
                + " record file passport certificate family guardian relative community region"
                + " village city ministry partner organisation project meeting interview statement"
                + " witness prosecutor charge sentence decision order request consent letter note"
                + " plan goal progress outcome risk need support service visit month week year day"
                + " health diagnosis symptom medication trauma anxiety sleep behaviour emotion"
                + " skill activity group worker staff officer police border return travel camp"
                + " conflict zone ideology belief religion theologian imam lesson preschool"
                + " kindergarten grade exam score language address house employment job income"
                + " benefit payment insurance clinic hospital vaccination nutrition weight height"
                + " birth age identity name");
    for (String n : nouns) {
      out.add(n);
      out.add(
          n.endsWith("y") && !n.endsWith("ay") ? n.substring(0, n.length() - 1) + "ies" : n + "s");
    }
    String[] verbs =
        words(
            "evaluate assess attend refuse agree report review schedule postpone adjourn approve"
                + " reject examine interview visit support enrol return transfer discuss observe"
                + " recommend complete request submit sign record");
    for (String v : verbs) {
      String base = v.endsWith("e") ? v.substring(0, v.length() - 1) : v;
      out.add(v);
      out.add(v + "s");
      out.add(base + "ed");
      out.add(base + "ing");
    }
    String[] adjectives =
        words(
            "stable anxious calm positive negative legal medical psychological social criminal"
                + " regional national initial final urgent confidential young older new previous");
    out.addAll(List.of(adjectives));
    return out;
  }

  private static final List<String> RU_FUNCTION =
      List.of(
          words(
              "и в на с по не что о для к из от до за при как она он её его также был была было"
                  + " были это или у со без"));

  private static List<String> russianContent() {
    List<String> out = new ArrayList<>();
    String[] masculine =
        words(
            "суд документ адвокат прокурор психолог центр отчёт специалист приговор протокол"
                + " диагноз процесс закон договор паспорт вопрос результат работник учитель план"
                + " визит месяц год город район регион класс урок экзамен доход адрес дом сон страх"
                + " риск уход контроль надзор запрос ответ приказ статус этап срок опекун"
                + " родственник свидетель следователь терапевт педиатр врач конфликт лагерь возврат"
                + " переезд навык прогресс выход отказ совет");
    for (String n : masculine) {
      for (String e : new String[] {"", "а", "у", "ом", "е", "ы", "ов", "ам", "ами", "ах"}) {
        out.add(spell(n, e));
      }
    }
    String[] feminine =
        words(
            "оценка мать женщина семья школа справка встреча беседа программа реабилитация"
                + " адаптация реинтеграция работа помощь поддержка угроза травма тревога группа"
                + " занятие цель неделя дата подпись заявка жалоба записка карта выписка экспертиза"
                + " комиссия служба полиция граница идеология религия вера книга задача проверка");
    for (String n : feminine) {
      if (n.endsWith("ия")) {
        String stem = n.substring(0, n.length() - 2);
        for (String e : new String[] {"ия", "ии", "ию", "ией", "ий", "иям", "иями", "иях"}) {
          out.add(stem + e);
        }
      } else if (n.endsWith("а")) {
        String stem = n.substring(0, n.length() - 1);
        for (String e : new String[] {"а", "ы", "е", "у", "ой", "ам", "ами", "ах"}) {
          out.add(spell(stem, e));
        }
      } else {
        out.add(n);
      }
    }
    String[] neuter =
        words(
            "решение слушание заключение обследование лечение поведение состояние образование"
                + " обучение заявление согласие постановление определение назначение направление"
                + " наблюдение развитие здоровье отделение учреждение");
    for (String n : neuter) {
      String stem = n.substring(0, n.length() - 2);
      for (String e : new String[] {"ие", "ия", "ию", "ием", "ии", "ий", "иям", "иями", "иях"}) {
        out.add(stem + e);
      }
    }
    String[] adjectives =
        words(
            "судебн медицинск психологическ социальн уголовн региональн первичн повторн стабильн"
                + " тревожн спокойн положительн отрицательн срочн конфиденциальн нов прежн");
    for (String a : adjectives) {
      for (String e :
          new String[] {"ый", "ого", "ому", "ым", "ом", "ая", "ой", "ую", "ые", "ых", "ыми"}) {
        out.add(spell(a, e));
      }
    }
    out.addAll(
        List.of(
            words(
                "ребёнок ребёнка ребёнку ребёнком ребёнке дети детей детям детьми рассмотрел"
                    + " рассмотрела рассмотрено назначил назначила назначено провёл провела"
                    + " проведено отказался отказалась посещает посещают посещала оценил оценила"
                    + " оценивает поступила поступил вернулась вернулся подготовил подготовила"
                    + " подписала подписал рекомендовано рекомендует")));
    return out;
  }

  /** The words of a space-separated list. */
  private static String[] words(String list) {
    return list.trim().split("\\s+");
  }

  /** Russian spelling rules: ы → и after к г х ж ш ч щ; ого/ом etc. unchanged. */
  private static String spell(String stem, String ending) {
    if (stem.endsWith("ь") && !ending.isEmpty()) {
      stem = stem.substring(0, stem.length() - 1);
      ending = ending.replace('ы', 'и').replace('о', 'е').replace('а', 'я');
    }
    char last = stem.charAt(stem.length() - 1);
    if ("кгхжшчщ".indexOf(last) >= 0 && ending.startsWith("ы")) {
      ending = "и" + ending.substring(1);
    }
    return stem + ending;
  }
}
