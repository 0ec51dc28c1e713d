package vn.hopso.meeting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.hopso.common.ApiException;
import vn.hopso.common.Checks;
import vn.hopso.common.CurrentUser;
import vn.hopso.common.DomainEvent;
import vn.hopso.common.Filter;
import vn.hopso.common.Page;
import vn.hopso.common.PageRequest;
import vn.hopso.common.Role;
import vn.hopso.common.Texts;
import vn.hopso.common.Versions;
import vn.hopso.common.VietnameseText;
import vn.hopso.meeting.MeetingAccess.Access;
import vn.hopso.meeting.MeetingViews.AttendanceLogEntry;
import vn.hopso.meeting.MeetingViews.BulkInvite;
import vn.hopso.meeting.MeetingViews.BulkInviteResult;
import vn.hopso.meeting.MeetingViews.EndpointInvite;
import vn.hopso.meeting.MeetingViews.EndpointInviteResult;
import vn.hopso.meeting.MeetingViews.MeetingEndpointView;
import vn.hopso.meeting.MeetingViews.Missing;
import vn.hopso.meeting.MeetingViews.ParticipantInput;
import vn.hopso.meeting.MeetingViews.ParticipantUpdate;
import vn.hopso.meeting.MeetingViews.ParticipantView;
import vn.hopso.meeting.MeetingViews.PersonRef;
import vn.hopso.meeting.MeetingViews.Quorum;
import vn.hopso.org.Endpoint;
import vn.hopso.org.OrgMsg;
import vn.hopso.org.Person;
import vn.hopso.org.Unit;

/** Who takes part, from which room, with which vote and proxy; attendance and quorum. */
@ApplicationScoped
@Transactional
public class ParticipantService {
  @Inject MeetingAccess access;
  @Inject MeetingService meetings;
  @Inject CurrentUser current;
  @Inject Event<DomainEvent> events;
  @Inject Clock clock;
  @Inject EntityManager em;

  /** The delivery status of each participant's latest email and SMS, read by the views. */
  public interface DeliveryStatus {
    /** "personId:CHANNEL" → status name, for the given people of the meeting (null: all). */
    Map<String, String> latest(Meeting m, Collection<Long> personIds);
  }

  @Inject jakarta.enterprise.inject.Instance<DeliveryStatus> deliveries;

  // --- people -------------------------------------------------------------------------------

  /**
   * One page of the participants: the chair first, then the secretary, then everyone in Vietnamese
   * name order; optionally only those matching {@code q}, a role or an attendance.
   */
  @Transactional
  public Page<ParticipantView> list(
      long meetingId,
      String q,
      ParticipantRole role,
      Attendance attendance,
      InvitationResponse response,
      PageRequest paging) {
    Access a = access.view(meetingId);
    Meeting m = a.meeting();
    Filter f =
        new Filter()
            .and("p.meeting = :m", "m", m)
            .and("p.role = :role", "role", role)
            .and("p.attendance = :att", "att", attendance)
            .and("p.response = :resp", "resp", response)
            .search("pp.searchKey", q);
    long total = count("select count(p) from Participant p join p.person pp where " + f.where(), f);
    TypedQuery<Long> ids =
        em.createQuery(
            "select p.id from Participant p join p.person pp where "
                + f.where()
                + " order by case when p.role = :rChair then 0 when p.role = :rSecretary then 1"
                + " else 2 end, pp.sortKey, p.id",
            Long.class);
    f.params().forEach(ids::setParameter);
    ids.setParameter("rChair", ParticipantRole.CHAIR);
    ids.setParameter("rSecretary", ParticipantRole.SECRETARY);
    List<Long> page =
        ids.setFirstResult(paging.offset()).setMaxResults(paging.size).getResultList();
    List<ParticipantView> views = page.isEmpty() ? List.of() : views(a, page);
    return new Page<>(views, total, paging.page, paging.size);
  }

  private long count(String jpql, Filter f) {
    TypedQuery<Long> q = em.createQuery(jpql, Long.class);
    f.params().forEach(q::setParameter);
    return q.getSingleResult();
  }

  /**
   * Views of the given participants of the meeting, in the order of {@code only}: answering one
   * check-in must not read the other 500 participants and all their deliveries.
   */
  private List<ParticipantView> views(Access a, List<Long> only) {
    Meeting m = a.meeting();
    TypedQuery<Participant> rows =
        em.createQuery(
            "select p from Participant p join fetch p.person pp left join fetch pp.unit"
                + " left join fetch p.endpoint left join fetch p.proxy pr left join fetch pr.person"
                + " where p.meeting = :m and p.id in :only",
            Participant.class);
    TypedQuery<Object[]> proxies =
        em.createQuery(
            "select p.proxy.id, p.id, p.person.fullName from Participant p where p.meeting = :m"
                + " and p.proxy.id in :only",
            Object[].class);
    for (TypedQuery<?> q : List.of(rows, proxies)) {
      q.setParameter("m", m);
      q.setParameter("only", only);
    }
    Map<Long, List<PersonRef>> held = new HashMap<>();
    for (Object[] r : proxies.getResultList()) {
      held.computeIfAbsent((Long) r[0], k -> new ArrayList<>())
          .add(new PersonRef((Long) r[1], (String) r[2]));
    }
    Map<Long, Participant> byId = new HashMap<>();
    rows.getResultList().forEach(p -> byId.put(p.id, p));
    // why someone is absent and what they wrote back are for those who run the meeting; whether
    // messages reached them for those who may see the deliveries (the policy's rule); both for the
    // person themself
    boolean runner = a.relation().runner();
    boolean deliveriesShown = access.allowed(m, a.relation(), MeetingOp.VIEW_DELIVERIES);
    Long me = current.personId();
    List<Long> people =
        byId.values().stream()
            .map(p -> p.person.id)
            .filter(id -> deliveriesShown || id.equals(me))
            .toList();
    Map<String, String> delivery =
        deliveries.isResolvable() && !people.isEmpty()
            ? deliveries.get().latest(m, people)
            : Map.of();
    List<ParticipantView> out = new ArrayList<>();
    for (Long id : only) {
      Participant p = byId.get(id);
      if (p != null) {
        boolean self = p.person.id.equals(me);
        ParticipantView v =
            view(p, held.getOrDefault(p.id, List.of()), deliveriesShown || self ? delivery : null);
        out.add(runner || self ? v : v.withoutPrivateDetails());
      }
    }
    return out;
  }

  /** {@code delivery} null: the delivery status is not shown ({@code email}/{@code sms} null). */
  private static ParticipantView view(
      Participant p, List<PersonRef> held, Map<String, String> delivery) {
    return new ParticipantView(
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
        held,
        p.attendance,
        p.attendanceReason,
        p.attendanceAt,
        p.response,
        p.responseNote,
        p.respondedAt,
        p.invitedAt,
        delivery == null ? null : delivery.getOrDefault(p.person.id + ":EMAIL", "NONE"),
        delivery == null ? null : delivery.getOrDefault(p.person.id + ":SMS", "NONE"),
        p.version);
  }

  public List<ParticipantView> invite(long meetingId, List<ParticipantInput> inputs) {
    Access a = access.require(meetingId, MeetingOp.EDIT_PARTICIPANTS);
    Meeting m = a.meeting();
    Checks checks = new Checks();
    Set<Long> invited = invitedPeople(m);
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
        checks.fail(field + ".personId", OrgMsg.PERSON_UNKNOWN, "id", in.personId());
      } else if (!person.active) {
        checks.fail(field + ".personId", OrgMsg.PERSON_INACTIVE, "name", person.fullName);
      } else if (person.hasRole(Role.ENDPOINT)) {
        checks.fail(field + ".personId", MeetingMsg.DEVICE_NOT_PERSON, "name", person.fullName);
      } else if (invited.contains(in.personId())) {
        checks.conflict(field + ".personId", MeetingMsg.ALREADY_INVITED, "name", person.fullName);
      } else if (!seen.add(in.personId())) {
        checks.fail(field + ".personId", MeetingMsg.TWICE_IN_REQUEST, "name", person.fullName);
      }
      if (in.role() == ParticipantRole.CHAIR) {
        checks.fail(field + ".role", MeetingMsg.CHAIR_ON_MEETING);
      }
      if (in.endpointId() != null) {
        Endpoint e = Endpoint.findById(in.endpointId());
        if (e == null || !e.active) {
          checks.fail(field + ".endpointId", OrgMsg.ENDPOINT_UNKNOWN, "id", in.endpointId());
        } else {
          seats.put(e.id, e);
        }
      }
    }
    checks.throwIfFailed();
    List<Participant> added = new ArrayList<>();
    for (ParticipantInput in : inputs) {
      Endpoint seat = in.endpointId() == null ? null : seats.get(in.endpointId());
      Boolean voting = in.voting();
      added.add(add(m, people.get(in.personId()), in.role(), seat, voting));
    }
    events.fire(new MeetingEvents.ParticipantsAdded(m, added));
    return views(a, added.stream().map(p -> p.id).toList());
  }

  private Participant add(
      Meeting m, Person person, ParticipantRole role, Endpoint seat, Boolean voting) {
    Participant p = new Participant();
    p.meeting = m;
    p.person = person;
    p.role = role;
    p.voting = voting != null ? voting : role == ParticipantRole.DELEGATE;
    p.endpoint = seat;
    if (seat != null) {
      meetings.addEndpoint(m, seat, "VIEWER");
    }
    if (m.participantsInformed()) {
      p.invitedAt = clock.instant();
    }
    p.persist();
    return p;
  }

  private Set<Long> invitedPeople(Meeting m) {
    return new HashSet<>(
        em.createQuery("select p.person.id from Participant p where p.meeting = :m", Long.class)
            .setParameter("m", m)
            .getResultList());
  }

  /** Adds everyone a unit, an account role and/or a pasted list names (see {@link BulkInvite}). */
  public BulkInviteResult inviteMany(long meetingId, BulkInvite in) {
    Meeting m = access.require(meetingId, MeetingOp.EDIT_PARTICIPANTS).meeting();
    if (in.role() == ParticipantRole.CHAIR) {
      throw ApiException.invalid("role", MeetingMsg.CHAIR_ON_MEETING);
    }
    boolean byList = in.list() != null && !in.list().isBlank();
    if (in.unitId() == null && in.accountRole() == null && !byList) {
      throw ApiException.invalid("unitId", MeetingMsg.BULK_NOTHING);
    }
    Map<Long, Person> chosen = new LinkedHashMap<>();
    if (in.unitId() != null || in.accountRole() != null) {
      Filter f =
          new Filter()
              .and("e.active = true")
              .and(":device not member of e.roles", "device", Role.ENDPOINT)
              .and(":role member of e.roles", "role", in.accountRole());
      if (in.unitId() != null) {
        Unit root = Unit.findById(in.unitId());
        if (root == null) {
          throw ApiException.invalid("unitId", OrgMsg.UNIT_UNKNOWN, "id", in.unitId());
        }
        Set<Long> units =
            Boolean.FALSE.equals(in.includeSubunits()) ? Set.of(root.id) : descendants(root.id);
        f.and("e.unit.id in :units", "units", units);
      }
      Person.<Person>list("from Person e where " + f.where() + " order by e.sortKey", f.params())
          .forEach(p -> chosen.put(p.id, p));
    }
    List<String> notFound = new ArrayList<>();
    List<String> ambiguous = new ArrayList<>();
    if (byList) {
      resolveList(in.list(), chosen, notFound, ambiguous);
    }
    Set<Long> invited = invitedPeople(m);
    List<Participant> added = new ArrayList<>();
    int already = 0;
    for (Person p : chosen.values()) {
      if (invited.contains(p.id)) {
        already++;
        continue;
      }
      added.add(add(m, p, in.role(), null, in.voting()));
    }
    if (!added.isEmpty()) {
      events.fire(new MeetingEvents.ParticipantsAdded(m, added));
    }
    return new BulkInviteResult(
        added.size(), already, notFound, ambiguous, Participant.count("meeting", m));
  }

  /**
   * Each non-blank line of a pasted list names one active person by username, email or full name
   * (case and diacritics ignored for names). Lines may carry a leading number ("1." / "1)").
   */
  private static void resolveList(
      String list, Map<Long, Person> chosen, List<String> notFound, List<String> ambiguous) {
    Set<String> lines = new LinkedHashSet<>();
    for (String raw : list.split("\\R")) {
      String line = raw.replaceFirst("^\\s*\\d{1,4}[.)]?\\s+", "").strip();
      if (!line.isEmpty() && line.length() <= 300) {
        lines.add(line);
      }
    }
    for (String line : lines) {
      List<Person> found =
          Person.list(
              "active = true and ?2 not member of roles and (username = ?1 or lower(email) = ?1)",
              line.toLowerCase(java.util.Locale.ROOT),
              Role.ENDPOINT);
      if (found.isEmpty()) {
        String folded = VietnameseText.fold(line);
        found =
            Person.<Person>list(
                    "active = true and ?2 not member of roles and searchKey like ?1",
                    VietnameseText.likePattern(folded).substring(1),
                    Role.ENDPOINT)
                .stream()
                .filter(p -> VietnameseText.fold(p.fullName).equals(folded))
                .toList();
      }
      if (found.isEmpty()) {
        notFound.add(line);
      } else if (found.size() > 1) {
        ambiguous.add(line);
      } else {
        chosen.putIfAbsent(found.get(0).id, found.get(0));
      }
    }
  }

  public ParticipantView update(long meetingId, long participantId, ParticipantUpdate in) {
    Access a = access.require(meetingId, MeetingOp.EDIT_PARTICIPANTS);
    Meeting m = a.meeting();
    Participant p = participant(m, participantId);
    Versions.check(in.version(), p.version);
    if (p.person.id.equals(m.chair.id) && in.role() != ParticipantRole.CHAIR) {
      throw ApiException.conflict(MeetingMsg.CHAIR_KEEPS_ROLE);
    }
    if (in.role() == ParticipantRole.CHAIR && !p.person.id.equals(m.chair.id)) {
      throw ApiException.invalid("role", MeetingMsg.CHAIR_ON_MEETING);
    }
    p.role = in.role();
    if (in.voting() != null) {
      if (!in.voting() && Participant.count("meeting = ?1 and proxy = ?2", m, p) > 0) {
        throw ApiException.conflict(MeetingMsg.HOLDS_PROXIES);
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
        throw ApiException.invalid("endpointId", OrgMsg.ENDPOINT_UNKNOWN, "id", in.endpointId());
      }
      p.endpoint = e;
      meetings.addEndpoint(m, e, "VIEWER");
    }
    events.fire(new MeetingEvents.ParticipantUpdated(m, p));
    return one(a, p.id);
  }

  public void remove(long meetingId, long participantId) {
    Meeting m = access.require(meetingId, MeetingOp.EDIT_PARTICIPANTS).meeting();
    Participant p = participant(m, participantId);
    if (p.person.id.equals(m.chair.id)) {
      throw ApiException.conflict(MeetingMsg.CHAIR_NOT_REMOVABLE);
    }
    if (m.secretary != null && p.person.id.equals(m.secretary.id)) {
      throw ApiException.conflict(MeetingMsg.SECRETARY_NOT_REMOVABLE);
    }
    // Proxies given to this participant go back to their givers.
    Participant.update("proxy = null where meeting = ?1 and proxy = ?2", m, p);
    AttendanceEvent.delete("participant", p);
    p.delete();
    em.flush();
    // observers see the meeting without them (counts, quorum)
    events.fire(new MeetingEvents.ParticipantRemoved(m, p));
  }

  /** {@code from} gives its vote to {@code toId} (ủy quyền). No chains, no cycles. */
  public ParticipantView setProxy(long meetingId, long participantId, long toId) {
    Access a = access.require(meetingId, MeetingOp.SET_PROXY);
    Meeting m = a.meeting();
    Participant from = participant(m, participantId);
    requireGiverOrManager(a, from);
    if (!from.voting) {
      throw ApiException.invalid(
          "participantId", MeetingMsg.NO_VOTE_TO_GIVE, "name", from.person.fullName);
    }
    if (from.id == toId) {
      throw ApiException.invalid("toParticipantId", MeetingMsg.PROXY_SELF);
    }
    Participant to = Participant.findById(toId);
    if (to == null || !to.meeting.id.equals(m.id)) {
      throw ApiException.invalid("toParticipantId", MeetingMsg.PROXY_NOT_PARTICIPANT);
    }
    if (!to.voting) {
      throw ApiException.invalid(
          "toParticipantId", MeetingMsg.PROXY_NO_VOTE, "name", to.person.fullName);
    }
    if (to.proxy != null) {
      throw ApiException.invalid(
          "toParticipantId",
          MeetingMsg.PROXY_CHAIN,
          "name",
          to.person.fullName,
          "to",
          to.proxy.person.fullName);
    }
    if (Participant.count("meeting = ?1 and proxy = ?2", m, from) > 0) {
      throw ApiException.invalid(
          "participantId", MeetingMsg.PROXY_PASS_ON, "name", from.person.fullName);
    }
    from.proxy = to;
    events.fire(new MeetingEvents.ProxyChanged(m, from, to));
    return one(a, from.id);
  }

  public ParticipantView clearProxy(long meetingId, long participantId) {
    Access a = access.require(meetingId, MeetingOp.SET_PROXY);
    Meeting m = a.meeting();
    Participant from = participant(m, participantId);
    requireGiverOrManager(a, from);
    from.proxy = null;
    events.fire(new MeetingEvents.ProxyChanged(m, from, null));
    return one(a, from.id);
  }

  private void requireGiverOrManager(Access a, Participant from) {
    boolean self = from.person.id.equals(current.personId());
    if (!self && !a.manager()) {
      throw ApiException.forbidden(MeetingMsg.NEED_VOTER_OR_MANAGER);
    }
  }

  private ParticipantView one(Access a, long id) {
    em.flush(); // the answer carries the new version
    return views(a, List.of(id)).get(0);
  }

  static Participant participant(Meeting m, long id) {
    Participant p = Participant.findById(id);
    if (p == null || !p.meeting.id.equals(m.id)) {
      throw ApiException.notFound(MeetingMsg.PARTICIPANT, id);
    }
    return p;
  }

  // --- rooms --------------------------------------------------------------------------------

  /** One page of the meeting's rooms in Vietnamese order, optionally matching {@code q}. */
  @Transactional
  public Page<MeetingEndpointView> endpoints(long meetingId, String q, PageRequest paging) {
    Meeting m = access.view(meetingId).meeting();
    Filter f = new Filter().and("x.meeting = :m", "m", m).search("e.searchKey", q);
    long total =
        count("select count(x) from MeetingEndpoint x join x.endpoint e where " + f.where(), f);
    TypedQuery<MeetingEndpoint> rows =
        em.createQuery(
            "select x from MeetingEndpoint x join fetch x.endpoint e join fetch e.unit where "
                + f.where()
                + " order by case when x.layoutRole = 'HOST' then 0 else 1 end, e.sortKey, e.id",
            MeetingEndpoint.class);
    f.params().forEach(rows::setParameter);
    List<MeetingEndpointView> items =
        rows.setFirstResult(paging.offset()).setMaxResults(paging.size).getResultList().stream()
            .map(this::view)
            .toList();
    return new Page<>(items, total, paging.page, paging.size);
  }

  private MeetingEndpointView view(MeetingEndpoint x) {
    Long me = current.personId();
    return new MeetingEndpointView(
        x.id,
        x.endpoint.id,
        x.endpoint.code,
        x.endpoint.name,
        x.endpoint.unit.name,
        x.layoutRole,
        x.headCount,
        x.headCountAt,
        x.endpoint.status.name(),
        me != null && x.endpoint.account != null && me.equals(x.endpoint.account.id));
  }

  /** Adds rooms one by one or in bulk; unknown or inactive ids refuse the whole request. */
  public EndpointInviteResult inviteEndpoints(long meetingId, EndpointInvite in) {
    Meeting m = access.require(meetingId, MeetingOp.EDIT_ROOMS).meeting();
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
            "endpointIds", MeetingMsg.ENDPOINTS_UNKNOWN, "ids", String.join(", ", bad));
      }
    }
    if (in.unitId() != null) {
      ways++;
      Unit root = Unit.findById(in.unitId());
      if (root == null) {
        throw ApiException.invalid("unitId", OrgMsg.UNIT_UNKNOWN, "id", in.unitId());
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
      throw ApiException.invalid("endpointIds", MeetingMsg.INVITE_ONE_WAY);
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
    if (added > 0) {
      events.fire(new MeetingEvents.RoomsAdded(m, added));
    }
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
    Meeting m = access.require(meetingId, MeetingOp.EDIT_ROOMS).meeting();
    MeetingEndpoint x =
        MeetingEndpoint.find("meeting = ?1 and endpoint.id = ?2", m, endpointId).firstResult();
    if (x == null) {
      throw ApiException.notFound(MeetingMsg.MEETING_ENDPOINT, endpointId);
    }
    if (m.hostEndpoint != null && m.hostEndpoint.id.equals(endpointId)) {
      throw ApiException.conflict(MeetingMsg.HOST_ROOM_NOT_REMOVABLE);
    }
    Endpoint removed = x.endpoint;
    Participant.update("endpoint = null where meeting = ?1 and endpoint.id = ?2", m, endpointId);
    x.delete();
    em.flush();
    // observers see the meeting without the room (as for ParticipantRemoved)
    events.fire(new MeetingEvents.RoomRemoved(m, removed));
  }

  // --- attendance ---------------------------------------------------------------------------

  /** The caller checks in from their tablet. */
  public ParticipantView checkIn(long meetingId, Long endpointId) {
    Access a = access.require(meetingId, MeetingOp.CHECK_IN);
    Meeting m = a.meeting();
    Participant p = a.mine();
    Endpoint room = endpointId == null ? p.endpoint : meetingRoom(m, endpointId, "endpointId");
    mark(
        m,
        p,
        room == null ? Attendance.PRESENT_ONLINE : Attendance.PRESENT_IN_ROOM,
        room,
        null,
        clock.instant());
    return one(a, p.id);
  }

  /** The secretary marks someone present, excused (with a reason) or absent. */
  public ParticipantView setAttendance(
      long meetingId, long participantId, Attendance attendance, Long endpointId, String reason) {
    Access a = access.require(meetingId, MeetingOp.MARK_ATTENDANCE);
    Meeting m = a.meeting();
    Participant p = participant(m, participantId);
    if (attendance == Attendance.EXCUSED && (reason == null || reason.isBlank())) {
      throw ApiException.invalid("reason", MeetingMsg.EXCUSED_REASON);
    }
    Endpoint room = null;
    if (attendance == Attendance.PRESENT_IN_ROOM) {
      room = endpointId == null ? p.endpoint : meetingRoom(m, endpointId, "endpointId");
      if (room == null) {
        throw ApiException.invalid("endpointId", MeetingMsg.NO_SEAT);
      }
    }
    mark(m, p, attendance, room, reason, clock.instant());
    return one(a, p.id);
  }

  private Endpoint meetingRoom(Meeting m, long endpointId, String field) {
    MeetingEndpoint x =
        MeetingEndpoint.find("meeting = ?1 and endpoint.id = ?2", m, endpointId).firstResult();
    if (x == null) {
      throw ApiException.invalid(field, MeetingMsg.ROOM_NOT_IN_MEETING);
    }
    return x.endpoint;
  }

  private void mark(
      Meeting m, Participant p, Attendance a, Endpoint room, String reason, Instant now) {
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
    events.fire(new MeetingEvents.AttendanceChanged(m, p));
  }

  /** A room's operator (or the secretary) reports how many people are in the room. */
  public MeetingEndpointView headCount(long meetingId, long endpointId, int count) {
    Access a = access.require(meetingId, MeetingOp.REPORT_HEAD_COUNT);
    Meeting m = a.meeting();
    MeetingEndpoint x =
        MeetingEndpoint.find("meeting = ?1 and endpoint.id = ?2", m, endpointId).firstResult();
    if (x == null) {
      throw ApiException.notFound(MeetingMsg.MEETING_ENDPOINT, endpointId);
    }
    if (!a.manager() && !access.operates(x.endpoint)) {
      throw ApiException.forbidden(MeetingMsg.NOT_YOUR_ROOM);
    }
    x.headCount = count;
    x.headCountAt = clock.instant();
    events.fire(new MeetingEvents.HeadCountReported(m, x));
    return view(x);
  }

  @Transactional
  public Quorum quorum(long meetingId) {
    Meeting m = access.require(meetingId, MeetingOp.VIEW_QUORUM).meeting();
    return quorum(m, current.lang());
  }

  /** The quorum of a meeting (for features that already checked access). */
  public static Quorum quorum(Meeting m, vn.hopso.common.Lang lang) {
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
        lang.render(
            m.quorumStrict ? MeetingMsg.QUORUM_MORE_THAN : MeetingMsg.QUORUM_AT_LEAST,
            Map.of("num", m.quorumNumerator, "den", m.quorumDenominator));
    return new Quorum(
        members,
        present,
        required,
        members > 0 && present >= required,
        rule,
        m.quorumNumerator,
        m.quorumDenominator,
        m.quorumStrict,
        missing,
        all.stream().filter(p -> p.attendance == Attendance.PRESENT_IN_ROOM).count(),
        all.stream().filter(p -> p.attendance == Attendance.PRESENT_ONLINE).count(),
        all.stream().filter(p -> p.attendance == Attendance.EXCUSED).count(),
        all.stream().filter(p -> p.attendance == Attendance.ABSENT).count());
  }

  /** The quorum in four numbers, by counting (for live updates on every check-in). */
  public record QuorumSummary(long members, long present, long required, boolean reached) {}

  public static QuorumSummary quorumSummary(Meeting m) {
    long members = Participant.count("meeting = ?1 and voting = true", m);
    long present =
        Participant.count(
            "meeting = ?1 and voting = true and attendance in ?2",
            m,
            List.of(Attendance.PRESENT_IN_ROOM, Attendance.PRESENT_ONLINE));
    long required = required(members, m.quorumNumerator, m.quorumDenominator, m.quorumStrict);
    return new QuorumSummary(members, present, required, members > 0 && present >= required);
  }

  /** Smallest head count meeting the rule: more than (strict) or at least num/den of members. */
  static long required(long members, int num, int den, boolean strict) {
    long scaled = members * num;
    return strict ? scaled / den + 1 : (scaled + den - 1) / den;
  }

  @Transactional
  public List<AttendanceLogEntry> log(long meetingId) {
    Meeting m = access.require(meetingId, MeetingOp.VIEW_ATTENDANCE_LOG).meeting();
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
    Access a = access.require(meetingId, MeetingOp.REPLY);
    Participant p = a.mine();
    if (response == InvitationResponse.PENDING) {
      throw ApiException.invalid("response", MeetingMsg.RESPONSE_PENDING);
    }
    p.response = response;
    p.responseNote = Texts.blankToNull(note);
    p.respondedAt = clock.instant();
    events.fire(new MeetingEvents.InvitationAnswered(a.meeting(), p));
    return one(a, p.id);
  }
}
