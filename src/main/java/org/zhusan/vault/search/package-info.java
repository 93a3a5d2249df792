/**
 * The pure core of full-text search over encrypted documents (DESIGN.md invariant 7: search never
 * stores plaintext terms). Text is folded, tokenised and stemmed with Lucene analysers ({@link
 * org.zhusan.vault.search.TermAnalyzer}, language from {@link
 * org.zhusan.vault.search.LanguageDetector}); each stem becomes a keyed blind token ({@link
 * org.zhusan.vault.search.BlindTokens}); a document version's index is its token → frequency map
 * ({@link org.zhusan.vault.search.TermFrequencies}). Queries in the vault's AND / OR / NOT language
 * ({@link org.zhusan.vault.search.QueryParser}) become trees of token sets ({@link
 * org.zhusan.vault.search.Query}) and then PostgreSQL SQL over {@code search_token} ({@link
 * org.zhusan.vault.search.QuerySql}).
 *
 * <p>Rules of this package:
 *
 * <ul>
 *   <li>Plain Java 17, Lucene analysis and the {@code crypto} package only; no JPA, CDI or JAX-RS.
 *       Storage, REST and access filtering belong to the service that uses it.
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
