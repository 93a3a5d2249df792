package org.zhusan.vault.platform.health;

/** Implemented by every holder of key material so readiness can report it (never the keys). */
public interface KeyStatus {
  String name();

  boolean loaded();

  /** Why the keys are not loaded; never contains key material or passwords. */
  String problem();
}
