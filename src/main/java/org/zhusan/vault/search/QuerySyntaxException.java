package org.zhusan.vault.search;

/**
 * A search query the vault does not accept. The message is written for the person who typed the
 * query and is safe to show them: it names the problem, the operator involved (AND, OR, NOT, a
 * parenthesis) and a 1-based character position, but never repeats the query or any word of it
 * (queries are sensitive: a name, a diagnosis).
 */
public final class QuerySyntaxException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int position;

  QuerySyntaxException(String message) {
    this(message, -1);
  }

  QuerySyntaxException(String message, int position) {
    super(message, null, false, false);
    this.position = position;
  }

  /** 1-based character position of the problem in the query, or -1 if it has none. */
  public int position() {
    return position;
  }
}
