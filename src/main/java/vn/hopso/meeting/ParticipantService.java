package vn.hopso.meeting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.hopso.agenda.AgendaService;
import vn.hopso.audit.AuditService;
import vn.hopso.auth.CurrentUser;
import vn.hopso.common.ApiException;
import vn.hopso.common.Checks;
import vn.hopso.common.Texts;
import vn.hopso.common.VietnameseText;
import vn.hopso.meeting.MeetingViews.AttendanceLogEntry;
import vn.hopso.meeting.MeetingViews.EndpointInvite;
import vn.hopso.meeting.MeetingViews.EndpointInviteResult;
import vn.hopso.meeting.MeetingViews.MeetingEndpointView;
import vn.hopso.meeting.MeetingViews.Missing;
import vn.hopso.meeting.MeetingViews.ParticipantInput;
import vn.hopso.meeting.MeetingViews.ParticipantUpdate;
import vn.hopso.meeting.MeetingViews.ParticipantView;
import vn.hopso.meeting.MeetingViews.PersonRef;
import vn.hopso.meeting.MeetingViews.Quorum;
import vn.hopso.notify.Announcer;
import vn.hopso.notify.OutboundMessage;
import vn.hopso.org.Endpoint;
import vn.hopso.org.Person;
import vn.hopso.org.Unit;

/** Who takes part, from which room, with which vote and proxy; attendance and quorum. */
@ApplicationScoped
@Transactional
public class ParticipantService {
  @Inject MeetingAccess access;
  @Inject MeetingService meetings;
  @Inject CurrentUser current;
  @Inject AuditService audit;
  @Inject Announcer announcer;
  @Inject AgendaService agenda;
  @Inject Clock clock;
  @Inject EntityManager em;

  private static final Set<MeetingStatus> OPEN =
      Set.of(MeetingStatus.DRAFT, MeetingStatus.SCHEDULED, MeetingStatus.IN_PROGRESS);

  private Meeting changeable(long meetingId) {
    Meeting m = access.manageable(meetingId);
    if (!OPEN.contains(m.status)) {
      throw ApiException.conflict(
          "The participants of a meeting that is " + m.status + " can no longer change");
    }
    return m;
  }

  // --- people -------------------------------------------------------------------------------

  @Transactional
  public List<ParticipantView> list(long meetingId) {
    Meeting m = access.viewable(meetingId);
    return views(m);
  }

  private List<ParticipantView> views(Meeting m) {
    return views(m, null);
  }

  /**
   * Views of the meeting's participants, or only of those in {@code only}: answering one check-in
   * must not read the other 500 participants and all their deliveries.
   */
  private List<ParticipantView> views(Meeting m, Collection<Long> only) {
    String subset = only == null ? "" : " and p.id in :only";
    TypedQuery<Participant> rows =
        em.createQuery(
            "select p from Participant p join fetch p.person pp left join fetch pp.unit"
                + " left join fetch p.endpoint left join fetch p.proxy pr left join fetch pr.person"
                + " where p.meeting = :m"
                + subset
                + " order by pp.sortKey, p.id",
            Participant.class);
    TypedQuery<Object[]> proxies =
        em.createQuery(
            "select p.proxy.id, p.id, p.person.fullName from Participant p where p.meeting = :m"
                + " and p.proxy is not null"
                + subset.replace("p.id", "p.proxy.id"),
            Object[].class);
    TypedQuery<Object[]> messages =
        em.createQuery(
            "select o.person.id, o.channel, o.status from OutboundMessage o where o.meeting = :m"
                + (only == null
                    ? ""
                    : " and o.person.id in (select p.person.id from Participant p"
                        + " where p.meeting = :m and p.id in :only)")
                + " order by o.createdAt, o.id",
            Object[].class);
    for (TypedQuery<?> q : List.of(rows, proxies, messages)) {
      q.setParameter("m", m);
      if (only != null) {
        q.setParameter("only", only);
      }
    }
    Map<Long, List<PersonRef>> held = new HashMap<>();
    for (Object[] r : proxies.getResultList()) {
      held.computeIfAbsent((Long) r[0], k -> new ArrayList<>())
          .add(new PersonRef((Long) r[1], (String) r[2]));
    }
    // the status of the latest email and SMS to each person: "personId:CHANNEL" → status
    Map<String, String> delivery = new HashMap<>();
    for (Object[] r : messages.getResultList()) {
      delivery.put(r[0] + ":" + r[1], ((OutboundMessage.Status) r[2]).name());
    }
    return rows.getResultList().stream()
        .map(
            p ->
                new ParticipantView(
                    p.id,
                    p.person.id,
                    p.person.fullName,
                    p.person.position,
                    p.person.unit == null ? null : p.person.unit.name,
                    p.role,
                    p.endpoint == null ? null : p.endpoint.id,
                    p.endpoint == null ? null : p.endpoint.name,
                    p.voting,
                    p.proxy == null ? null : p.proxy.id,
                    p.proxy == null ? null : p.proxy.person.fullName,
                    held.getOrDefault(p.id, List.of()),
                    p.attendance,
                    p.attendanceReason,
                    p.attendanceAt,
                    p.response,
                    p.responseNote,
                    p.respondedAt,
                    p.invitedAt,
                    delivery.getOrDefault(p.person.id + ":EMAIL", "NONE"),
                    delivery.getOrDefault(p.person.id + ":SMS", "NONE")))
        .toList();
  }

  public List<ParticipantView> invite(long meetingId, List<ParticipantInput> inputs) {
    Meeting m = changeable(meetingId);
    Checks checks = new Checks();
    Set<Long> invited =
        new HashSet<>(
            em.createQuery("select p.person.id from Participant p where p.meeting = :m", Long.class)
                .setParameter("m", m)
                .getResultList());
    Map<Long, Person> people = new HashMap<>();
    for (Person p :
        Person.<Person>list("id in ?1", inputs.stream().map(ParticipantInput::personId).toList())) {
      people.put(p.id, p);
    }
    Set<Long> seen = new HashSet<>();
    Map<Long, Endpoint> seats = new HashMap<>();
    for (int i = 0; i < inputs.size(); i++) {
      ParticipantInput in = inputs.get(i);
      String field = "participants[" + i + "]";
      Person person = people.get(in.personId());
      if (person == null) {
        checks.fail(field + ".personId", "unknown person " + in.personId());
      } else if (!person.active) {
        checks.fail(field + ".personId", person.fullName + " is inactive");
      } else if (invited.contains(in.personId())) {
        checks.conflict(field + ".personId", person.fullName + " is already invited");
      } else if (!seen.add(in.personId())) {
        checks.fail(field + ".personId", person.fullName + " appears twice in the request");
      }
      if (in.role() == ParticipantRole.CHAIR) {
        checks.fail(field + ".role", "the chair is set on the meeting itself");
      }
      if (in.endpointId() != null) {
        Endpoint e = Endpoint.findById(in.endpointId());
        if (e == null || !e.active) {
          checks.fail(field + ".endpointId", "unknown or inactive endpoint " + in.endpointId());
        } else {
          seats.put(e.id, e);
        }
      }
    }
    checks.throwIfFailed();
    Instant now = clock.instant();
    List<Participant> added = new ArrayList<>();
    for (ParticipantInput in : inputs) {
      Participant p = new Participant();
      p.meeting = m;
      p.person = people.get(in.personId());
      p.role = in.role();
      p.voting = in.voting() != null ? in.voting() : in.role() == ParticipantRole.DELEGATE;
      p.endpoint = in.endpointId() == null ? null : seats.get(in.endpointId());
      if (p.endpoint != null) {
        meetings.addEndpoint(m, p.endpoint, "VIEWER");
      }
      if (m.participantsInformed()) {
        p.invitedAt = now;
      }
      p.persist();
      added.add(p);
    }
    if (m.participantsInformed()) {
      announcer.announce(m, Announcer.What.INVITATION, added, agenda.lines(m), null);
    }
    audit.log("meeting.participants.added", "meeting:" + m.id, added.size() + " people");
    return views(m, added.stream().map(p -> p.id).toList());
  }

  public ParticipantView update(long meetingId, long participantId, ParticipantUpdate in) {
    Meeting m = changeable(meetingId);
    Participant p = participant(m, participantId);
    if (p.person.id.equals(m.chair.id) && in.role() != ParticipantRole.CHAIR) {
      throw ApiException.conflict(
          "The meeting's chair keeps the role CHAIR; change the chair on the meeting");
    }
    if (in.role() == ParticipantRole.CHAIR && !p.person.id.equals(m.chair.id)) {
      throw ApiException.invalid("role", "the chair is set on the meeting itself");
    }
    p.role = in.role();
    if (in.voting() != null) {
      if (!in.voting() && Participant.count("meeting = ?1 and proxy = ?2", m, p) > 0) {
        throw ApiException.conflict("This participant holds proxies; withdraw them first");
      }
      p.voting = in.voting();
      if (!p.voting) {
        p.proxy = null;
      }
    }
    if (in.endpointId() == null) {
      p.endpoint = null;
    } else {
      Endpoint e = Endpoint.findById(in.endpointId());
      if (e == null || !e.active) {
        throw ApiException.invalid("endpointId", "unknown or inactive endpoint " + in.endpointId());
      }
      p.endpoint = e;
      meetings.addEndpoint(m, e, "VIEWER");
    }
    audit.log("meeting.participant.updated", "meeting:" + m.id, p.person.username + " " + p.role);
    return one(m, p.id);
  }

  public void remove(long meetingId, long participantId) {
    Meeting m = changeable(meetingId);
    Participant p = participant(m, participantId);
    if (p.person.id.equals(m.chair.id)) {
      throw ApiException.conflict(
          "The chair cannot be removed; choose another chair for the meeting first");
    }
    if (m.secretary != null && p.person.id.equals(m.secretary.id)) {
      throw ApiException.conflict(
          "The meeting's secretary cannot be removed; choose another secretary first");
    }
    // Proxies given to this participant go back to their givers.
    Participant.update("proxy = null where meeting = ?1 and proxy = ?2", m, p);
    AttendanceEvent.delete("participant", p);
    if (m.participantsInformed()) {
      announcer.announce(m, Announcer.What.REMOVED, List.of(p), List.of(), null);
    }
    p.delete();
    audit.log("meeting.participant.removed", "meeting:" + m.id, p.person.username);
  }

  /** {@code from} gives its vote to {@code toId} (ủy quyền). No chains, no cycles. */
  public ParticipantView setProxy(long meetingId, long participantId, long toId) {
    Meeting m = access.viewable(meetingId);
    Participant from = participant(m, participantId);
    requireGiverOrManager(m, from);
    if (!OPEN.contains(m.status)) {
      throw ApiException.conflict("Proxies are closed for a meeting that is " + m.status);
    }
    if (!from.voting) {
      throw ApiException.invalid(
          "participantId", from.person.fullName + " has no voting right to give");
    }
    if (from.id == toId) {
      throw ApiException.invalid("toParticipantId", "a proxy cannot be given to oneself");
    }
    Participant to = Participant.findById(toId);
    if (to == null || !to.meeting.id.equals(m.id)) {
      throw ApiException.invalid("toParticipantId", "not a participant of this meeting");
    }
    if (!to.voting) {
      throw ApiException.invalid("toParticipantId", to.person.fullName + " has no voting right");
    }
    if (to.proxy != null) {
      throw ApiException.invalid(
          "toParticipantId",
          to.person.fullName
              + " has given their own vote to "
              + to.proxy.person.fullName
              + " (no chains of proxies)");
    }
    if (Participant.count("meeting = ?1 and proxy = ?2", m, from) > 0) {
      throw ApiException.invalid(
          "participantId",
          from.person.fullName + " holds proxies from others and cannot pass them on");
    }
    from.proxy = to;
    audit.log(
        "meeting.proxy.set", "meeting:" + m.id, from.person.username + " -> " + to.person.username);
    return one(m, from.id);
  }

  public ParticipantView clearProxy(long meetingId, long participantId) {
    Meeting m = access.viewable(meetingId);
    Participant from = participant(m, participantId);
    requireGiverOrManager(m, from);
    from.proxy = null;
    audit.log("meeting.proxy.withdrawn", "meeting:" + m.id, from.person.username);
    return one(m, from.id);
  }

  private void requireGiverOrManager(Meeting m, Participant from) {
    boolean self = from.person.id.equals(current.personId());
    if (!self && !access.canManage(m)) {
      throw ApiException.forbidden("Only the delegate or the meeting's secretary may do this");
    }
  }

  private ParticipantView one(Meeting m, long id) {
    return views(m, List.of(id)).get(0);
  }

  static Participant participant(Meeting m, long id) {
    Participant p = Participant.findById(id);
    if (p == null || !p.meeting.id.equals(m.id)) {
      throw ApiException.notFound("participant", id);
    }
    return p;
  }

  // --- rooms --------------------------------------------------------------------------------

  @Transactional
  public List<MeetingEndpointView> endpoints(long meetingId) {
    Meeting m = access.viewable(meetingId);
    return MeetingEndpoint.<MeetingEndpoint>list(
            "from MeetingEndpoint x join fetch x.endpoint e join fetch e.unit"
                + " where x.meeting = ?1 order by e.sortKey, e.id",
            m)
        .stream()
        .map(ParticipantService::view)
        .toList();
  }

  private static MeetingEndpointView view(MeetingEndpoint x) {
    return new MeetingEndpointView(
        x.id,
        x.endpoint.id,
        x.endpoint.code,
        x.endpoint.name,
        x.endpoint.unit.name,
        x.layoutRole,
        x.headCount,
        x.headCountAt,
        x.endpoint.status.name());
  }

  /** Adds rooms one by one or in bulk; unknown or inactive ids refuse the whole request. */
  public EndpointInviteResult inviteEndpoints(long meetingId, EndpointInvite in) {
    Meeting m = changeable(meetingId);
    List<Endpoint> chosen = new ArrayList<>();
    int ways = 0;
    if (in.endpointIds() != null && !in.endpointIds().isEmpty()) {
      ways++;
      Map<Long, Endpoint> found = new LinkedHashMap<>();
      Endpoint.<Endpoint>list("id in ?1", in.endpointIds()).forEach(e -> found.put(e.id, e));
      List<String> bad = new ArrayList<>();
      for (Long id : in.endpointIds()) {
        Endpoint e = found.get(id);
        if (e == null || !e.active) {
          bad.add(String.valueOf(id));
        } else {
          chosen.add(e);
        }
      }
      if (!bad.isEmpty()) {
        throw ApiException.invalid(
            "endpointIds", "unknown or inactive endpoint(s): " + String.join(", ", bad));
      }
    }
    if (in.unitId() != null) {
      ways++;
      Unit root = Unit.findById(in.unitId());
      if (root == null) {
        throw ApiException.invalid("unitId", "unknown unit " + in.unitId());
      }
      Set<Long> units = descendants(root.id);
      chosen.addAll(Endpoint.<Endpoint>list("active = true and unit.id in ?1", units));
    }
    if (in.level() != null) {
      ways++;
      chosen.addAll(Endpoint.<Endpoint>list("active = true and unit.level = ?1", in.level()));
    }
    if (Boolean.TRUE.equals(in.all())) {
      ways++;
      chosen.addAll(Endpoint.<Endpoint>list("active = true"));
    }
    if (ways == 0) {
      throw ApiException.invalid("endpointIds", "give endpointIds, unitId, level or all");
    }
    Set<Long> present =
        new HashSet<>(
            em.createQuery(
                    "select x.endpoint.id from MeetingEndpoint x where x.meeting = :m", Long.class)
                .setParameter("m", m)
                .getResultList());
    int added = 0;
    int already = 0;
    Set<Long> done = new HashSet<>();
    for (Endpoint e : chosen) {
      if (!done.add(e.id)) {
        continue;
      }
      if (present.contains(e.id)) {
        already++;
        continue;
      }
      MeetingEndpoint x = new MeetingEndpoint();
      x.meeting = m;
      x.endpoint = e;
      x.persist();
      added++;
    }
    audit.log("meeting.endpoints.added", "meeting:" + m.id, added + " rooms");
    return new EndpointInviteResult(added, already, present.size() + added);
  }

  private Set<Long> descendants(long rootId) {
    Map<Long, List<Long>> children = new HashMap<>();
    for (Object[] r :
        em.createQuery(
                "select u.id, u.parent.id from Unit u where u.parent is not null", Object[].class)
            .getResultList()) {
      children.computeIfAbsent((Long) r[1], k -> new ArrayList<>()).add((Long) r[0]);
    }
    Set<Long> result = new HashSet<>();
    List<Long> todo = new ArrayList<>(List.of(rootId));
    while (!todo.isEmpty()) {
      Long id = todo.remove(todo.size() - 1);
      if (result.add(id)) {
        todo.addAll(children.getOrDefault(id, List.of()));
      }
    }
    return result;
  }

  public void removeEndpoint(long meetingId, long endpointId) {
    Meeting m = changeable(meetingId);
    MeetingEndpoint x =
        MeetingEndpoint.find("meeting = ?1 and endpoint.id = ?2", m, endpointId).firstResult();
    if (x == null) {
      throw ApiException.notFound("meeting endpoint", endpointId);
    }
    if (m.hostEndpoint != null && m.hostEndpoint.id.equals(endpointId)) {
      throw ApiException.conflict(
          "The host room cannot be removed; change the meeting's place first");
    }
    Participant.update("endpoint = null where meeting = ?1 and endpoint.id = ?2", m, endpointId);
    x.delete();
    audit.log("meeting.endpoint.removed", "meeting:" + m.id, x.endpoint.code);
  }

  // --- attendance ---------------------------------------------------------------------------

  /** The caller checks in from their tablet. */
  public ParticipantView checkIn(long meetingId, Long endpointId) {
    Meeting m = access.viewable(meetingId);
    Participant p = access.myParticipant(m);
    if (p == null) {
      throw ApiException.forbidden("You are not a participant of this meeting");
    }
    Instant now = clock.instant();
    boolean open =
        m.status == MeetingStatus.IN_PROGRESS
            || (m.status == MeetingStatus.SCHEDULED
                && !now.isBefore(m.startsAt.minus(MeetingService.EARLY_START)));
    if (!open) {
      throw ApiException.conflict(
          "Check-in opens 2 hours before the start and closes when the meeting ends");
    }
    Endpoint room = endpointId == null ? p.endpoint : meetingRoom(m, endpointId, "endpointId");
    mark(p, room == null ? Attendance.PRESENT_ONLINE : Attendance.PRESENT_IN_ROOM, room, null, now);
    return one(m, p.id);
  }

  /** The secretary marks someone present, excused (with a reason) or absent. */
  public ParticipantView setAttendance(
      long meetingId, long participantId, Attendance attendance, Long endpointId, String reason) {
    Meeting m = access.manageable(meetingId);
    if (m.status != MeetingStatus.SCHEDULED
        && m.status != MeetingStatus.IN_PROGRESS
        && m.status != MeetingStatus.ENDED) {
      throw ApiException.conflict("Attendance cannot be taken for a meeting that is " + m.status);
    }
    Participant p = participant(m, participantId);
    if (attendance == Attendance.EXCUSED && (reason == null || reason.isBlank())) {
      throw ApiException.invalid("reason", "an excused absence needs a reason");
    }
    Endpoint room = null;
    if (attendance == Attendance.PRESENT_IN_ROOM) {
      room = endpointId == null ? p.endpoint : meetingRoom(m, endpointId, "endpointId");
      if (room == null) {
        throw ApiException.invalid("endpointId", "which room? the participant has no seat");
      }
    }
    mark(p, attendance, room, reason, clock.instant());
    return one(m, p.id);
  }

  private Endpoint meetingRoom(Meeting m, long endpointId, String field) {
    MeetingEndpoint x =
        MeetingEndpoint.find("meeting = ?1 and endpoint.id = ?2", m, endpointId).firstResult();
    if (x == null) {
      throw ApiException.invalid(field, "that room does not take part in this meeting");
    }
    return x.endpoint;
  }

  private void mark(Participant p, Attendance a, Endpoint room, String reason, Instant now) {
    p.attendance = a;
    p.attendanceEndpoint = room;
    p.attendanceReason = Texts.blankToNull(reason);
    p.attendanceAt = now;
    AttendanceEvent e = new AttendanceEvent();
    e.participant = p;
    e.at = now;
    e.attendance = a;
    e.endpoint = room;
    e.reason = p.attendanceReason;
    e.by = current.name();
    e.persist();
  }

  public MeetingEndpointView headCount(long meetingId, long endpointId, int count) {
    Meeting m = MeetingAccess.find(meetingId);
    MeetingEndpoint x =
        MeetingEndpoint.find("meeting = ?1 and endpoint.id = ?2", m, endpointId).firstResult();
    if (x == null) {
      throw ApiException.notFound("meeting endpoint", endpointId);
    }
    if (!access.canManage(m) && !access.operates(x.endpoint)) {
      throw ApiException.forbidden(
          "Only the room's operator or the secretary may report its head count");
    }
    x.headCount = count;
    x.headCountAt = clock.instant();
    return view(x);
  }

  @Transactional
  public Quorum quorum(long meetingId) {
    Meeting m = access.runnable(meetingId);
    List<Participant> all = MeetingService.participants(m);
    long members = all.stream().filter(p -> p.voting).count();
    long present = all.stream().filter(p -> p.voting && p.attendance.present()).count();
    long required = required(members, m.quorumNumerator, m.quorumDenominator, m.quorumStrict);
    List<Missing> missing =
        all.stream()
            .filter(p -> p.voting && !p.attendance.present())
            .sorted(Comparator.comparing(p -> VietnameseText.personSortKey(p.person.fullName)))
            .map(p -> new Missing(p.id, p.person.fullName, p.attendance))
            .toList();
    String rule =
        (m.quorumStrict ? "more than " : "at least ")
            + m.quorumNumerator
            + "/"
            + m.quorumDenominator;
    return new Quorum(
        members,
        present,
        required,
        members > 0 && present >= required,
        rule,
        missing,
        all.stream().filter(p -> p.attendance == Attendance.PRESENT_IN_ROOM).count(),
        all.stream().filter(p -> p.attendance == Attendance.PRESENT_ONLINE).count(),
        all.stream().filter(p -> p.attendance == Attendance.EXCUSED).count(),
        all.stream().filter(p -> p.attendance == Attendance.ABSENT).count());
  }

  /** Smallest head count meeting the rule: more than (strict) or at least num/den of members. */
  static long required(long members, int num, int den, boolean strict) {
    long scaled = members * num;
    return strict ? scaled / den + 1 : (scaled + den - 1) / den;
  }

  @Transactional
  public List<AttendanceLogEntry> log(long meetingId) {
    Meeting m = access.runnable(meetingId);
    return AttendanceEvent.<AttendanceEvent>list(
            "from AttendanceEvent e join fetch e.participant p join fetch p.person"
                + " left join fetch e.endpoint where p.meeting = ?1 order by e.at, e.id",
            m)
        .stream()
        .map(
            e ->
                new AttendanceLogEntry(
                    e.participant.id,
                    e.participant.person.fullName,
                    e.attendance,
                    e.at,
                    e.by,
                    e.reason,
                    e.endpoint == null ? null : e.endpoint.name))
        .toList();
  }

  public ParticipantView respond(long meetingId, InvitationResponse response, String note) {
    Meeting m = access.viewable(meetingId);
    Participant p = access.myParticipant(m);
    if (p == null) {
      throw ApiException.forbidden("You are not a participant of this meeting");
    }
    if (response == InvitationResponse.PENDING) {
      throw ApiException.invalid("response", "answer ACCEPTED, TENTATIVE or DECLINED");
    }
    if (m.status != MeetingStatus.SCHEDULED && m.status != MeetingStatus.IN_PROGRESS) {
      throw ApiException.conflict("Answers are taken for scheduled meetings only");
    }
    p.response = response;
    p.responseNote = Texts.blankToNull(note);
    p.respondedAt = clock.instant();
    return one(m, p.id);
  }
}
