package vn.hopso.live;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The last sequence number given to a meeting's events (locked only by sequencing runs). */
@Entity
@Table(name = "meeting_live")
public class MeetingLive extends PanacheEntityBase {
  @Id
  @Column(name = "meeting_id")
  public Long meetingId;

  @Column(name = "last_seq", nullable = false)
  public long lastSeq;

  /** The number of the meeting's last sequenced event (0 before its first). */
  public static long lastSeq(long meetingId) {
    MeetingLive live = findById(meetingId);
    return live == null ? 0 : live.lastSeq;
  }
}
