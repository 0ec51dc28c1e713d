package vn.hopso.document;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import vn.hopso.common.Limits;

/**
 * One uploaded file of a document. Versions are never changed or deleted: replacing a file adds the
 * next one. The original is always kept; {@code pdfKey} is what readers get (the original when it
 * was a PDF, else its conversion, or null when none could be made).
 */
@Entity
@Table(name = "document_version")
public class DocumentVersion extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "document_version_seq")
  @SequenceGenerator(
      name = "document_version_seq",
      sequenceName = "document_version_seq",
      allocationSize = 1)
  public Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "document_id")
  public Document document;

  @Column(nullable = false)
  public int number;

  @Column(name = "file_name", nullable = false, length = Limits.NAME)
  public String fileName;

  @Column(name = "content_type", nullable = false, length = Limits.NAME)
  public String contentType;

  @Column(name = "original_key", nullable = false, length = Limits.NAME)
  public String originalKey;

  @Column(name = "original_size", nullable = false)
  public long originalSize;

  @Column(name = "original_sha256", nullable = false, length = 64)
  public String originalSha256;

  @Column(name = "pdf_key", length = Limits.NAME)
  public String pdfKey;

  @Column(name = "pdf_size")
  public Long pdfSize;

  @Column(name = "pdf_sha256", length = 64)
  public String pdfSha256;

  public Integer pages;

  /** A JSON array of one hash per page: annotations follow unchanged pages to a new version. */
  @Column(name = "page_hashes", columnDefinition = "text")
  public String pageHashes;

  @Column(name = "thumbnail_key", length = Limits.NAME)
  public String thumbnailKey;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  public Conversion conversion;

  /** What changed in this version, in the secretary's words. */
  @Column(length = Limits.SHORT_NOTE)
  public String note;

  @Column(name = "uploaded_by")
  public Long uploadedBy;

  @Column(name = "uploaded_by_name", length = Limits.NAME)
  public String uploadedByName;

  @Column(name = "uploaded_at", nullable = false)
  public Instant uploadedAt;

  public boolean hasPdf() {
    return pdfKey != null;
  }

  public static DocumentVersion of(Document d, int number) {
    return find("document = ?1 and number = ?2", d, number).firstResult();
  }

  /** Version {@code number} of the document (its current one when null), or 404. */
  static DocumentVersion required(Document d, Integer number) {
    int n = number == null ? d.currentVersion : number;
    DocumentVersion v = of(d, n);
    if (v == null) {
      throw vn.hopso.common.ApiException.notFound(DocumentMsg.VERSION, n);
    }
    return v;
  }
}
