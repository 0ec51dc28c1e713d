package vn.hopso.minutes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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

/** A saved version of the minutes' text (each save is kept; the newest is the minutes' own). */
@Entity
@Table(name = "minutes_version")
public class MinutesVersion extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "minutes_version_seq")
  @SequenceGenerator(
      name = "minutes_version_seq",
      sequenceName = "minutes_version_seq",
      allocationSize = 1)
  public Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "minutes_id")
  public Minutes minutes;

  @Column(nullable = false)
  public int revision;

  @Column(nullable = false, length = 500)
  public String title;

  @Column(nullable = false, length = 500)
  public String subtitle;

  @Column(nullable = false, columnDefinition = "text")
  public String body;

  @Column(nullable = false, length = 4000)
  public String recipients;

  @Column(length = 500)
  public String note;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "saved_by")
  public Person savedBy;

  @Column(name = "saved_at", nullable = false)
  public Instant savedAt;
}
