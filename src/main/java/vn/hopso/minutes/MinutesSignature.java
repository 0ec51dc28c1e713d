package vn.hopso.minutes;

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
import vn.hopso.org.Person;

/** One signature of the minutes: who, how, with which certificate, and the PDF it made. */
@Entity
@Table(name = "minutes_signature")
public class MinutesSignature extends PanacheEntityBase {
  public enum Method {
    /** On the server, with the organisation's certificate (a PKCS#12 file). */
    SERVER,
    /** By hash: a USB token or a remote signing service returned the CMS signature. */
    HASH
  }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "minutes_signature_seq")
  @SequenceGenerator(
      name = "minutes_signature_seq",
      sequenceName = "minutes_signature_seq",
      allocationSize = 1)
  public Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "minutes_id")
  public Minutes minutes;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public SignerRole role;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "person_id")
  public Person person;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Method method;

  @Column(name = "signed_at", nullable = false)
  public Instant signedAt;

  @Column(name = "certificate_subject", nullable = false, length = 1000)
  public String certificateSubject;

  @Column(name = "certificate_issuer", nullable = false, length = 1000)
  public String certificateIssuer;

  @Column(name = "certificate_sha256", nullable = false, length = 64)
  public String certificateSha256;

  public boolean timestamped;

  @Column(name = "pdf_key", nullable = false)
  public String pdfKey;

  @Column(name = "pdf_sha256", nullable = false, length = 64)
  public String pdfSha256;
}
