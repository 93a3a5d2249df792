package org.zhusan.vault.audit;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.zhusan.vault.audit.witness.NoteKeyType;
import org.zhusan.vault.audit.witness.NoteVerifierKey;

/**
 * The witnesses a vault pushes its checkpoints to ({@code vault.audit.witnesses}) and how many must
 * co-sign ({@code vault.audit.witness.threshold}). Pure; {@link #parse} says what is wrong with an
 * entry without repeating it (a verifier key is public, but an entry may be a typo of something
 * else).
 *
 * @param witnesses the configured witnesses, in configuration order
 * @param threshold k, {@code 0 <= k <= n} (0 only when there are no witnesses)
 */
public record WitnessConfig(List<Endpoint> witnesses, int threshold) {

  /** No witnesses. */
  public static final WitnessConfig NONE = new WitnessConfig(List.of(), 0);

  /**
   * One witness.
   *
   * @param addCheckpoint the URL its {@code add-checkpoint} endpoint answers at
   * @param key its cosigner verifier key (type 0x04)
   */
  public record Endpoint(URI addCheckpoint, NoteVerifierKey key) {
    public Endpoint {
      Objects.requireNonNull(addCheckpoint, "addCheckpoint is required.");
      Objects.requireNonNull(key, "key is required.");
    }

    /** The witness's name (the key's name), for log lines. */
    public String name() {
      return key.name();
    }
  }

  public WitnessConfig {
    witnesses = List.copyOf(witnesses);
  }

  /** Whether any witness is configured. */
  public boolean enabled() {
    return !witnesses.isEmpty();
  }

  /**
   * Reads the settings.
   *
   * @param entries comma-separated {@code <url> <verifier key>}; the URL is the witness's base URL
   *     ({@code /add-checkpoint} is appended unless it already ends so); empty or absent for none
   * @param threshold k; 0 means all configured
   * @throws IllegalArgumentException naming the entry (by position) and what is wrong with it
   */
  public static WitnessConfig parse(Optional<String> entries, int threshold) {
    String text = entries.map(String::strip).orElse("");
    List<Endpoint> out = new ArrayList<>();
    if (!text.isEmpty()) {
      String[] parts = text.split(",", -1);
      Set<String> keys = new HashSet<>();
      for (int i = 0; i < parts.length; i++) {
        String entry = parts[i].strip();
        String where = "vault.audit.witnesses entry " + (i + 1) + ": ";
        String[] fields = entry.split("\\s+");
        if (fields.length != 2) {
          throw new IllegalArgumentException(where + "expected '<url> <verifier key>'");
        }
        URI url;
        try {
          url = URI.create(fields[0]);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(where + "the URL is malformed", e);
        }
        if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme()))
            || url.getHost() == null) {
          throw new IllegalArgumentException(where + "the URL must be http(s)://host…");
        }
        NoteVerifierKey key;
        try {
          key = NoteVerifierKey.parse(fields[1]);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(where + "bad verifier key: " + e.getMessage(), e);
        }
        if (key.type() != NoteKeyType.COSIGNATURE_V1) {
          throw new IllegalArgumentException(
              where + "the verifier key is not a witness (cosignature/v1) key");
        }
        if (!keys.add(java.util.HexFormat.of().formatHex(key.publicKey()))) {
          throw new IllegalArgumentException(where + "the same witness key is listed twice");
        }
        out.add(new Endpoint(addCheckpoint(url), key));
      }
    }
    if (threshold < 0 || threshold > out.size()) {
      throw new IllegalArgumentException(
          "vault.audit.witness.threshold must be between 0 and "
              + out.size()
              + " (the witnesses configured), got "
              + threshold);
    }
    return new WitnessConfig(out, threshold == 0 ? out.size() : threshold);
  }

  private static URI addCheckpoint(URI base) {
    String s = base.toString();
    if (s.endsWith("/add-checkpoint")) {
      return base;
    }
    return URI.create((s.endsWith("/") ? s : s + "/") + "add-checkpoint");
  }
}
