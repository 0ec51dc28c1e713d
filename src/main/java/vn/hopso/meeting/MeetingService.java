package vn.hopso.meeting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.hopso.agenda.AgendaService;
import vn.hopso.audit.AuditService;
import vn.hopso.auth.CurrentUser;
import vn.hopso.auth.Role;
import vn.hopso.common.ApiException;
import vn.hopso.common.Checks;
import vn.hopso.common.ClockProducer;
import vn.hopso.common.Filter;
import vn.hopso.common.Page;
import vn.hopso.common.PageRequest;
import vn.hopso.common.Queries;
import vn.hopso.common.Texts;
import vn.hopso.meeting.MeetingViews.Change;
import vn.hopso.meeting.MeetingViews.Clash;
import vn.hopso.meeting.MeetingViews.MeetingDetail;
import vn.hopso.meeting.MeetingViews.MeetingInput;
import vn.hopso.meeting.MeetingViews.MeetingSummary;
import vn.hopso.meeting.MeetingViews.QuorumRule;
import vn.hopso.notify.Announcer;
import vn.hopso.org.Endpoint;
import vn.hopso.org.Person;
import vn.hopso.org.Unit;

/** Meetings: planning, lists, the lifecycle and clash warnings. */
@ApplicationScoped
@Transactional
public class MeetingService {
  /** Check-in and the start are possible from this long before the planned start. */
  public static final Duration EARLY_START = Duration.ofHours(2);

  private static final Duration MAX_LENGTH = Duration.ofDays(7);
  private static final int MAX_CLASHES = 50;

  @Inject MeetingAccess access;
  @Inject CurrentUser current;
  @Inject AuditService audit;
  @Inject Announcer announcer;
  @Inject AgendaService agenda;
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
    if (all && !current.hasRole(Role.ADMIN) && !current.hasRole(Role.SECRETARY)) {
      throw ApiException.forbidden("Only secretaries and administrators list all meetings");
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
    Long me = current.personId();
    if (!all) {
      // mine: meetings I take part in; drafts only when I prepare them
      f.and(
          "(exists (select 1 from Participant p where p.meeting = e and p.person.id = :me)"
              + " or e.createdBy.id = :me or e.secretary.id = :me)",
          "me",
          me);
      f.and(
          "(e.status <> :draft or e.createdBy.id = :me or e.secretary.id = :me)",
          "draft",
          MeetingStatus.DRAFT);
    } else if (!current.hasRole(Role.ADMIN)) {
      // secretaries see everything but other people's drafts and confidential meetings
      f.and(
          "((e.status <> :draft and e.confidentiality <> :secret) or e.createdBy.id = :me"
              + " or e.secretary.id = :me)",
          "me",
          me);
      f.params().put("draft", MeetingStatus.DRAFT);
      f.params().put("secret", Confidentiality.CONFIDENTIAL);
    }
    Page<Meeting> page =
        Queries.page(
            Meeting.class,
            "from Meeting e join fetch e.hostUnit join fetch e.chair left join fetch e.hostEndpoint",
            "from Meeting e",
            f,
            "e.startsAt, e.id",
            paging);
    return summaries(page);
  }

  private Page<MeetingSummary> summaries(Page<Meeting> page) {
    List<Long> ids = page.items().stream().map(m -> m.id).toList();
    Map<Long, Long> participants = countBy("Participant", ids);
    Map<Long, Long> endpoints = countBy("MeetingEndpoint", ids);
    Map<Long, Participant> mine = new HashMap<>();
    Long me = current.personId();
    if (me != null && !ids.isEmpty()) {
      Participant.<Participant>list("meeting.id in ?1 and person.id = ?2", ids, me)
          .forEach(p -> mine.put(p.meeting.id, p));
    }
    return page.map(
        m ->
            summary(
                m,
                participants.getOrDefault(m.id, 0L),
                endpoints.getOrDefault(m.id, 0L),
                mine.get(m.id)));
  }

  private static MeetingSummary summary(
      Meeting m, long participants, long endpoints, Participant mine) {
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
        mine == null ? null : mine.response);
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

  @Transactional
  public MeetingDetail get(long id) {
    return detail(access.viewable(id));
  }

  MeetingDetail detail(Meeting m) {
    Participant mine = access.myParticipant(m);
    boolean manage = access.canManage(m);
    List<Clash> warnings =
        manage && (m.status == MeetingStatus.DRAFT || m.status == MeetingStatus.SCHEDULED)
            ? clashes(m)
            : List.of();
    List<Change> history =
        MeetingChange.<MeetingChange>list("meeting = ?1 order by at, id", m).stream()
            .map(Change::of)
            .toList();
    return new MeetingDetail(
        summary(m, Participant.count("meeting", m), MeetingEndpoint.count("meeting", m), mine),
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
        manage,
        access.canRun(m),
        warnings,
        history);
  }

  /** People and rooms of this meeting booked in another overlapping meeting. */
  @Transactional
  public List<Clash> clashes(long id) {
    return clashes(access.viewable(id));
  }

  List<Clash> clashes(Meeting m) {
    List<MeetingStatus> live =
        List.of(MeetingStatus.DRAFT, MeetingStatus.SCHEDULED, MeetingStatus.IN_PROGRESS);
    List<Clash> result = new ArrayList<>();
    em.createQuery(
            "select distinct p2.person.fullName, o.id, o.title, o.startsAt, o.endsAt"
                + " from Participant p1, Participant p2 join p2.meeting o"
                + " where p1.meeting.id = :id and p2.person = p1.person and o.id <> :id"
                + " and o.status in :live and o.startsAt < :end and o.endsAt > :start"
                + " order by o.startsAt",
            Object[].class)
        .setParameter("id", m.id)
        .setParameter("live", live)
        .setParameter("start", m.startsAt)
        .setParameter("end", m.endsAt)
        .setMaxResults(MAX_CLASHES)
        .getResultList()
        .forEach(r -> result.add(clash("PERSON", r)));
    em.createQuery(
            "select distinct e2.endpoint.name, o.id, o.title, o.startsAt, o.endsAt"
                + " from MeetingEndpoint e1, MeetingEndpoint e2 join e2.meeting o"
                + " where e1.meeting.id = :id and e2.endpoint = e1.endpoint and o.id <> :id"
                + " and o.status in :live and o.startsAt < :end and o.endsAt > :start"
                + " order by o.startsAt",
            Object[].class)
        .setParameter("id", m.id)
        .setParameter("live", live)
        .setParameter("start", m.startsAt)
        .setParameter("end", m.endsAt)
        .setMaxResults(MAX_CLASHES)
        .getResultList()
        .forEach(r -> result.add(clash("ENDPOINT", r)));
    return result;
  }

  private static Clash clash(String kind, Object[] r) {
    return new Clash(
        kind, (String) r[0], (Long) r[1], (String) r[2], (Instant) r[3], (Instant) r[4]);
  }

  // --- planning -----------------------------------------------------------------------------

  public MeetingDetail create(MeetingInput input) {
    if (!current.hasRole(Role.ADMIN) && !current.hasRole(Role.SECRETARY)) {
      throw ApiException.forbidden("Only secretaries and administrators create meetings");
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
    ensureOfficers(m, null);
    if (m.hostEndpoint != null) {
      addEndpoint(m, m.hostEndpoint, "HOST");
    }
    audit.log("meeting.created", "meeting:" + m.id, m.title);
    return detail(m);
  }

  public MeetingDetail update(long id, MeetingInput input) {
    Meeting m = access.manageable(id);
    if (m.status != MeetingStatus.DRAFT && m.status != MeetingStatus.SCHEDULED) {
      throw ApiException.conflict("A meeting that is " + m.status + " can no longer be edited");
    }
    Checks checks = new Checks();
    Refs refs = check(checks, input);
    checks.throwIfFailed();
    Person oldChair = m.chair;
    String oldWhen = m.startsAt + "/" + m.endsAt;
    String oldWhere = where(m);
    apply(m, input, refs);
    ensureOfficers(m, oldChair);
    if (m.hostEndpoint != null) {
      addEndpoint(m, m.hostEndpoint, "HOST");
    }
    boolean moved = !oldWhen.equals(m.startsAt + "/" + m.endsAt) || !oldWhere.equals(where(m));
    if (moved && m.status == MeetingStatus.SCHEDULED) {
      m.icalSequence++;
      announcer.announce(m, Announcer.What.UPDATE, participants(m), agenda.lines(m), null);
    }
    audit.log("meeting.updated", "meeting:" + m.id, m.title);
    return detail(m);
  }

  private static String where(Meeting m) {
    return m.place + "|" + (m.hostEndpoint == null ? "" : m.hostEndpoint.id);
  }

  private record Refs(Unit unit, Person chair, Person secretary, Endpoint endpoint) {}

  private Refs check(Checks checks, MeetingInput in) {
    if (!in.endsAt().isAfter(in.startsAt())) {
      checks.fail("endsAt", "must be after the start");
    } else if (Duration.between(in.startsAt(), in.endsAt()).compareTo(MAX_LENGTH) > 0) {
      checks.fail("endsAt", "a meeting lasts at most 7 days");
    }
    Unit unit = Unit.findById(in.hostUnitId());
    if (unit == null) {
      checks.fail("hostUnitId", "unknown unit " + in.hostUnitId());
    } else if (!unit.active) {
      checks.fail("hostUnitId", "unit " + unit.name + " is inactive");
    }
    Person chair = activePerson(checks, "chairId", in.chairId());
    Person secretary =
        in.secretaryId() == null ? null : activePerson(checks, "secretaryId", in.secretaryId());
    Endpoint endpoint = null;
    if (in.hostEndpointId() != null) {
      endpoint = Endpoint.findById(in.hostEndpointId());
      if (endpoint == null) {
        checks.fail("hostEndpointId", "unknown endpoint " + in.hostEndpointId());
      } else if (!endpoint.active) {
        checks.fail("hostEndpointId", "endpoint " + endpoint.name + " is inactive");
      }
    }
    if (in.hostEndpointId() == null && (in.place() == null || in.place().isBlank())) {
      checks.fail("place", "give a place or a host endpoint");
    }
    if (in.quorum() != null && in.quorum().numerator() > in.quorum().denominator()) {
      checks.fail("quorum.numerator", "must not exceed the denominator");
    }
    return new Refs(unit, chair, secretary, endpoint);
  }

  private static Person activePerson(Checks checks, String field, Long id) {
    Person p = Person.findById(id);
    if (p == null) {
      checks.fail(field, "unknown person " + id);
    } else if (!p.active) {
      checks.fail(field, p.fullName + " is inactive");
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
      if (m.participantsInformed()) {
        announcer.announce(m, Announcer.What.INVITATION, List.of(p), agenda.lines(m), null);
      }
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

  static List<Participant> participants(Meeting m) {
    return Participant.list(
        "from Participant p join fetch p.person left join fetch p.endpoint where p.meeting = ?1",
        m);
  }

  // --- lifecycle ----------------------------------------------------------------------------

  /** DRAFT → SCHEDULED: participants get their invitations. */
  public MeetingDetail schedule(long id) {
    Meeting m = access.manageable(id);
    requireStatus(m, "schedule", MeetingStatus.DRAFT);
    if (!m.endsAt.isAfter(clock.instant())) {
      throw ApiException.conflict("The meeting's time is already past; change it first");
    }
    m.status = MeetingStatus.SCHEDULED;
    Instant now = clock.instant();
    List<Participant> all = participants(m);
    all.forEach(p -> p.invitedAt = now);
    announcer.announce(m, Announcer.What.INVITATION, all, agenda.lines(m), null);
    return transitioned(m, "meeting.scheduled");
  }

  public MeetingDetail start(long id) {
    Meeting m = access.runnable(id);
    requireStatus(m, "start", MeetingStatus.SCHEDULED);
    if (clock.instant().isBefore(m.startsAt.minus(EARLY_START))) {
      throw ApiException.conflict("A meeting can be started from 2 hours before its planned start");
    }
    m.status = MeetingStatus.IN_PROGRESS;
    return transitioned(m, "meeting.started");
  }

  public MeetingDetail end(long id) {
    Meeting m = access.runnable(id);
    requireStatus(m, "end", MeetingStatus.IN_PROGRESS);
    m.status = MeetingStatus.ENDED;
    return transitioned(m, "meeting.ended");
  }

  public MeetingDetail publishMinutes(long id) {
    Meeting m = access.manageable(id);
    requireStatus(m, "publish the minutes of", MeetingStatus.ENDED);
    m.status = MeetingStatus.MINUTES_PUBLISHED;
    return transitioned(m, "meeting.minutes-published");
  }

  public MeetingDetail archive(long id) {
    Meeting m = access.manageable(id);
    requireStatus(m, "archive", MeetingStatus.MINUTES_PUBLISHED);
    m.status = MeetingStatus.ARCHIVED;
    return transitioned(m, "meeting.archived");
  }

  public MeetingDetail postpone(long id, Instant startsAt, Instant endsAt, String reason) {
    Meeting m = access.manageable(id);
    requireStatus(m, "postpone", MeetingStatus.DRAFT, MeetingStatus.SCHEDULED);
    if (!endsAt.isAfter(startsAt)) {
      throw ApiException.invalid("endsAt", "must be after the start");
    }
    if (Duration.between(startsAt, endsAt).compareTo(MAX_LENGTH) > 0) {
      throw ApiException.invalid("endsAt", "a meeting lasts at most 7 days");
    }
    if (!startsAt.isAfter(clock.instant())) {
      throw ApiException.invalid("startsAt", "the new time must be in the future");
    }
    if (startsAt.equals(m.startsAt) && endsAt.equals(m.endsAt)) {
      throw ApiException.invalid("startsAt", "the new time is the same as the current one");
    }
    MeetingChange c = change(m, "POSTPONED", reason);
    c.newStartsAt = startsAt;
    c.newEndsAt = endsAt;
    m.startsAt = startsAt;
    m.endsAt = endsAt;
    m.postponements++;
    if (m.status == MeetingStatus.SCHEDULED) {
      m.icalSequence++;
      announcer.announce(
          m,
          Announcer.What.UPDATE,
          participants(m),
          agenda.lines(m),
          "Lý do hoãn: " + (reason == null || reason.isBlank() ? "không nêu" : reason.strip()));
    }
    return transitioned(m, "meeting.postponed");
  }

  public MeetingDetail cancel(long id, String reason) {
    Meeting m = access.manageable(id);
    requireStatus(m, "cancel", MeetingStatus.DRAFT, MeetingStatus.SCHEDULED);
    boolean informed = m.status == MeetingStatus.SCHEDULED;
    change(m, "CANCELLED", reason);
    m.status = MeetingStatus.CANCELLED;
    m.cancelReason = reason.strip();
    if (informed) {
      m.icalSequence++;
      announcer.announce(
          m, Announcer.What.CANCELLATION, participants(m), List.of(), "Lý do: " + m.cancelReason);
    }
    return transitioned(m, "meeting.cancelled");
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

  private MeetingDetail transitioned(Meeting m, String action) {
    audit.log(action, "meeting:" + m.id, m.title);
    return detail(m);
  }

  private static void requireStatus(Meeting m, String verb, MeetingStatus... allowed) {
    for (MeetingStatus s : allowed) {
      if (m.status == s) {
        return;
      }
    }
    throw ApiException.conflict(
        "Cannot "
            + verb
            + " a meeting that is "
            + m.status
            + " (allowed from "
            + String.join(" or ", java.util.Arrays.stream(allowed).map(Enum::name).toList())
            + ")");
  }
}
