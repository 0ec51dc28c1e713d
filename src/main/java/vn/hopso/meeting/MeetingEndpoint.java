package vn.hopso.meeting;

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
import java.util.List;
import vn.hopso.org.Endpoint;

/** A room (điểm cầu) taking part in a meeting. */
@Entity
@Table(name = "meeting_endpoint")
public class MeetingEndpoint extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "meeting_endpoint_seq")
  @SequenceGenerator(
      name = "meeting_endpoint_seq",
      sequenceName = "meeting_endpoint_seq",
      allocationSize = 50)
  public Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "meeting_id")
  public Meeting meeting;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "endpoint_id")
  public Endpoint endpoint;

  /** HOST, INTERACTIVE or VIEWER: decided with the video feature. */
  @Column(name = "layout_role", nullable = false, length = 16)
  public String layoutRole = "VIEWER";

  /** People in the room, as reported by its operator. */
  @Column(name = "head_count")
  public Integer headCount;

  @Column(name = "head_count_at")
  public Instant headCountAt;

  /**
   * The meeting's rooms that this account is the device of (a room's operator PC may serve
   * several), in Vietnamese order of their names.
   */
  public static List<MeetingEndpoint> operatedBy(Meeting m, long personId) {
    return list(
        "from MeetingEndpoint x join fetch x.endpoint e"
            + " where x.meeting = ?1 and e.account.id = ?2 order by e.sortKey",
        m,
        personId);
  }
}
