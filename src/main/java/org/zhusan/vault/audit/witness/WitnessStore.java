package org.zhusan.vault.audit.witness;

import java.io.IOException;

/**
 * Where a {@link Witness} makes its state durable. {@link Witness} calls {@link #save} before it
 * hands out a cosignature, so a crash can lose a cosignature but never the record of having made
 * one: after a restart the witness still refuses any checkpoint that contradicts it.
 */
@FunctionalInterface
public interface WitnessStore {

  /**
   * Durably replaces the stored state; returns only once it would survive a crash.
   *
   * @throws IOException if it cannot; the witness then does not co-sign
   */
  void save(WitnessState state) throws IOException;
}
