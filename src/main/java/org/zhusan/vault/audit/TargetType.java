package org.zhusan.vault.audit;

/** The kinds of thing an access-log entry can be about; the names appear verbatim in the log. */
public enum TargetType {
  SUBJECT("subject"),
  DOCUMENT("document"),
  VERSION("version"),
  CENTRE("centre"),
  QUERY("query"),
  LOG("log"),
  KEY("key"),
  GRANT("grant"),
  BREAK_GLASS("break-glass session"),
  SEARCH_INDEX("search index"),
  HOLD("legal hold"),
  DISPOSITION("disposition"),
  CERTIFICATE("certificate of destruction"),
  CONSENT("consent"),
  DISCLOSURE("disclosure"),
  INDICATOR("indicator observation"),
  REPORT("report");

  private final String noun;

  TargetType(String noun) {
    this.noun = noun;
  }

  /**
   * The target's name in words, for problem details ("The document …") and reasons ("no such …").
   */
  public String noun() {
    return noun;
  }
}
