package org.zhusan.vault.subjects;

/** Programme stages, in order; a subject only moves forward (CLOSED is final). */
public enum ProgrammeStage {
  ADAPTATION,
  REHABILITATION,
  REINTEGRATION,
  CLOSED;

  public boolean canMoveTo(ProgrammeStage next) {
    return next.ordinal() > ordinal();
  }
}
