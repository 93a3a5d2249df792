package org.zhusan.vault.centres;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Objects;

/**
 * A regional rehabilitation centre. Staff and subjects belong to centres; seeded by migration V1.
 */
@Entity
@Table(name = "centre")
public class Centre {
  @Id
  @Column(name = "code", length = 16)
  private String code;

  @Column(name = "name", nullable = false)
  private String name;

  @Column(name = "region", nullable = false)
  private String region;

  protected Centre() {}

  public Centre(String code, String name, String region) {
    this.code = Objects.requireNonNull(code, "code is required.");
    this.name = Objects.requireNonNull(name, "name is required.");
    this.region = Objects.requireNonNull(region, "region is required.");
  }

  public String code() {
    return code;
  }

  public String name() {
    return name;
  }

  public String region() {
    return region;
  }
}
