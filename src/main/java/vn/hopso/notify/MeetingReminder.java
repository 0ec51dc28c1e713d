package vn.hopso.notify;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** "The reminder at this offset before this meeting was sent": its key makes it happen once. */
@Entity
@Table(name = "meeting_reminder")
@IdClass(MeetingReminder.Key.class)
public class MeetingReminder extends PanacheEntityBase {
  @Id
  @Column(name = "meeting_id")
  public Long meetingId;

  @Id
  @Column(name = "offset_minutes")
  public Integer offsetMinutes;

  @Column(name = "sent_at", nullable = false)
  public Instant sentAt;

  public static class Key implements Serializable {
    public Long meetingId;
    public Integer offsetMinutes;

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(meetingId, k.meetingId)
          && Objects.equals(offsetMinutes, k.offsetMinutes);
    }

    @Override
    public int hashCode() {
      return Objects.hash(meetingId, offsetMinutes);
    }
  }
}
