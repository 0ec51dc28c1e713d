package vn.hopso.video;

import static io.quarkus.hibernate.orm.panache.Panache.getEntityManager;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import vn.hopso.agenda.AgendaEvents;
import vn.hopso.agenda.AgendaItem;
import vn.hopso.agenda.AgendaRunService;
import vn.hopso.agenda.ItemState;
import vn.hopso.common.DomainEvent;
import vn.hopso.meeting.Meeting;
import vn.hopso.meeting.MeetingAccess;
import vn.hopso.meeting.MeetingEvents;
import vn.hopso.meeting.MeetingOp;
import vn.hopso.meeting.MeetingStatus;
import vn.hopso.speaker.SpeakerEvents;
import vn.hopso.speaker.SpeakerRequest;
import vn.hopso.speaker.SpeakerState;
import vn.hopso.video.VideoViews.StageView;

/**
 * Who is on the conference's stage: the one rule for who joins Jitsi as a full participant and who
 * watches as a visitor.
 *
 * <p>A province-wide meeting is mostly rooms that watch: a Jitsi bridge carries about 50 full
 * participants well (jicofo's {@code visitors.max-participants} is 50 by default), and the others
 * should join as visitors (Jitsi's visitors mode: they receive the conference from visitor nodes,
 * they send nothing). When a meeting could bring more joiners than {@link VideoConfig#stageMax()}
 * (its participants with an account plus its invited rooms), it is <em>large</em>: only the stage
 * joins as participants, in this order until the stage is full:
 *
 * <ol>
 *   <li>the chair and the secretary (the people who run the meeting), and the host room;
 *   <li>who has the floor: the room they speak from and the person (or a room speaking on behalf of
 *       the room);
 *   <li>the presenter of the current agenda item;
 *   <li>the next {@link #UP_NEXT} in the speaking queue, so that their video is ready when they are
 *       given the floor.
 * </ol>
 *
 * A smaller meeting has no visitors: everyone joins as a participant, as Jitsi does by default.
 *
 * <p>How it reaches Jitsi (jitsi-meet's visitors, as of its 2024–2025 releases; no Jitsi runs here,
 * so only HopSo's side is tested): a visitor's token carries {@code context.user.role: "visitor"}
 * (jitsi-meet PR 13977: the client then asks jicofo to be a visitor). A visitor who comes on stage
 * raises its hand, which is Jitsi's promotion request; a visitor with a token is promoted without a
 * moderator (prosody's {@code visitors_auto_promoted_with_token}, on by default, PR 15099; and
 * docker-jitsi-meet's {@code auto_allow_visitor_promotion}). A participant who leaves the stage
 * joins again with a fresh (visitor) token, which is how Jitsi's own "demote" works. The web app
 * does both ({@code frontend/src/video/stage.ts}); this service decides and announces the stage
 * ({@code video.stage} on the live channel) whenever the floor, the queue, the current item, the
 * agenda, the meeting's chair, secretary or host room, or its participants and rooms change.
 */
@ApplicationScoped
public class StageService {
  /** Waiting speakers brought on stage ahead of their turn. */
  static final int UP_NEXT = 2;

  @Inject VideoConfig config;
  @Inject MeetingAccess access;
  @Inject Event<DomainEvent> events;
  @Inject VideoService video;

  /** The meeting's stage, for those who may join its conference. */
  @Transactional
  public StageView stage(long meetingId) {
    return of(access.require(meetingId, MeetingOp.JOIN_VIDEO).meeting());
  }

  /** Whether this person (or this room, when {@code endpointId} is given) is on the stage. */
  public boolean onStage(StageView s, long personId, Long endpointId) {
    if (!s.large()) {
      return true;
    }
    return endpointId != null
        ? s.endpointIds().contains(endpointId)
        : s.personIds().contains(personId);
  }

  /** Computes the stage from the meeting's record (within the caller's transaction). */
  public StageView of(Meeting m) {
    int max = Math.max(2, config.stageMax());
    long people =
        getEntityManager()
            .createQuery(
                "select count(p) from Participant p where p.meeting = ?1 and p.person is not null",
                Long.class)
            .setParameter(1, m)
            .getSingleResult();
    long rooms =
        getEntityManager()
            .createQuery("select count(x) from MeetingEndpoint x where x.meeting = ?1", Long.class)
            .setParameter(1, m)
            .getSingleResult();
    int joiners = (int) Math.min(Integer.MAX_VALUE, people + rooms);
    Stage stage = new Stage(max);
    stage.person(m.chair == null ? null : m.chair.id);
    stage.person(m.secretary == null ? null : m.secretary.id);
    stage.room(m.hostEndpoint == null ? null : m.hostEndpoint.id);
    List<SpeakerRequest> queue =
        SpeakerRequest.find(
                "from SpeakerRequest r left join fetch r.person left join fetch r.endpoint"
                    + " where r.meeting = ?1 and r.state in ?2 order by r.position, r.id",
                m,
                List.of(SpeakerState.SPEAKING, SpeakerState.WAITING))
            .list();
    queue.stream().filter(r -> r.state == SpeakerState.SPEAKING).forEach(stage::speaker);
    AgendaItem current =
        AgendaItem.find(
                "from AgendaItem i left join fetch i.presenter where i.meeting = ?1"
                    + " and i.runState = ?2",
                m,
                ItemState.CURRENT)
            .firstResult();
    if (current != null && current.presenter != null) {
      stage.person(current.presenter.id);
    }
    queue.stream()
        .filter(r -> r.state == SpeakerState.WAITING)
        .limit(UP_NEXT)
        .forEach(stage::speaker);
    return new StageView(
        joiners > max, max, joiners, List.copyOf(stage.rooms), List.copyOf(stage.people));
  }

  /**
   * Announces the stage whenever something that decides it changed (the queue, the floor, the
   * current item): not only when it differs from the last announcement, since another instance may
   * have announced in between; each client compares it with its own place.
   */
  void floorChanged(@Observes @Priority(100) SpeakerEvents.QueueChanged e) {
    announce(e.meeting());
  }

  void itemChanged(@Observes @Priority(100) AgendaRunService.RunChanged e) {
    announce(e.meeting());
  }

  /** A presenter edited on the agenda. */
  void agendaChanged(@Observes @Priority(100) AgendaEvents.AgendaChanged e) {
    announce(e.meeting());
  }

  /**
   * The chair, the secretary or the host room changed, or the joiners did (which can make the
   * meeting large or not), while the conference can be on (scheduled or in progress): not
   * attendance, which changes at 30 check-ins a second and decides nothing here.
   */
  void meetingChanged(@Observes @Priority(100) MeetingEvents.MeetingEvent e) {
    MeetingStatus status = e.meeting().status;
    if (status != MeetingStatus.SCHEDULED && status != MeetingStatus.IN_PROGRESS) {
      return;
    }
    if (e instanceof MeetingEvents.Updated
        || e instanceof MeetingEvents.ParticipantsAdded
        || e instanceof MeetingEvents.ParticipantRemoved
        || e instanceof MeetingEvents.RoomsAdded
        || e instanceof MeetingEvents.RoomRemoved) {
      announce(e.meeting());
    }
  }

  private void announce(Meeting m) {
    if (!video.configured()) {
      return; // no conference, no stage
    }
    events.fire(new VideoEvents.StageChanged(m, of(m)));
  }

  /** The stage as it fills up, first come first seated, none twice, at most {@code max}. */
  private static final class Stage {
    final int max;
    final Set<Long> people = new LinkedHashSet<>();
    final Set<Long> rooms = new LinkedHashSet<>();

    Stage(int max) {
      this.max = max;
    }

    boolean full() {
      return people.size() + rooms.size() >= max;
    }

    void person(Long id) {
      if (id != null && !full()) {
        people.add(id);
      }
    }

    void room(Long id) {
      if (id != null && !full()) {
        rooms.add(id);
      }
    }

    /** A speaker: the room they speak from (its camera and microphone) and the person. */
    void speaker(SpeakerRequest r) {
      room(r.endpoint == null ? null : r.endpoint.id);
      person(r.person == null ? null : r.person.id);
    }
  }
}
