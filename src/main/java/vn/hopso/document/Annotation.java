package vn.hopso.document;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import vn.hopso.common.Limits;

/**
 * A person's highlight, ink stroke or sticky note on one page of one version of a document: data
 * beside the PDF, never written into it (but for "my annotated copy"). Its id is chosen by the
 * client, so a tablet that was offline can send the same change again without doubling it; a
 * deletion is kept as a tombstone so that every device learns of it.
 */
@Entity
@Table(name = "annotation")
public class Annotation extends PanacheEntityBase {
  public enum Kind {
    HIGHLIGHT,
    INK,
    NOTE
  }

  public enum Sharing {
    PRIVATE,
    PARTICIPANTS,
    NAMED
  }

  @Id
  @Column(length = 36)
  public String id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "document_id")
  public Document document;

  @Column(name = "version_no", nullable = false)
  public int versionNo;

  @Column(name = "person_id", nullable = false)
  public Long personId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  public Kind kind;

  @Column(nullable = false)
  public int page;

  @Column(length = 7)
  public String color;

  /** The geometry as JSON: {"rects": [[x, y, w, h]…], "paths": [[[x, y]…]…]}, page fractions. */
  @Column(nullable = false, columnDefinition = "text")
  public String body;

  @Column(length = Limits.NOTES)
  public String note;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  public Sharing sharing = Sharing.PRIVATE;

  @ElementCollection(fetch = FetchType.LAZY)
  @CollectionTable(name = "annotation_share", joinColumns = @JoinColumn(name = "annotation_id"))
  @Column(name = "person_id")
  public Set<Long> sharedWith = new HashSet<>();

  @Column(nullable = false)
  public boolean deleted;

  /** The annotation of the previous version this one was carried over from. */
  @Column(name = "carried_from", length = 36)
  public String carriedFrom;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  /** Grows with every change: clients keep the highest they applied. */
  @Column(nullable = false)
  public long rev;
}
