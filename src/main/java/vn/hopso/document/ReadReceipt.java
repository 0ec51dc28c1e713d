package vn.hopso.document;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** That a person opened a version: when first and last, how often, which pages they saw. */
@Entity
@Table(name = "read_receipt")
@IdClass(ReadReceipt.Key.class)
public class ReadReceipt extends PanacheEntityBase {
  public record Key(Long versionId, Long personId) implements Serializable {
    public Key() {
      this(null, null);
    }
  }

  /** Page bits are kept for the first 8,192 pages (hex, 4 pages a digit). */
  static final int MAX_TRACKED_PAGES = 8192;

  @Id
  @Column(name = "version_id")
  public Long versionId;

  @Id
  @Column(name = "person_id")
  public Long personId;

  @Column(name = "first_opened_at", nullable = false)
  public Instant firstOpenedAt;

  @Column(name = "last_opened_at", nullable = false)
  public Instant lastOpenedAt;

  @Column(nullable = false)
  public int opens;

  @Column(name = "pages_seen", nullable = false)
  public int pagesSeen;

  @Column(name = "page_bits", nullable = false, length = 2048)
  public String pageBits = "";

  /** Adds pages (1-based) to those seen; returns whether any was new. */
  boolean see(Iterable<Integer> pages) {
    java.util.BitSet bits = bits();
    boolean changed = false;
    for (int p : pages) {
      if (p >= 1 && p <= MAX_TRACKED_PAGES && !bits.get(p - 1)) {
        bits.set(p - 1);
        changed = true;
      }
    }
    if (changed) {
      pageBits = hex(bits);
      pagesSeen = bits.cardinality();
    }
    return changed;
  }

  java.util.BitSet bits() {
    java.util.BitSet bits = new java.util.BitSet();
    for (int i = 0; i < pageBits.length(); i++) {
      int v = Character.digit(pageBits.charAt(i), 16);
      for (int b = 0; b < 4; b++) {
        if ((v & (1 << b)) != 0) {
          bits.set(i * 4 + b);
        }
      }
    }
    return bits;
  }

  static String hex(java.util.BitSet bits) {
    int digits = (bits.length() + 3) / 4;
    StringBuilder s = new StringBuilder(digits);
    for (int i = 0; i < digits; i++) {
      int v = 0;
      for (int b = 0; b < 4; b++) {
        if (bits.get(i * 4 + b)) {
          v |= 1 << b;
        }
      }
      s.append(Character.forDigit(v, 16));
    }
    return s.toString();
  }
}
