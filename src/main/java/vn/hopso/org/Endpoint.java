package vn.hopso.org;

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
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import vn.hopso.common.Limits;
import vn.hopso.common.VietnameseText;

/** A video endpoint (điểm cầu): a meeting room of a unit with its device account. */
@Entity
@Table(name = "endpoint")
public class Endpoint extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "endpoint_seq")
  @SequenceGenerator(name = "endpoint_seq", sequenceName = "endpoint_seq", allocationSize = 50)
  public Long id;

  @Column(nullable = false, unique = true, length = Limits.CODE)
  public String code;

  @Column(nullable = false, length = Limits.NAME)
  public String name;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "unit_id", nullable = false)
  public Unit unit;

  @Column(length = Limits.ROOM)
  public String room;

  /** The account the room's PC signs in with (a person holding the ENDPOINT role). */
  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "account_id")
  public Person account;

  @Column(nullable = false)
  public boolean active = true;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public EndpointStatus status = EndpointStatus.OFFLINE;

  @Column(name = "last_seen_at")
  public Instant lastSeenAt;

  @Column(name = "search_key", nullable = false, length = Limits.SEARCH_KEY)
  public String searchKey;

  @Column(name = "sort_key", nullable = false, length = Limits.SORT_KEY)
  public String sortKey;

  @Version public long version;

  @PrePersist
  @PreUpdate
  void keys() {
    searchKey = VietnameseText.searchKey(code, name, room);
    sortKey = VietnameseText.sortKey(name);
  }

  public static Endpoint findByCode(String code) {
    return find("code", code).firstResult();
  }
}
