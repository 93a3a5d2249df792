/**
 * Full-text search over encrypted documents (DESIGN.md invariant 7: search never stores plaintext
 * terms). Text is folded, tokenised and stemmed with Lucene analysers ({@link
 * org.zhusan.vault.search.TermAnalyzer}, language from {@link
 * org.zhusan.vault.search.LanguageDetector}); each stem becomes a keyed blind token ({@link
 * org.zhusan.vault.search.BlindTokens}); a document version's index is its token → frequency map
 * ({@link org.zhusan.vault.search.TermFrequencies}). Queries in the vault's AND / OR / NOT language
 * ({@link org.zhusan.vault.search.QueryParser}) become trees of token sets ({@link
 * org.zhusan.vault.search.Query}) and then PostgreSQL SQL over {@code search_token} ({@link
 * org.zhusan.vault.search.QuerySql}).
 *
 * <p>The server side builds on that core: {@link org.zhusan.vault.search.SearchIndexer} (the
 * application's {@code TextSink}: indexes each upload in its transaction), {@link
 * org.zhusan.vault.search.SearchService} and {@link org.zhusan.vault.search.SearchResource} (access
 * filter in SQL before ranking and counting, one access-log entry per search, the query text
 * encrypted for auditors by {@link org.zhusan.vault.search.QueryAuditCipher}), {@link
 * org.zhusan.vault.search.SearchAccess} (readable document types) and re-indexing ({@link
 * org.zhusan.vault.search.SearchReindexer}).
 *
 * <p>Rules of this package:
 *
 * <ul>
 *   <li>The core types ({@code TermAnalyzer} … {@code QuerySql}, {@code QueryAuditCipher}) are
 *       plain Java 17, Lucene analysis and the {@code crypto} package only; no JPA, CDI or JAX-RS.
 *       Only the server-side classes named above use CDI, JTA, JDBC and JAX-RS.
 *   <li>Stems and query words are plaintext: they live only inside a method call or a {@link
 *       org.zhusan.vault.search.TermFrequencies.Builder}, never in a returned object, an exception
 *       message or a log line. Returned objects hold tokens.
 *   <li>Anything that changes stems (analysers, folding, stop lists) needs a new token purpose and
 *       a re-index ({@link org.zhusan.vault.search.BlindTokens#PURPOSE}).
 * </ul>
 *
 * <p>Design, leakage analysis, proposed DDL and benchmark: {@code docs/search.md}.
 */
package org.zhusan.vault.search;
