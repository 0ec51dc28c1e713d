package vn.hopso.meeting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.hopso.common.ApiException;
import vn.hopso.common.Checks;
import vn.hopso.common.ClockProducer;
import vn.hopso.common.CurrentUser;
import vn.hopso.common.DomainEvent;
import vn.hopso.common.Filter;
import vn.hopso.common.Page;
import vn.hopso.common.PageRequest;
import vn.hopso.common.Queries;
import vn.hopso.common.Role;
import vn.hopso.common.Texts;
import vn.hopso.common.Versions;
import vn.hopso.common.Viewer;
import vn.hopso.meeting.MeetingAccess.Access;
import vn.hopso.meeting.MeetingPolicy.Relation;
import vn.hopso.meeting.MeetingViews.Change;
import vn.hopso.meeting.MeetingViews.Clash;
import vn.hopso.meeting.MeetingViews.MeetingDetail;
import vn.hopso.meeting.MeetingViews.MeetingInput;
import vn.hopso.meeting.MeetingViews.MeetingSummary;
import vn.hopso.meeting.MeetingViews.MyParticipation;
import vn.hopso.meeting.MeetingViews.PersonRef;
import vn.hopso.meeting.MeetingViews.QuorumRule;
import vn.hopso.meeting.MeetingViews.ResponseCounts;
import vn.hopso.org.Endpoint;
import vn.hopso.org.OrgMsg;
import vn.hopso.org.Person;
import vn.hopso.org.Unit;

/** Meetings: planning, lists, the lifecycle and clash warnings. */
@ApplicationScoped
@Transactional
public class MeetingService {
  private static final Duration MAX_LENGTH = Duration.ofDays(7);
  private static final int MAX_CLASHES = 50;

  @Inject MeetingAccess access;
  @Inject MeetingPolicy policy;
  @Inject CurrentUser current;
  @Inject Event<DomainEvent> events;
  @Inject Clock clock;
  @Inject EntityManager em;

  // --- reading ------------------------------------------------------------------------------

  @Transactional
  public Page<MeetingSummary> list(
      String scope,
      MeetingStatus status,
      Long unitId,
      LocalDate from,
      LocalDate to,
      String q,
      PageRequest paging) {
    boolean all = "all".equals(scope);
    Viewer v = current.viewer();
    if (all && !v.has(Role.ADMIN) && !v.has(Role.SECRETARY)) {
      throw ApiException.forbidden(MeetingMsg.ONLY_STAFF_LIST_ALL);
    }
    Filter f =
        new Filter()
            .and("e.status = :status", "status", status)
            .and("e.hostUnit.id = :unit", "unit", unitId)
            .and(
                "e.endsAt >= :from",
                "from",
                from == null ? null : from.atStartOfDay(ClockProducer.VIETNAM).toInstant())
            .and(
                "e.startsAt < :to",
                "to",
                to == null ? null : to.plusDays(1).atStartOfDay(ClockProducer.VIETNAM).toInstant())
            .search("e.searchKey", q);
    MeetingVisibility.Predicate visible = MeetingVisibility.of(v, "e");
    f.and(visible.where());
    f.params().putAll(visible.params());
    if (!all) {
      f.and(MeetingVisibility.mine("e"));
      f.params().put("vMe", v.personId() == null ? -1L : v.personId());
    }
    Page<Meeting> page =
        Queries.page(
            Meeting.class,
            "from Meeting e join fetch e.hostUnit join fetch e.chair left join fetch e.hostEndpoint",
            "from Meeting e",
            f,
            "e.startsAt, e.id",
            paging);
    return summaries(page, v);
  }

  private Page<MeetingSummary> summaries(Page<Meeting> page, Viewer v) {
    List<Long> ids = page.items().stream().map(m -> m.id).toList();
    Map<Long, Long> participants = countBy("Participant", ids);
    Map<Long, Long> endpoints = countBy("MeetingEndpoint", ids);
    Map<Long, Participant> mine = new HashMap<>();
    Set<Long> rooms = new HashSet<>();
    if (v.signedIn() && !ids.isEmpty()) {
      Participant.<Participant>list("meeting.id in ?1 and person.id = ?2", ids, v.personId())
          .forEach(p -> mine.put(p.meeting.id, p));
      if (v.has(Role.ENDPOINT)) {
        rooms.addAll(
            em.createQuery(
                    "select x.meeting.id from MeetingEndpoint x where x.meeting.id in :ids"
                        + " and x.endpoint.account.id = :me",
                    Long.class)
                .setParameter("ids", ids)
                .setParameter("me", v.personId())
                .getResultList());
      }
    }
    return page.map(
        m ->
            summary(
                m,
                participants.getOrDefault(m.id, 0L),
                endpoints.getOrDefault(m.id, 0L),
                Relation.of(m, v, mine.get(m.id), rooms.contains(m.id))));
  }

  private MeetingSummary summary(Meeting m, long participants, long endpoints, Relation r) {
    Participant mine = r.participant();
    return new MeetingSummary(
        m.id,
        m.title,
        m.kind,
        m.status,
        m.startsAt,
        m.endsAt,
        m.hostUnit.id,
        m.hostUnit.name,
        m.place,
        m.hostEndpoint == null ? null : m.hostEndpoint.id,
        m.hostEndpoint == null ? null : m.hostEndpoint.name,
        m.chair.id,
        m.chair.fullName,
        m.confidentiality,
        participants,
        endpoints,
        mine == null ? null : mine.role,
        mine == null ? null : mine.attendance,
        mine == null ? null : mine.response,
        policy.capabilities(m, r));
  }

  private Map<Long, Long> countBy(String entity, List<Long> ids) {
    Map<Long, Long> map = new HashMap<>();
    if (ids.isEmpty()) {
      return map;
    }
    em.createQuery(
            "select x.meeting.id, count(x) from "
                + entity
                + " x where x.meeting.id in :ids group by x.meeting.id",
            Object[].class)
        .setParameter("ids", ids)
        .getResultList()
        .forEach(r -> map.put((Long) r[0], (Long) r[1]));
    return map;
  }

  /**
   * The meetings of one person (as participant, preparer, chair or room device) that they may see,
   * ending after {@code since}, drafts excluded: for their calendar feed.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<Meeting> calendarOf(Viewer v, Instant since) {
    MeetingVisibility.Predicate visible = MeetingVisibility.of(v, "m");
    var query =
        em.createQuery(
                "select m from Meeting m where "
                    + visible.where()
                    + " and "
                    + MeetingVisibility.mine("m")
                    + " and m.status <> :draft and m.endsAt > :since order by m.startsAt",
                Meeting.class)
            .setParameter("draft", MeetingStatus.DRAFT)
            .setParameter("since", since)
            .setParameter("vMe", v.personId());
    visible.params().forEach(query::setParameter);
    return query.getResultList();
  }

  @Transactional
  public MeetingDetail get(long id) {
    return detail(access.view(id));
  }

  MeetingDetail detail(Access a) {
    em.flush(); // every answer after a change carries the new version
    Meeting m = a.meeting();
    Participant mine = a.mine();
    List<Clash> warnings =
        policy.allowed(m, a.relation(), MeetingOp.VIEW_CLASHES) ? clashes(m) : List.of();
    List<Change> history =
        MeetingChange.<MeetingChange>list("meeting = ?1 order by at, id", m).stream()
            .map(Change::of)
            .toList();
    return new MeetingDetail(
        summary(
            m, Participant.count("meeting", m), MeetingEndpoint.count("meeting", m), a.relation()),
        m.secretary == null ? null : m.secretary.id,
        m.secretary == null ? null : m.secretary.fullName,
        m.notes,
        m.cancelReason,
        m.postponements,
        new QuorumRule(m.quorumNumerator, m.quorumDenominator, m.quorumStrict),
        m.agendaVersion,
        m.agendaPublishedAt,
        m.agendaDirty,
        mine == null ? null : mine.id,
        warnings,
        history,
        m.version,
        responses(m),
        headCountTotal(m),
        mine == null ? null : mine(mine));
  }

  private ResponseCounts responses(Meeting m) {
    Map<InvitationResponse, Long> by = new HashMap<>();
    for (Object[] r :
        em.createQuery(
                "select p.response, count(p) from Participant p where p.meeting = :m group by p.response",
                Object[].class)
            .setParameter("m", m)
            .getResultList()) {
      by.put((InvitationResponse) r[0], (Long) r[1]);
    }
    return new ResponseCounts(
        by.getOrDefault(InvitationResponse.ACCEPTED, 0L),
        by.getOrDefault(InvitationResponse.TENTATIVE, 0L),
        by.getOrDefault(InvitationResponse.DECLINED, 0L),
        by.getOrDefault(InvitationResponse.PENDING, 0L));
  }

  private long headCountTotal(Meeting m) {
    Long sum =
        em.createQuery(
                "select sum(x.headCount) from MeetingEndpoint x where x.meeting = :m", Long.class)
            .setParameter("m", m)
            .getSingleResult();
    return sum == null ? 0 : sum;
  }

  private static MyParticipation mine(Participant p) {
    List<PersonRef> held =
        Participant.<Participant>list("meeting = ?1 and proxy = ?2", p.meeting, p).stream()
            .map(h -> new PersonRef(h.id, h.person.fullName))
            .toList();
    return new MyParticipation(
        p.id,
        p.role,
        p.voting,
        p.endpoint == null ? null : p.endpoint.id,
        p.endpoint == null ? null : p.endpoint.name,
        p.attendance,
        p.response,
        p.proxy == null ? null : p.proxy.id,
        p.proxy == null ? null : p.proxy.person.fullName,
        held,
        p.version);
  }

  /** People and rooms of this meeting booked in another overlapping meeting. */
  @Transactional
  public List<Clash> clashes(long id) {
    return clashes(access.require(id, MeetingOp.VIEW_CLASHES).meeting());
  }

  List<Clash> clashes(Meeting m) {
    List<MeetingStatus> live =
        List.of(MeetingStatus.DRAFT, MeetingStatus.SCHEDULED, MeetingStatus.IN_PROGRESS);
    List<Object[]> rows = new ArrayList<>();
    List<String> kinds = new ArrayList<>();
    for (String[] q :
        new String[][] {
          {
            "PERSON",
            "select distinct p2.person.fullName, o.id, o.title, o.startsAt, o.endsAt"
                + " from Participant p1, Participant p2 join p2.meeting o"
                + " where p1.meeting.id = :id and p2.person = p1.person and o.id <> :id"
                + " and o.status in :live and o.startsAt < :end and o.endsAt > :start"
                + " order by o.startsAt"
          },
          {
            "ENDPOINT",
            "select distinct e2.endpoint.name, o.id, o.title, o.startsAt, o.endsAt"
                + " from MeetingEndpoint e1, MeetingEndpoint e2 join e2.meeting o"
                + " where e1.meeting.id = :id and e2.endpoint = e1.endpoint and o.id <> :id"
                + " and o.status in :live and o.startsAt < :end and o.endsAt > :start"
                + " order by o.startsAt"
          }
        }) {
      for (Object[] r :
          em.createQuery(q[1], Object[].class)
              .setParameter("id", m.id)
              .setParameter("live", live)
              .setParameter("start", m.startsAt)
              .setParameter("end", m.endsAt)
              .setMaxResults(MAX_CLASHES)
              .getResultList()) {
        rows.add(r);
        kinds.add(q[0]);
      }
    }
    // The other meeting is named only to those who may see it; others learn only "busy then".
    Set<Long> visible =
        access.visibleAmong(current.viewer(), rows.stream().map(r -> (Long) r[1]).toList());
    List<Clash> result = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Object[] r = rows.get(i);
      boolean named = visible.contains((Long) r[1]);
      result.add(
          new Clash(
              kinds.get(i),
              (String) r[0],
              named ? (Long) r[1] : null,
              named ? (String) r[2] : null,
              (Instant) r[3],
              (Instant) r[4]));
    }
    return result;
  }

  // --- planning -----------------------------------------------------------------------------

  public MeetingDetail create(MeetingInput input) {
    if (!current.hasRole(Role.ADMIN) && !current.hasRole(Role.SECRETARY)) {
      throw ApiException.forbidden(MeetingMsg.ONLY_STAFF_CREATE);
    }
    Checks checks = new Checks();
    Refs refs = check(checks, input);
    checks.throwIfFailed();
    Meeting m = new Meeting();
    m.icalUid = UUID.randomUUID() + "@hopso";
    m.createdAt = clock.instant();
    m.createdBy = Person.findById(current.personId());
    apply(m, input, refs);
    m.persist();
    events.fire(new MeetingEvents.Created(m));
    ensureOfficers(m, null);
    if (m.hostEndpoint != null) {
      addEndpoint(m, m.hostEndpoint, "HOST");
    }
    return detail(access.view(m.id));
  }

  public MeetingDetail update(long id, MeetingInput input) {
    Access a = access.require(id, MeetingOp.EDIT);
    Meeting m = a.meeting();
    Versions.check(input.version(), m.version);
    Checks checks = new Checks();
    Refs refs = check(checks, input);
    checks.throwIfFailed();
    Person oldChair = m.chair;
    Person oldSecretary = m.secretary;
    Confidentiality oldConfidentiality = m.confidentiality;
    String oldWhen = m.startsAt + "/" + m.endsAt;
    String oldWhere = where(m);
    apply(m, input, refs);
    ensureOfficers(m, oldChair);
    if (m.hostEndpoint != null) {
      addEndpoint(m, m.hostEndpoint, "HOST");
    }
    boolean moved = !oldWhen.equals(m.startsAt + "/" + m.endsAt) || !oldWhere.equals(where(m));
    if (moved && m.participantsInformed()) {
      m.icalSequence++;
    }
    java.util.Set<Long> relationChanged = new java.util.HashSet<>();
    if (!oldChair.id.equals(m.chair.id)) {
      relationChanged.add(oldChair.id);
      relationChanged.add(m.chair.id);
    }
    Long newSecretaryId = m.secretary == null ? null : m.secretary.id;
    Long oldSecretaryId = oldSecretary == null ? null : oldSecretary.id;
    if (!java.util.Objects.equals(oldSecretaryId, newSecretaryId)) {
      if (oldSecretaryId != null) {
        relationChanged.add(oldSecretaryId);
      }
      if (newSecretaryId != null) {
        relationChanged.add(newSecretaryId);
      }
    }
    boolean restricted =
        oldConfidentiality == Confidentiality.NORMAL && m.confidentiality != Confidentiality.NORMAL;
    events.fire(new MeetingEvents.Updated(m, moved, relationChanged, restricted));
    em.flush(); // the answer carries the new version
    // The caller was allowed to make this change, so they get its result even when the change
    // itself ends their view of the meeting (a secretary handing a draft to another secretary);
    // the capabilities follow their new standing.
    return detail(new Access(m, access.relation(m, current.viewer())));
  }

  private static String where(Meeting m) {
    return m.place + "|" + (m.hostEndpoint == null ? "" : m.hostEndpoint.id);
  }

  private record Refs(Unit unit, Person chair, Person secretary, Endpoint endpoint) {}

  private Refs check(Checks checks, MeetingInput in) {
    if (!in.endsAt().isAfter(in.startsAt())) {
      checks.fail("endsAt", MeetingMsg.END_BEFORE_START);
    } else if (Duration.between(in.startsAt(), in.endsAt()).compareTo(MAX_LENGTH) > 0) {
      checks.fail("endsAt", MeetingMsg.TOO_LONG);
    }
    Unit unit = Unit.findById(in.hostUnitId());
    if (unit == null) {
      checks.fail("hostUnitId", OrgMsg.UNIT_UNKNOWN, "id", in.hostUnitId());
    } else if (!unit.active) {
      checks.fail("hostUnitId", OrgMsg.UNIT_INACTIVE, "name", unit.name);
    }
    Person chair = activePerson(checks, "chairId", in.chairId());
    Person secretary =
        in.secretaryId() == null ? null : activePerson(checks, "secretaryId", in.secretaryId());
    Endpoint endpoint = null;
    if (in.hostEndpointId() != null) {
      endpoint = Endpoint.findById(in.hostEndpointId());
      if (endpoint == null) {
        checks.fail("hostEndpointId", OrgMsg.ENDPOINT_UNKNOWN, "id", in.hostEndpointId());
      } else if (!endpoint.active) {
        checks.fail("hostEndpointId", OrgMsg.ENDPOINT_INACTIVE, "name", endpoint.name);
      }
    }
    if (in.hostEndpointId() == null && (in.place() == null || in.place().isBlank())) {
      checks.fail("place", MeetingMsg.PLACE_REQUIRED);
    }
    if (in.quorum() != null && in.quorum().numerator() > in.quorum().denominator()) {
      checks.fail("quorum.numerator", MeetingMsg.QUORUM_FRACTION);
    }
    return new Refs(unit, chair, secretary, endpoint);
  }

  private static Person activePerson(Checks checks, String field, Long id) {
    Person p = Person.findById(id);
    if (p == null) {
      checks.fail(field, OrgMsg.PERSON_UNKNOWN, "id", id);
    } else if (!p.active) {
      checks.fail(field, OrgMsg.PERSON_INACTIVE, "name", p.fullName);
    } else if (p.hasRole(Role.ENDPOINT)) {
      checks.fail(field, MeetingMsg.DEVICE_NOT_PERSON, "name", p.fullName);
    }
    return p;
  }

  private static void apply(Meeting m, MeetingInput in, Refs refs) {
    m.title = in.title().strip();
    m.kind = in.kind();
    m.hostUnit = refs.unit();
    m.chair = refs.chair();
    m.secretary = refs.secretary();
    m.startsAt = in.startsAt();
    m.endsAt = in.endsAt();
    m.hostEndpoint = refs.endpoint();
    m.place = Texts.blankToNull(in.place());
    m.confidentiality =
        in.confidentiality() == null ? Confidentiality.NORMAL : in.confidentiality();
    m.notes = Texts.blankToNull(in.notes());
    if (in.quorum() != null) {
      m.quorumNumerator = in.quorum().numerator();
      m.quorumDenominator = in.quorum().denominator();
      m.quorumStrict = in.quorum().strict();
    }
  }

  /** The chair and the secretary always take part, with their roles. */
  private void ensureOfficers(Meeting m, Person oldChair) {
    if (oldChair != null && !oldChair.id.equals(m.chair.id)) {
      Participant old = Participant.find("meeting = ?1 and person = ?2", m, oldChair).firstResult();
      if (old != null && old.role == ParticipantRole.CHAIR) {
        old.role = ParticipantRole.DELEGATE;
      }
    }
    officer(m, m.chair, ParticipantRole.CHAIR, true);
    if (m.secretary != null) {
      officer(m, m.secretary, ParticipantRole.SECRETARY, false);
    }
  }

  private void officer(Meeting m, Person person, ParticipantRole role, boolean voting) {
    Participant p = Participant.find("meeting = ?1 and person = ?2", m, person).firstResult();
    if (p == null) {
      p = new Participant();
      p.meeting = m;
      p.person = person;
      p.role = role;
      p.voting = voting;
      p.endpoint = m.hostEndpoint;
      if (m.participantsInformed()) {
        p.invitedAt = clock.instant();
      }
      p.persist();
      events.fire(new MeetingEvents.ParticipantsAdded(m, List.of(p)));
    } else if (role == ParticipantRole.CHAIR) {
      p.role = role;
      p.voting = true;
    } else if (p.role != ParticipantRole.CHAIR) {
      p.role = role;
    }
  }

  MeetingEndpoint addEndpoint(Meeting m, Endpoint e, String layoutRole) {
    MeetingEndpoint me = MeetingEndpoint.find("meeting = ?1 and endpoint = ?2", m, e).firstResult();
    if (me == null) {
      me = new MeetingEndpoint();
      me.meeting = m;
      me.endpoint = e;
      me.layoutRole = layoutRole;
      me.persist();
    } else if ("HOST".equals(layoutRole)) {
      me.layoutRole = layoutRole;
    }
    return me;
  }

  /** Every participant of the meeting with person and seat, for announcements. */
  public static List<Participant> participants(Meeting m) {
    return Participant.list(
        "from Participant p join fetch p.person left join fetch p.endpoint where p.meeting = ?1",
        m);
  }

  // --- lifecycle ----------------------------------------------------------------------------

  /** DRAFT → SCHEDULED: participants get their invitations. */
  public MeetingDetail schedule(long id) {
    Access a = access.require(id, MeetingOp.SCHEDULE);
    Meeting m = a.meeting();
    if (!m.endsAt.isAfter(clock.instant())) {
      throw ApiException.conflict(MeetingMsg.TIME_PAST);
    }
    m.status = MeetingStatus.SCHEDULED;
    Instant now = clock.instant();
    List<Participant> all = participants(m);
    all.forEach(p -> p.invitedAt = now);
    events.fire(new MeetingEvents.Scheduled(m, all));
    return detail(a);
  }

  public MeetingDetail start(long id) {
    Access a = access.require(id, MeetingOp.START);
    a.meeting().status = MeetingStatus.IN_PROGRESS;
    a.meeting().sessionStartedAt = clock.instant();
    events.fire(new MeetingEvents.Started(a.meeting()));
    return detail(a);
  }

  public MeetingDetail end(long id) {
    Access a = access.require(id, MeetingOp.END);
    if (a.meeting().paused) {
      resumeClock(a.meeting());
    }
    a.meeting().status = MeetingStatus.ENDED;
    events.fire(new MeetingEvents.Ended(a.meeting()));
    return detail(a);
  }

  /** The chair pauses the session: the current item's and the current speech's clocks stop. */
  public MeetingDetail pause(long id) {
    Access a = access.require(id, MeetingOp.RUN_SESSION);
    Meeting m = a.meeting();
    if (m.paused) {
      throw ApiException.conflict(MeetingMsg.ALREADY_PAUSED);
    }
    m.paused = true;
    m.pausedAt = clock.instant();
    events.fire(new MeetingEvents.SessionPaused(m));
    return detail(a);
  }

  public MeetingDetail resume(long id) {
    Access a = access.require(id, MeetingOp.RUN_SESSION);
    if (!a.meeting().paused) {
      throw ApiException.conflict(MeetingMsg.NOT_PAUSED);
    }
    resumeClock(a.meeting());
    return detail(a);
  }

  private void resumeClock(Meeting m) {
    long seconds = Duration.between(m.pausedAt, clock.instant()).toSeconds();
    m.paused = false;
    m.pausedAt = null;
    events.fire(new MeetingEvents.SessionResumed(m, Math.max(0, seconds)));
  }

  /**
   * The meeting's record is final: for the minutes feature, once its minutes are signed by both and
   * published (the caller holds {@link MeetingOp#PUBLISH_MINUTES}, checked by that feature).
   */
  public void minutesPublished(Access a, String number) {
    access.require(a, MeetingOp.PUBLISH_MINUTES);
    a.meeting().status = MeetingStatus.MINUTES_PUBLISHED;
    events.fire(new MeetingEvents.MinutesPublished(a.meeting(), number));
  }

  public MeetingDetail archive(long id) {
    Access a = access.require(id, MeetingOp.ARCHIVE);
    a.meeting().status = MeetingStatus.ARCHIVED;
    events.fire(new MeetingEvents.Archived(a.meeting()));
    return detail(a);
  }

  public MeetingDetail postpone(long id, Instant startsAt, Instant endsAt, String reason) {
    Access a = access.require(id, MeetingOp.POSTPONE);
    Meeting m = a.meeting();
    if (!endsAt.isAfter(startsAt)) {
      throw ApiException.invalid("endsAt", MeetingMsg.END_BEFORE_START);
    }
    if (Duration.between(startsAt, endsAt).compareTo(MAX_LENGTH) > 0) {
      throw ApiException.invalid("endsAt", MeetingMsg.TOO_LONG);
    }
    if (!startsAt.isAfter(clock.instant())) {
      throw ApiException.invalid("startsAt", MeetingMsg.NEW_TIME_PAST);
    }
    if (startsAt.equals(m.startsAt) && endsAt.equals(m.endsAt)) {
      throw ApiException.invalid("startsAt", MeetingMsg.SAME_TIME);
    }
    MeetingChange c = change(m, "POSTPONED", reason);
    c.newStartsAt = startsAt;
    c.newEndsAt = endsAt;
    m.startsAt = startsAt;
    m.endsAt = endsAt;
    m.postponements++;
    boolean informed = m.participantsInformed();
    if (informed) {
      m.icalSequence++;
    }
    events.fire(new MeetingEvents.Postponed(m, Texts.blankToNull(reason), informed));
    return detail(a);
  }

  public MeetingDetail cancel(long id, String reason) {
    Access a = access.require(id, MeetingOp.CANCEL);
    Meeting m = a.meeting();
    boolean informed = m.participantsInformed();
    change(m, "CANCELLED", reason);
    m.status = MeetingStatus.CANCELLED;
    m.cancelReason = reason.strip();
    if (informed) {
      m.icalSequence++;
    }
    events.fire(new MeetingEvents.Cancelled(m, m.cancelReason, informed));
    return detail(a);
  }

  private MeetingChange change(Meeting m, String kind, String reason) {
    MeetingChange c = new MeetingChange();
    c.meeting = m;
    c.at = clock.instant();
    c.by = current.name();
    c.kind = kind;
    c.oldStartsAt = m.startsAt;
    c.oldEndsAt = m.endsAt;
    c.reason = Texts.blankToNull(reason);
    c.persist();
    return c;
  }
}
