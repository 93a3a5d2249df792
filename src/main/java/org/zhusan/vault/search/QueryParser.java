package org.zhusan.vault.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Parses the vault's search language into a {@link Query} of blind tokens.
 *
 * <h2>Language</h2>
 *
 * <pre>
 * query   = or
 * or      = and { "OR" and }
 * and     = unary { [ "AND" ] unary }         (juxtaposition is AND)
 * unary   = "NOT" unary | primary
 * primary = word | "(" or ")"
 * </pre>
 *
 * <ul>
 *   <li>Operators are the upper-case words {@code AND}, {@code OR}, {@code NOT}; precedence NOT
 *       &gt; AND &gt; OR, so {@code a OR b c} is {@code a OR (b AND c)} and {@code NOT a b} is
 *       {@code (NOT a) AND b}. Lower-case "and", "or", "not" (and "и", "или", "не") are ordinary
 *       words, and being stop words they are dropped.
 *   <li>Parentheses group, nested at most {@value #MAX_DEPTH} deep.
 *   <li>A word matches whole stems: "суда" finds суд, суда, судом …; "hearing" finds hearings.
 *       There are no wildcards or prefixes: {@code *} is rejected, and so are quotes (no phrase
 *       search) and a leading {@code -} on a word (write NOT).
 *   <li>A word the tokenizer splits ("e-mail", "2-1234/2024") is the AND of its parts. Stop words
 *       of any supported language are dropped; a query with nothing else is rejected.
 *   <li>At least one word must be positive in every alternative: {@code NOT a} and {@code a OR NOT
 *       b} are rejected (they would match almost everything).
 *   <li>Limits: {@value #MAX_QUERY_CHARS} characters, {@value #MAX_TERMS} searchable words.
 * </ul>
 *
 * <p>Errors are {@link QuerySyntaxException}s whose messages never contain the query's words.
 *
 * <p>Thread safety: immutable; safe for concurrent use if the analyser is (it is).
 */
public final class QueryParser {
  /** Longest accepted query, in characters. */
  public static final int MAX_QUERY_CHARS = 512;

  /** Most searchable terms (leaves) in one query. */
  public static final int MAX_TERMS = 16;

  /** Deepest parenthesis nesting. */
  public static final int MAX_DEPTH = 8;

  private final TermAnalyzer analyzer;
  private final List<BlindTokens> tokens;

  /** A parser that stems with {@code analyzer} and blinds with {@code tokens}. */
  public QueryParser(TermAnalyzer analyzer, BlindTokens tokens) {
    this(analyzer, List.of(Objects.requireNonNull(tokens, "tokens are required.")));
  }

  /**
   * A parser that blinds every stem under each of {@code tokens} (one per blind-index key version
   * in use, during a key rotation): a word's {@link Query.Term} then holds its stems' tokens under
   * every version. Each document version's tokens are all under one key version, so for any
   * document the term matches exactly when it would under that document's key alone, and its score
   * (the sum of tf over the term's tokens present) is unchanged; AND, OR and NOT keep their
   * meaning.
   */
  public QueryParser(TermAnalyzer analyzer, List<BlindTokens> tokens) {
    this.analyzer = Objects.requireNonNull(analyzer, "analyzer is required.");
    Objects.requireNonNull(tokens, "tokens are required.");
    if (tokens.isEmpty()) {
      throw new IllegalArgumentException("at least one key version's tokens are required");
    }
    this.tokens = List.copyOf(tokens);
  }

  /**
   * Parses {@code query}.
   *
   * @throws QuerySyntaxException if the query is empty, too long, malformed, has no searchable
   *     word, too many words, or no positive word
   */
  public Query parse(String query) {
    Objects.requireNonNull(query, "query is required.");
    if (query.length() > MAX_QUERY_CHARS) {
      throw new QuerySyntaxException(
          "The query is too long: at most " + MAX_QUERY_CHARS + " characters.");
    }
    List<Lexeme> lexemes = lex(query);
    if (lexemes.isEmpty()) {
      throw new QuerySyntaxException("The query is empty.");
    }
    Query result =
        toQuery(new Syntax(lexemes).parse())
            .orElseThrow(
                () ->
                    new QuerySyntaxException(
                        "The query has no searchable words: very common words such as"
                            + " \"the\" or \"и\" are not indexed."));
    if (result.termCount() > MAX_TERMS) {
      throw new QuerySyntaxException("Too many words: at most " + MAX_TERMS + " can be searched.");
    }
    if (!result.isAnchored()) {
      throw new QuerySyntaxException(
          "NOT only excludes: the query needs at least one word without NOT"
              + (hasPositiveTerm(result) ? " in every OR alternative." : "."));
    }
    return result;
  }

  /** Whether some leaf is not under a NOT. */
  private static boolean hasPositiveTerm(Query q) {
    if (q instanceof Query.Term) {
      return true;
    }
    if (q instanceof Query.Not) {
      return false;
    }
    List<Query> operands =
        q instanceof Query.And ? ((Query.And) q).operands() : ((Query.Or) q).operands();
    return operands.stream().anyMatch(QueryParser::hasPositiveTerm);
  }

  // ---- Lexing ----

  private enum Kind {
    WORD,
    AND,
    OR,
    NOT,
    OPEN,
    CLOSE
  }

  /** A lexeme and its 1-based position; {@code text} only for words. */
  private static final class Lexeme {
    final Kind kind;
    final String text;
    final int position;

    Lexeme(Kind kind, String text, int position) {
      this.kind = kind;
      this.text = text;
      this.position = position;
    }

    String describe() {
      switch (kind) {
        case OPEN:
          return "'('";
        case CLOSE:
          return "')'";
        case WORD:
          return "a word";
        default:
          return kind.name();
      }
    }
  }

  private static List<Lexeme> lex(String query) {
    List<Lexeme> out = new ArrayList<>();
    int i = 0;
    while (i < query.length()) {
      char c = query.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        i++;
      } else if (c == '(' || c == ')') {
        out.add(new Lexeme(c == '(' ? Kind.OPEN : Kind.CLOSE, null, i + 1));
        i++;
      } else {
        int start = i;
        while (i < query.length()) {
          char d = query.charAt(i);
          if (Character.isWhitespace(d) || Character.isSpaceChar(d) || d == '(' || d == ')') {
            break;
          }
          i++;
        }
        out.add(word(query.substring(start, i), start + 1));
      }
    }
    return out;
  }

  private static Lexeme word(String text, int position) {
    switch (text) {
      case "AND":
        return new Lexeme(Kind.AND, null, position);
      case "OR":
        return new Lexeme(Kind.OR, null, position);
      case "NOT":
        return new Lexeme(Kind.NOT, null, position);
      default:
        break;
    }
    int star = text.indexOf('*');
    if (star >= 0) {
      throw new QuerySyntaxException(
          "Wildcards ('*') are not supported: a word matches its whole forms, e.g. \"court\" also"
              + " finds \"courts\".",
          position + star);
    }
    int quote = text.indexOf('"');
    if (quote >= 0) {
      throw new QuerySyntaxException(
          "Quotes are not supported: there is no phrase search; words are combined with AND.",
          position + quote);
    }
    if (text.length() > 1 && text.charAt(0) == '-' && Character.isLetterOrDigit(text.charAt(1))) {
      throw new QuerySyntaxException("To exclude a word, write NOT before it.", position);
    }
    return new Lexeme(Kind.WORD, text, position);
  }

  // ---- Syntax: a tree of words, before analysis ----

  private interface Node {}

  private static final class Word implements Node {
    final String text;

    Word(String text) {
      this.text = text;
    }
  }

  private static final class AndNode implements Node {
    final List<Node> operands;

    AndNode(List<Node> operands) {
      this.operands = operands;
    }
  }

  private static final class OrNode implements Node {
    final List<Node> operands;

    OrNode(List<Node> operands) {
      this.operands = operands;
    }
  }

  private static final class NotNode implements Node {
    final Node operand;

    NotNode(Node operand) {
      this.operand = operand;
    }
  }

  /** Recursive descent over the lexemes. */
  private static final class Syntax {
    private final List<Lexeme> lexemes;
    private int next;
    private int depth;

    Syntax(List<Lexeme> lexemes) {
      this.lexemes = lexemes;
    }

    Node parse() {
      Node node = or();
      if (next < lexemes.size()) {
        Lexeme extra = lexemes.get(next);
        // Only ')' can stop a complete expression early.
        throw new QuerySyntaxException(
            "Unmatched ')' at position " + extra.position + ".", extra.position);
      }
      return node;
    }

    private Node or() {
      List<Node> operands = new ArrayList<>();
      operands.add(and());
      while (peek(Kind.OR)) {
        Lexeme operator = lexemes.get(next++);
        requireOperand(operator);
        operands.add(and());
      }
      return operands.size() == 1 ? operands.get(0) : new OrNode(operands);
    }

    private Node and() {
      List<Node> operands = new ArrayList<>();
      operands.add(unary());
      while (true) {
        if (peek(Kind.AND)) {
          Lexeme operator = lexemes.get(next++);
          requireOperand(operator);
        } else if (!startsOperand()) {
          break;
        }
        operands.add(unary());
      }
      return operands.size() == 1 ? operands.get(0) : new AndNode(operands);
    }

    private Node unary() {
      if (peek(Kind.NOT)) {
        Lexeme operator = lexemes.get(next++);
        requireOperand(operator);
        return new NotNode(unary());
      }
      return primary();
    }

    private Node primary() {
      if (next >= lexemes.size()) {
        // Callers check requireOperand first; only an empty query could get here.
        throw new QuerySyntaxException("The query is empty.");
      }
      Lexeme lexeme = lexemes.get(next);
      switch (lexeme.kind) {
        case WORD:
          next++;
          return new Word(lexeme.text);
        case OPEN:
          next++;
          if (++depth > MAX_DEPTH) {
            throw new QuerySyntaxException(
                "Parentheses are nested too deeply (at most " + MAX_DEPTH + ").", lexeme.position);
          }
          if (peek(Kind.CLOSE)) {
            throw new QuerySyntaxException(
                "Empty parentheses at position " + lexeme.position + ".", lexeme.position);
          }
          Node inside = or();
          if (!peek(Kind.CLOSE)) {
            throw new QuerySyntaxException(
                "The '(' at position " + lexeme.position + " is never closed.", lexeme.position);
          }
          next++;
          depth--;
          return inside;
        case CLOSE:
          throw new QuerySyntaxException(
              "Unmatched ')' at position " + lexeme.position + ".", lexeme.position);
        default:
          throw new QuerySyntaxException(
              lexeme.describe() + " at position " + lexeme.position + " needs a word before it.",
              lexeme.position);
      }
    }

    /** After an operator: there must be a word, NOT or '(' next. */
    private void requireOperand(Lexeme operator) {
      if (!startsOperand()) {
        String what =
            next >= lexemes.size() ? "the end of the query" : lexemes.get(next).describe();
        throw new QuerySyntaxException(
            operator.describe()
                + " at position "
                + operator.position
                + " must be followed by a word, not by "
                + what
                + ".",
            operator.position);
      }
    }

    private boolean startsOperand() {
      return peek(Kind.WORD) || peek(Kind.NOT) || peek(Kind.OPEN);
    }

    private boolean peek(Kind kind) {
      return next < lexemes.size() && lexemes.get(next).kind == kind;
    }
  }

  // ---- Analysis: words to blind tokens, stop words dropped, tree simplified ----

  private Optional<Query> toQuery(Node node) {
    if (node instanceof Word) {
      List<Query> parts = new ArrayList<>();
      for (Set<String> stems : analyzer.queryStems(((Word) node).text)) {
        Set<BlindToken> anyOf = new TreeSet<>();
        for (String stem : stems) {
          for (BlindTokens keyVersion : tokens) {
            anyOf.add(keyVersion.token(stem));
          }
        }
        parts.add(new Query.Term(anyOf));
      }
      return combine(parts, true);
    }
    if (node instanceof NotNode) {
      return toQuery(((NotNode) node).operand)
          .map(q -> q instanceof Query.Not ? ((Query.Not) q).operand() : new Query.Not(q));
    }
    boolean and = node instanceof AndNode;
    List<Node> children = and ? ((AndNode) node).operands : ((OrNode) node).operands;
    List<Query> operands = new ArrayList<>();
    for (Node child : children) {
      toQuery(child).ifPresent(operands::add);
    }
    return combine(operands, and);
  }

  /** AND or OR of {@code operands}, flattening nested operators of the same kind. */
  private static Optional<Query> combine(List<Query> operands, boolean and) {
    List<Query> flat = new ArrayList<>();
    for (Query q : operands) {
      if (and && q instanceof Query.And) {
        flat.addAll(((Query.And) q).operands());
      } else if (!and && q instanceof Query.Or) {
        flat.addAll(((Query.Or) q).operands());
      } else {
        flat.add(q);
      }
    }
    if (flat.isEmpty()) {
      return Optional.empty();
    }
    if (flat.size() == 1) {
      return Optional.of(flat.get(0));
    }
    return Optional.of(and ? new Query.And(flat) : new Query.Or(flat));
  }
}
