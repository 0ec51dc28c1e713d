package vn.hopso.document;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import vn.hopso.common.Limits;

/**
 * A confidential version's copy for one reader, watermarked on every page with their name, unit,
 * the time and {@link #code}: made on the first request, then served again. The code identifies the
 * copy when a photo of a page turns up.
 */
@Entity
@Table(name = "document_copy")
@IdClass(DocumentCopy.Key.class)
public class DocumentCopy extends PanacheEntityBase {
  public record Key(Long versionId, Long personId) implements Serializable {
    public Key() {
      this(null, null);
    }
  }

  @Id
  @Column(name = "version_id")
  public Long versionId;

  @Id
  @Column(name = "person_id")
  public Long personId;

  @Column(name = "object_key", nullable = false, length = Limits.NAME)
  public String objectKey;

  @Column(nullable = false)
  public long size;

  @Column(nullable = false, length = 64)
  public String sha256;

  @Column(nullable = false, length = 16)
  public String code;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;
}
