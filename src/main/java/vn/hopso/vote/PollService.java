package vn.hopso.vote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import vn.hopso.agenda.AgendaItem;
import vn.hopso.common.ApiException;
import vn.hopso.common.CurrentUser;
import vn.hopso.common.DomainEvent;
import vn.hopso.common.Lang;
import vn.hopso.common.StoredJson;
import vn.hopso.common.Texts;
import vn.hopso.common.Tokens;
import vn.hopso.common.Versions;
import vn.hopso.meeting.Attendance;
import vn.hopso.meeting.Meeting;
import vn.hopso.meeting.MeetingAccess;
import vn.hopso.meeting.MeetingAccess.Access;
import vn.hopso.meeting.MeetingEndpoint;
import vn.hopso.meeting.MeetingEvents;
import vn.hopso.meeting.MeetingOp;
import vn.hopso.meeting.Participant;
import vn.hopso.vote.PollViews.CountInput;
import vn.hopso.vote.PollViews.MyVote;
import vn.hopso.vote.PollViews.OptionCount;
import vn.hopso.vote.PollViews.OptionView;
import vn.hopso.vote.PollViews.PollCan;
import vn.hopso.vote.PollViews.PollInput;
import vn.hopso.vote.PollViews.PollResult;
import vn.hopso.vote.PollViews.PollView;
import vn.hopso.vote.PollViews.ReceiptEntry;
import vn.hopso.vote.PollViews.ReceiptList;
import vn.hopso.vote.PollViews.RuleInput;
import vn.hopso.vote.PollViews.VoterRow;
import vn.hopso.vote.PollViews.Voters;

/**
 * Polls of a meeting: preparing them, opening, closing (counting, the snapshot of who could vote
 * and who did), publishing (the receipts list hash-chained into the meeting's record), analog
 * figures, and what each caller sees of them. Ballots themselves: {@link BallotDesk}.
 */
@ApplicationScoped
@Transactional
public class PollService {
  private static final List<Attendance> PRESENT =
      List.of(Attendance.PRESENT_IN_ROOM, Attendance.PRESENT_ONLINE);

  @Inject EntitledCount entitledCount;
  @Inject MeetingAccess access;
  @Inject CurrentUser current;
  @Inject Event<DomainEvent> events;
  @Inject Clock clock;
  @Inject EntityManager em;
  @Inject @StoredJson ObjectMapper json;

  // --- reading --------------------------------------------------------------------------------

  public List<PollView> list(long meetingId) {
    Access a = access.require(meetingId, MeetingOp.FOLLOW_LIVE);
    boolean drafts = access.allowed(a.meeting(), a.relation(), MeetingOp.MANAGE_POLLS);
    List<Poll> polls =
        Poll.list(
            "from Poll p left join fetch p.item where p.meeting = ?1"
                + (drafts ? "" : " and p.state <> ?2")
                + " order by p.createdAt desc, p.id desc",
            drafts ? new Object[] {a.meeting()} : new Object[] {a.meeting(), PollState.DRAFT});
    return views(polls, a);
  }

  public PollView get(long pollId) {
    Poll p = Poll.required(pollId);
    Access a = visible(p);
    return view(p, a);
  }

  /** The meeting's access for a poll, refusing a draft to those who do not prepare polls. */
  Access visible(Poll p) {
    Access a = access.require(p.meeting.id, MeetingOp.FOLLOW_LIVE);
    if (p.state == PollState.DRAFT
        && !access.allowed(a.meeting(), a.relation(), MeetingOp.MANAGE_POLLS)) {
      throw ApiException.notFound(PollMsg.POLL, p.id);
    }
    return a;
  }

  PollView view(Poll p, Access a) {
    return views(List.of(p), a).get(0);
  }

  /**
   * The views of some of one meeting's polls, for one reader, in a fixed number of queries however
   * many polls there are: the options of all of them, the ballots counted on the open ones, and the
   * reader's own votes (and their principals') on each, each read once for all. Every tablet reads
   * the list when it opens the meeting and when its channel lost its place (all of them at once
   * after a restart; on {@code poll.changed} the web app reads the one poll): a session's thirtieth
   * poll must not make 2,000 such reads thirty times dearer than its first.
   */
  List<PollView> views(List<Poll> polls, Access a) {
    if (polls.isEmpty()) {
      return List.of();
    }
    Map<Long, List<OptionView>> options = new HashMap<>();
    PollOption.<PollOption>list(
            "pollId in ?1 order by pollId, position", polls.stream().map(p -> p.id).toList())
        .forEach(
            o ->
                options
                    .computeIfAbsent(o.pollId, k -> new ArrayList<>())
                    .add(new OptionView(o.id, o.label, o.position)));
    // written at the close: from then on the figures are the close's (present: its "entitled";
    // cast: its ballots, one per voter, which nothing changes after the close)
    Map<Long, PollResult> stored = new HashMap<>();
    polls.forEach(p -> stored.put(p.id, stored(p)));
    // the ballots counted so far: on the open polls (a draft has none, an analog poll's are typed)
    Map<Long, Long> counted =
        counts(
            polls.stream()
                .filter(p -> !p.analog && p.state != PollState.DRAFT && stored.get(p.id) == null)
                .toList());
    MyVotes mine = myVotes(polls, a);
    Lang lang = current.lang();
    Instant now = clock.instant();
    List<PollView> out = new ArrayList<>(polls.size());
    for (Poll p : polls) {
      PollResult closed = stored.get(p.id);
      long cast =
          p.analog || p.state == PollState.DRAFT
              ? 0
              : closed != null ? closed.cast() : counted.getOrDefault(p.id, 0L);
      out.add(
          view(p, a, options.getOrDefault(p.id, List.of()), cast, closed, mine.on(p), lang, now));
    }
    return out;
  }

  private PollView view(
      Poll p,
      Access a,
      List<OptionView> options,
      long cast,
      PollResult stored,
      List<MyVote> mine,
      Lang lang,
      Instant now) {
    Meeting m = a.meeting();
    long entitled = stored == null ? entitledCount.of(m) : stored.present();
    boolean draft = p.state == PollState.DRAFT;
    boolean open = p.state == PollState.OPEN;
    boolean prepare = draft && allowed(a, MeetingOp.MANAGE_POLLS);
    PollCan can =
        new PollCan(
            prepare,
            prepare,
            draft && allowed(a, MeetingOp.OPEN_POLL),
            open && allowed(a, MeetingOp.RUN_POLLS),
            p.state == PollState.CLOSED && allowed(a, MeetingOp.RUN_POLLS),
            open
                && !mine.isEmpty()
                && a.mine().attendance.present()
                && allowed(a, MeetingOp.VOTE)
                && (p.allowChange || mine.stream().anyMatch(v -> !v.voted())),
            open && p.analog && allowed(a, MeetingOp.ENTER_COUNTS));
    PollResult result =
        p.state == PollState.PUBLISHED || (p.state == PollState.CLOSED && a.relation().runner())
            ? localized(p, stored, lang)
            : null;
    return new PollView(
        p.id,
        m.id,
        p.item == null ? null : p.item.id,
        p.item == null ? null : p.item.title,
        p.title,
        p.description,
        p.kind,
        p.analog,
        p.secret,
        p.allowChange,
        p.durationSeconds,
        p.seats,
        p.electionStyle,
        options,
        Counting.view(p.rule(), lang),
        p.state,
        p.openedAt,
        p.closesAt,
        p.closedAt,
        p.publishedAt,
        entitled,
        cast,
        mine,
        can,
        result,
        p.recordHash,
        p.version,
        now);
  }

  /** The ballots recorded so far on each of these polls (one grouped count for all of them). */
  private Map<Long, Long> counts(List<Poll> polls) {
    if (polls.isEmpty()) {
      return Map.of();
    }
    Map<Long, Long> out = new HashMap<>();
    em.createQuery(
            "select v.pollId, count(v) from PollVoter v where v.pollId in :polls group by v.pollId",
            Object[].class)
        .setParameter("polls", polls.stream().map(p -> p.id).toList())
        .getResultList()
        .forEach(r -> out.put((Long) r[0], (Long) r[1]));
    return out;
  }

  private boolean allowed(Access a, MeetingOp op) {
    return access.allowed(a.meeting(), a.relation(), op);
  }

  /**
   * The votes the reader casts on each poll: their own, and those of whose proxy they hold; with
   * what each recorded on a named poll (a secret one's choice is on the voter's device only).
   */
  private record MyVotes(
      Participant me,
      List<Participant> principals,
      Map<Long, Set<Long>> voted,
      Map<Long, Map<Long, BallotChoice>> choices) {
    static final MyVotes NONE = new MyVotes(null, List.of(), Map.of(), Map.of());

    /** Empty for an analog poll and for a reader who casts no vote in this meeting. */
    List<MyVote> on(Poll p) {
      if (principals.isEmpty() || p.analog) {
        return List.of();
      }
      Set<Long> done = voted.getOrDefault(p.id, Set.of());
      Map<Long, BallotChoice> chosen = choices.getOrDefault(p.id, Map.of());
      return principals.stream()
          .map(
              x ->
                  new MyVote(
                      x.id, x.person.fullName, x != me, done.contains(x.id), chosen.get(x.id)))
          .toList();
    }
  }

  private MyVotes myVotes(List<Poll> polls, Access a) {
    Participant me = a.mine();
    List<Poll> digital = polls.stream().filter(p -> !p.analog).toList();
    if (me == null || digital.isEmpty()) {
      return MyVotes.NONE;
    }
    // the reader, when they vote and have not given their proxy, then those whose proxy they
    // hold; with their names, in one query (the reader's row is the one already loaded)
    List<Participant> principals =
        Participant.list(
            "from Participant p join fetch p.person where p.meeting = ?1 and p.voting = true"
                + " and ((p.id = ?2 and p.proxy is null) or p.proxy.id = ?2)"
                + " order by case when p.id = ?2 then 0 else 1 end, p.person.sortKey, p.id",
            a.meeting(),
            me.id);
    if (principals.isEmpty()) {
      return MyVotes.NONE;
    }
    List<Long> principalIds = principals.stream().map(x -> x.id).toList();
    // a draft has no ballots yet
    List<Long> voting =
        digital.stream().filter(p -> p.state != PollState.DRAFT).map(p -> p.id).toList();
    Map<Long, Set<Long>> voted = new HashMap<>();
    if (!voting.isEmpty()) {
      PollVoter.<PollVoter>list("pollId in ?1 and participantId in ?2", voting, principalIds)
          .forEach(v -> voted.computeIfAbsent(v.pollId, k -> new HashSet<>()).add(v.participantId));
    }
    List<Long> named =
        digital.stream().filter(p -> !p.secret && voted.containsKey(p.id)).map(p -> p.id).toList();
    Map<Long, Map<Long, BallotChoice>> choices = new HashMap<>();
    if (!named.isEmpty()) {
      Ballot.<Ballot>list("pollId in ?1 and participantId in ?2", named, principalIds)
          .forEach(
              b ->
                  choices
                      .computeIfAbsent(b.pollId, k -> new HashMap<>())
                      .put(b.participantId, BallotChoice.decode(b.choice)));
    }
    return new MyVotes(me, principals, voted, choices);
  }

  /**
   * Principals who can vote now: voting participants present in person, or whose proxy holder is
   * present. A poll's "entitled" figure while open (its view reads it through {@link
   * EntitledCount}), and what the auto-close and the PRESENT base at close count.
   */
  static long entitledNow(Meeting m) {
    return Participant.count(
        "from Participant p left join p.proxy h where p.meeting = ?1 and p.voting = true and"
            + " ((p.proxy is null and p.attendance in ?2) or (h.attendance in ?2))",
        m,
        PRESENT);
  }

  // --- preparing ------------------------------------------------------------------------------

  public PollView create(long meetingId, PollInput in) {
    Access a = access.require(meetingId, MeetingOp.MANAGE_POLLS);
    Poll p = new Poll();
    p.meeting = a.meeting();
    p.createdAt = clock.instant();
    p.createdBy = current.personId();
    apply(p, in);
    p.persist();
    saveOptions(p, in);
    events.fire(new PollEvents.Changed(a.meeting(), p, "poll.created"));
    return view(p, a);
  }

  public PollView update(long pollId, PollInput in) {
    Poll p = Poll.required(pollId);
    Access a = access.require(p.meeting.id, MeetingOp.MANAGE_POLLS);
    if (p.state != PollState.DRAFT) {
      throw ApiException.conflict(PollMsg.NOT_DRAFT);
    }
    Versions.check(in.version(), p.version);
    apply(p, in);
    PollOption.delete("pollId", p.id);
    em.flush();
    saveOptions(p, in);
    p.version++; // options changed even when the row's fields did not
    events.fire(new PollEvents.Changed(a.meeting(), p, "poll.updated"));
    return view(p, a);
  }

  public void delete(long pollId) {
    Poll p = Poll.required(pollId);
    Access a = access.require(p.meeting.id, MeetingOp.MANAGE_POLLS);
    if (p.state != PollState.DRAFT) {
      throw ApiException.conflict(PollMsg.NOT_DRAFT);
    }
    PollOption.delete("pollId", p.id);
    events.fire(new PollEvents.Changed(a.meeting(), p, "poll.deleted"));
    p.delete();
  }

  /** Checks an input as a whole (each refusal names its field) and copies it onto the draft. */
  private void apply(Poll p, PollInput in) {
    boolean choices = in.kind() != PollKind.YES_NO;
    List<String> names = in.candidates() == null ? List.of() : in.candidates();
    if (choices && names.isEmpty()) {
      throw ApiException.invalid("candidates", PollMsg.CANDIDATES_NEEDED);
    }
    if (!choices && !names.isEmpty()) {
      throw ApiException.invalid("candidates", PollMsg.CANDIDATES_UNWANTED);
    }
    Set<String> seen = new HashSet<>();
    for (String n : names) {
      // names differing only by a diacritic are different people (Lê Văn An, Lê Văn Ân)
      String key =
          java.text.Normalizer.normalize(
                  n.strip().replaceAll("\\s+", " "), java.text.Normalizer.Form.NFC)
              .toLowerCase(java.util.Locale.ROOT);
      if (!seen.add(key)) {
        throw ApiException.invalid("candidates", PollMsg.DUPLICATE_CANDIDATE, "name", n.strip());
      }
    }
    if (in.kind() == PollKind.ELECTION) {
      int seats = in.seats() == null ? 1 : in.seats();
      if (seats > names.size()) {
        throw ApiException.invalid("seats", PollMsg.SEATS_TOO_MANY, "count", names.size());
      }
      p.seats = seats;
      p.electionStyle = in.electionStyle() == null ? ElectionStyle.CHOOSE : in.electionStyle();
    } else {
      if (in.seats() != null) {
        throw ApiException.invalid("seats", PollMsg.WRONG_FIELD_FOR_KIND);
      }
      if (in.electionStyle() != null) {
        throw ApiException.invalid("electionStyle", PollMsg.WRONG_FIELD_FOR_KIND);
      }
      p.seats = null;
      p.electionStyle = null;
    }
    if (in.isAnalog() && in.isSecret()) {
      throw ApiException.invalid("secret", PollMsg.ANALOG_NOT_SECRET);
    }
    p.rule(rule(in.rule(), in));
    if (in.itemId() != null) {
      AgendaItem item = AgendaItem.findById(in.itemId());
      if (item == null || !item.meeting.id.equals(p.meeting.id)) {
        throw ApiException.invalid("itemId", PollMsg.ITEM_OF_OTHER_MEETING);
      }
      p.item = item;
    } else {
      p.item = null;
    }
    p.title = in.title().strip();
    p.description = Texts.blankToNull(in.description());
    p.kind = in.kind();
    p.analog = in.isAnalog();
    p.secret = in.isSecret();
    p.allowChange = in.isAllowChange() && !in.isAnalog();
    p.durationSeconds = in.durationSeconds();
  }

  private static MajorityRule rule(RuleInput r, PollInput in) {
    MajorityRule rule;
    if (r.threshold() == MajorityRule.Threshold.CUSTOM) {
      if (r.numerator() == null || r.denominator() == null || r.numerator() > r.denominator()) {
        throw ApiException.invalid("rule.numerator", PollMsg.CUSTOM_FRACTION);
      }
      rule =
          new MajorityRule(
              r.base(),
              r.threshold(),
              r.numerator(),
              r.denominator(),
              Boolean.TRUE.equals(r.strict()),
              r.tie());
    } else {
      if (r.numerator() != null || r.denominator() != null || r.strict() != null) {
        throw ApiException.invalid("rule.numerator", PollMsg.FRACTION_ONLY_CUSTOM);
      }
      rule = MajorityRule.of(r.base(), r.threshold(), r.tie());
    }
    if (r.tie() == MajorityRule.Tie.CHAIR_DECIDES) {
      if (in.kind() != PollKind.YES_NO || in.isAnalog()) {
        throw ApiException.invalid("rule.tie", PollMsg.CHAIR_TIE_YES_NO);
      }
      if (in.isSecret()) {
        throw ApiException.invalid("rule.tie", PollMsg.CHAIR_TIE_SECRET);
      }
    }
    if (r.base() == MajorityRule.Base.YES_NO && in.kind() != PollKind.YES_NO) {
      throw ApiException.invalid("rule.base", PollMsg.BASE_YES_NO_KIND);
    }
    return rule;
  }

  private static void saveOptions(Poll p, PollInput in) {
    if (in.candidates() == null) {
      return;
    }
    int i = 0;
    for (String name : in.candidates()) {
      PollOption o = new PollOption();
      o.pollId = p.id;
      o.position = i++;
      o.label = name.strip();
      o.persist();
    }
  }

  // --- running --------------------------------------------------------------------------------

  public PollView open(long pollId) {
    Poll p = Poll.locked(pollId, true);
    Access a = access.require(p.meeting.id, MeetingOp.OPEN_POLL);
    if (p.state != PollState.DRAFT) {
      throw ApiException.conflict(PollMsg.ALREADY_OPEN);
    }
    Poll other =
        Poll.find("meeting = ?1 and state = ?2", a.meeting(), PollState.OPEN).firstResult();
    if (other != null) {
      throw ApiException.conflict(PollMsg.ANOTHER_OPEN, "title", other.title);
    }
    Instant now = clock.instant();
    p.state = PollState.OPEN;
    p.openedAt = now;
    p.closesAt = p.durationSeconds == null ? null : now.plusSeconds(p.durationSeconds);
    p.ballotKey = Receipts.newKey();
    em.createNativeQuery("insert into poll_progress (poll_id, shown) values (?1, 0)")
        .setParameter(1, p.id)
        .executeUpdate();
    events.fire(new PollEvents.Changed(a.meeting(), p, "poll.opened"));
    return view(p, a);
  }

  /**
   * Closes the poll. Answers nothing: the resource reads the poll after the commit, so that the
   * event reaches the sockets without waiting for the caller's view to be computed.
   */
  public void close(long pollId) {
    Poll p = Poll.locked(pollId, true);
    access.require(p.meeting.id, MeetingOp.RUN_POLLS);
    if (p.state != PollState.OPEN) {
      throw ApiException.conflict(PollMsg.NOT_OPEN);
    }
    closeLocked(p, current.name());
  }

  /**
   * Closes an open poll whose row the caller has locked exclusively (so every ballot in flight has
   * committed, and none can follow): secret ballots lose their order, the figures are counted, and
   * the snapshot records who was entitled, present and voted.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  void closeLocked(Poll p, String by) {
    Meeting m = p.meeting;
    List<String> choices = p.analog ? List.of() : p.secret ? shuffle(p) : choices(p);
    Instant now = clock.instant();
    Voters snap = voters(p, m, now);
    p.snapshot = write(snap);
    p.result = write(count(p, m, choices, snap, now));
    p.state = PollState.CLOSED;
    p.closedAt = now;
    p.closedBy = by;
    events.fire(new PollEvents.Changed(m, p, "poll.closed"));
  }

  /**
   * Rewrites a secret poll's ballots (one delete, batched inserts) in random order and with fresh
   * random ids: afterwards no row id, row order or transaction id relates a ballot to the "has
   * voted" record written in the same transaction as it. Answers the choices, in their new order.
   */
  private List<String> shuffle(Poll p) {
    List<String[]> rows = new ArrayList<>();
    for (Object[] r :
        em.createQuery(
                "select b.receipt, b.choice from Ballot b where b.pollId = ?1", Object[].class)
            .setParameter(1, p.id)
            .getResultList()) {
      rows.add(new String[] {(String) r[0], (String) r[1]});
    }
    Collections.shuffle(rows, new java.security.SecureRandom());
    Ballot.delete("pollId", p.id);
    // Plain JDBC batches of 500 rows: these rows are written once and never read back in this
    // transaction, so managing 2,000 entities (persist, flush, detach) would only cost the close.
    em.unwrap(org.hibernate.Session.class)
        .doWork(
            c -> {
              try (java.sql.PreparedStatement insert =
                  c.prepareStatement(
                      "insert into ballot (id, poll_id, receipt, choice) values (?, ?, ?, ?)")) {
                int n = 0;
                for (String[] r : rows) {
                  insert.setString(1, java.util.UUID.randomUUID().toString());
                  insert.setLong(2, p.id);
                  insert.setString(3, r[0]);
                  insert.setString(4, r[1]);
                  insert.addBatch();
                  if (++n % 500 == 0) {
                    insert.executeBatch();
                  }
                }
                insert.executeBatch();
              }
            });
    return rows.stream().map(r -> r[1]).toList();
  }

  private List<String> choices(Poll p) {
    return em.createQuery("select b.choice from Ballot b where b.pollId = ?1", String.class)
        .setParameter(1, p.id)
        .getResultList();
  }

  private Voters voters(Poll p, Meeting m, Instant now) {
    List<Participant> members =
        Participant.list(
            "from Participant p join fetch p.person left join fetch p.person.unit"
                + " left join fetch p.proxy h left join fetch h.person"
                + " where p.meeting = ?1 and p.voting = true order by p.person.sortKey, p.id",
            m);
    Map<Long, Long> voted = new HashMap<>(); // participant → who cast it
    if (!p.analog) {
      for (Object[] v :
          em.createQuery(
                  "select v.participantId, v.castBy from PollVoter v where v.pollId = ?1",
                  Object[].class)
              .setParameter(1, p.id)
              .getResultList()) {
        voted.put((Long) v[0], (Long) v[1]);
      }
    }
    Map<Long, String> casters = new HashMap<>();
    List<VoterRow> rows = new ArrayList<>();
    long present = 0;
    for (Participant x : members) {
      boolean here = x.proxy == null ? x.attendance.present() : x.proxy.attendance.present();
      if (here) {
        present++;
      }
      Long v = voted.get(x.id);
      String castBy = null;
      if (v != null && !v.equals(x.person.id)) {
        castBy = casters.computeIfAbsent(v, id -> personName(id));
      }
      rows.add(
          new VoterRow(
              x.id,
              x.person.fullName,
              x.person.unit == null ? null : x.person.unit.name,
              here,
              v != null,
              castBy));
    }
    return new Voters(p.id, members.size(), present, voted.size(), rows, now);
  }

  private static String personName(long id) {
    vn.hopso.org.Person person = vn.hopso.org.Person.findById(id);
    return person == null ? "" : person.fullName;
  }

  /** The figures and the decision, from the ballots' choices (or the analog entries). */
  private PollResult count(Poll p, Meeting m, List<String> choices, Voters snap, Instant at) {
    List<PollOption> options = PollOption.of(p.id);
    Tally t = new Tally(options.stream().map(o -> o.id).toList());
    if (p.analog) {
      for (PollCount c : PollCount.<PollCount>list("pollId", p.id)) {
        addCount(p, t, c);
      }
    } else {
      choices.forEach(c -> t.add(BallotChoice.decode(c)));
    }
    return Counting.decide(
        question(p, options), snap.entitled(), snap.present(), t, chairChoice(p, m), Lang.VI, at);
  }

  private void addCount(Poll p, Tally t, PollCount c) {
    if (p.kind == PollKind.YES_NO) {
      t.add(c.yes, c.no, c.abstain, (long) c.yes + c.no + c.abstain, c.invalid);
    } else {
      t.add(0, 0, 0, c.ballots, c.invalid);
      for (Map.Entry<Long, OptionCount> e : options(c).entrySet()) {
        OptionCount o = e.getValue();
        t.addOption(e.getKey(), zero(o.votes()), zero(o.high()), zero(o.medium()), zero(o.low()));
      }
    }
  }

  private Map<Long, OptionCount> options(PollCount c) {
    if (c.options == null) {
      return Map.of();
    }
    try {
      return json.readValue(c.options, new TypeReference<TreeMap<Long, OptionCount>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored poll figures " + c.id, e);
    }
  }

  static Counting.Question question(Poll p, List<PollOption> options) {
    return new Counting.Question(
        p.kind,
        p.rule(),
        p.seats,
        options.stream().map(o -> new OptionView(o.id, o.label, o.position)).toList());
  }

  /** The chair's yes/no/abstain in a named yes/no poll, for the tie rule; null otherwise. */
  private static YesNo chairChoice(Poll p, Meeting m) {
    if (p.secret || p.analog || p.kind != PollKind.YES_NO) {
      return null;
    }
    Participant chair = Participant.find("meeting = ?1 and person = ?2", m, m.chair).firstResult();
    if (chair == null) {
      return null;
    }
    Ballot b = Ballot.find("pollId = ?1 and participantId = ?2", p.id, chair.id).firstResult();
    return b == null ? null : BallotChoice.decode(b.choice).value();
  }

  /** Publishes a closed poll's result (answers nothing, as {@link #close}). */
  public void publish(long pollId) {
    Poll p = Poll.locked(pollId, true);
    Access a = access.require(p.meeting.id, MeetingOp.RUN_POLLS);
    if (p.state == PollState.PUBLISHED) {
      throw ApiException.conflict(PollMsg.ALREADY_PUBLISHED);
    }
    if (p.state != PollState.CLOSED) {
      throw ApiException.conflict(PollMsg.NOT_CLOSED);
    }
    Meeting.lockRow(a.meeting().id); // one link of the meeting's chain at a time
    Poll last =
        Poll.find(
                "meeting = ?1 and state = ?2 order by publishedAt desc, id desc",
                a.meeting(),
                PollState.PUBLISHED)
            .firstResult();
    p.prevHash = last == null ? genesis(a.meeting()) : last.recordHash;
    p.recordHash = recordHash(p, ballotsByReceipt(p));
    p.state = PollState.PUBLISHED;
    p.publishedAt = clock.instant();
    events.fire(new PollEvents.Changed(a.meeting(), p, "poll.published"));
  }

  /** The first link of a meeting's chain of published polls. */
  static String genesis(Meeting m) {
    return Tokens.sha256("hopso:polls:meeting:" + m.id);
  }

  /** The link of the meeting's chain for this poll: its previous link and its record, hashed. */
  private String recordHash(Poll p, List<Ballot> byReceipt) {
    return Tokens.sha256(p.prevHash + "\n" + record(p, byReceipt));
  }

  /**
   * The canonical text of a published poll that the chain hashes: its identity, rule, every receipt
   * with the choice it recorded (by receipt, so in no order of casting; a named poll's with its
   * participant id), and the figures. Only what never changes after the close goes in.
   */
  private String record(Poll p, List<Ballot> byReceipt) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("meetingId", p.meeting.id);
    r.put("pollId", p.id);
    r.put("title", p.title);
    r.put("kind", p.kind);
    r.put("secret", p.secret);
    r.put("analog", p.analog);
    r.put("rule", p.rule());
    r.put("options", PollOption.of(p.id).stream().map(o -> o.id + ":" + o.label).toList());
    List<String> entries = new ArrayList<>();
    for (Ballot b : byReceipt) {
      entries.add(
          b.receipt + "=" + b.choice + (b.participantId == null ? "" : "@" + b.participantId));
    }
    r.put("ballots", entries);
    if (p.analog) {
      List<String> counts = new ArrayList<>();
      for (PollCount c : PollCount.<PollCount>list("pollId = ?1 order by source", p.id)) {
        counts.add(
            c.source
                + ":"
                + c.yes
                + "/"
                + c.no
                + "/"
                + c.abstain
                + "/"
                + c.invalid
                + "/"
                + c.ballots
                + "/"
                + (c.options == null ? "" : c.options));
      }
      r.put("counts", counts);
    }
    PollResult result = stored(p);
    r.put(
        "figures",
        List.of(
            result.members(),
            result.present(),
            result.cast(),
            result.yes(),
            result.no(),
            result.abstain(),
            result.invalid()));
    return write(r);
  }

  private static List<Ballot> ballotsByReceipt(Poll p) {
    return Ballot.list("pollId = ?1 order by receipt", p.id);
  }

  /** The published list: receipts with their choices, recounted from the list itself. */
  public ReceiptList receipts(long pollId) {
    Poll p = Poll.required(pollId);
    visible(p);
    if (p.state != PollState.PUBLISHED) {
      throw ApiException.conflict(PollMsg.NOT_PUBLISHED);
    }
    List<PollOption> options = PollOption.of(p.id);
    Map<Long, String> labels = new HashMap<>();
    options.forEach(o -> labels.put(o.id, o.label));
    Map<Long, String> names = new HashMap<>();
    if (!p.secret) {
      Participant.<Participant>list(
              "from Participant p join fetch p.person where p.meeting = ?1", p.meeting)
          .forEach(x -> names.put(x.id, x.person.fullName));
    }
    Lang lang = current.lang();
    Tally t = new Tally(options.stream().map(o -> o.id).toList());
    List<Ballot> ballots = ballotsByReceipt(p);
    List<ReceiptEntry> entries = new ArrayList<>();
    for (Ballot b : ballots) {
      BallotChoice c = BallotChoice.decode(b.choice);
      t.add(c);
      entries.add(
          new ReceiptEntry(
              b.receipt,
              c,
              describe(c, labels, lang),
              b.participantId == null ? null : names.getOrDefault(b.participantId, "")));
    }
    PollResult stored = localized(p, stored(p), lang);
    PollResult tally =
        p.analog
            ? stored
            : Counting.decide(
                question(p, options),
                stored.members(),
                stored.present(),
                t,
                chairChoice(p, p.meeting),
                lang,
                stored.snapshotAt());
    boolean verifies = p.recordHash != null && p.recordHash.equals(recordHash(p, ballots));
    return new ReceiptList(p.id, p.secret, entries, tally, p.prevHash, p.recordHash, verifies);
  }

  /** The meeting's chain of published polls, each link checked again; the head for the minutes. */
  public PollViews.Chain chain(long meetingId) {
    Access a = access.require(meetingId, MeetingOp.FOLLOW_LIVE);
    List<Poll> published =
        Poll.list(
            "meeting = ?1 and state = ?2 order by publishedAt, id",
            a.meeting(),
            PollState.PUBLISHED);
    String prev = genesis(a.meeting());
    boolean intact = true;
    List<PollViews.ChainLink> links = new ArrayList<>();
    for (Poll p : published) {
      boolean ok =
          prev.equals(p.prevHash) && p.recordHash.equals(recordHash(p, ballotsByReceipt(p)));
      intact &= ok;
      links.add(
          new PollViews.ChainLink(p.id, p.title, p.publishedAt, p.prevHash, p.recordHash, ok));
      prev = p.recordHash;
    }
    return new PollViews.Chain(meetingId, genesis(a.meeting()), prev, intact, links);
  }

  static String describe(BallotChoice c, Map<Long, String> labels, Lang lang) {
    boolean vi = lang != Lang.EN;
    if (c.value() != null) {
      return switch (c.value()) {
        case YES -> vi ? "Tán thành" : "Yes";
        case NO -> vi ? "Không tán thành" : "No";
        case ABSTAIN -> vi ? "Không biểu quyết" : "Abstain";
      };
    }
    if (c.selected() != null) {
      return c.selected().isEmpty()
          ? (vi ? "Không chọn ai" : "Nobody")
          : String.join(
              ", ", c.selected().stream().map(id -> labels.getOrDefault(id, "?")).toList());
    }
    List<String> parts = new ArrayList<>();
    new TreeMap<>(c.ratings())
        .forEach(
            (id, r) ->
                parts.add(
                    labels.getOrDefault(id, "?")
                        + ": "
                        + switch (r) {
                          case HIGH -> vi ? "tín nhiệm cao" : "high";
                          case MEDIUM -> vi ? "tín nhiệm" : "medium";
                          case LOW -> vi ? "tín nhiệm thấp" : "low";
                        }));
    return String.join("; ", parts);
  }

  /** Who may vote and who has: live for a named poll while open; the close's snapshot after. */
  public Voters voters(long pollId) {
    Poll p = Poll.required(pollId);
    Access a = visible(p);
    access.require(a, MeetingOp.VIEW_QUORUM); // managers and the chair
    if (p.state == PollState.CLOSED || p.state == PollState.PUBLISHED) {
      return read(p.snapshot, Voters.class);
    }
    if (p.secret) {
      throw ApiException.conflict(PollMsg.NAMED_ONLY);
    }
    return voters(p, a.meeting(), clock.instant());
  }

  /** The result written at the close, or null before it. */
  private PollResult stored(Poll p) {
    return p.result == null ? null : read(p.result, PollResult.class);
  }

  /** A stored result with its words in the caller's language. */
  private static PollResult localized(Poll p, PollResult r, Lang lang) {
    return new PollResult(
        Counting.view(p.rule(), lang),
        r.members(),
        r.present(),
        r.cast(),
        r.valid(),
        r.invalid(),
        r.yes(),
        r.no(),
        r.abstain(),
        r.base(),
        r.required(),
        r.decision(),
        r.tie(),
        r.decidedByChair(),
        r.options(),
        Counting.text(p.kind, r.decision(), r.options(), lang),
        r.snapshotAt());
  }

  // --- analog figures -------------------------------------------------------------------------

  public PollView enterCounts(long pollId, CountInput in) {
    Poll p = Poll.locked(pollId, false);
    Access a = access.require(p.meeting.id, MeetingOp.ENTER_COUNTS);
    if (!p.analog) {
      throw ApiException.conflict(PollMsg.NOT_ANALOG);
    }
    if (p.state != PollState.OPEN) {
      throw ApiException.conflict(PollMsg.NOT_OPEN);
    }
    // the hall: those who run the meeting; an invited room: they too, or the room's own device
    boolean runner = a.relation().runner();
    String source;
    if (in.endpointId() == null) {
      if (!runner) {
        throw ApiException.invalid("endpointId", PollMsg.NOT_YOUR_ROOM);
      }
      source = "hall";
    } else {
      MeetingEndpoint room =
          MeetingEndpoint.<MeetingEndpoint>find(
                  "meeting = ?1 and endpoint.id = ?2", a.meeting(), in.endpointId())
              .firstResult();
      if (room == null || !(runner || access.operates(room.endpoint))) {
        throw ApiException.invalid("endpointId", PollMsg.NOT_YOUR_ROOM);
      }
      source = "endpoint:" + in.endpointId();
    }
    Set<Long> ids = new HashSet<>(PollOption.of(p.id).stream().map(o -> o.id).toList());
    Map<Long, OptionCount> opts = in.options() == null ? Map.of() : in.options();
    if (p.kind == PollKind.YES_NO && !opts.isEmpty()) {
      throw ApiException.invalid("options", PollMsg.WRONG_FIELD_FOR_KIND);
    }
    for (Long id : opts.keySet()) {
      if (!ids.contains(id)) {
        throw ApiException.invalid("options", PollMsg.UNKNOWN_OPTION, "id", id);
      }
    }
    PollCount c =
        PollCount.<PollCount>find("pollId = ?1 and source = ?2", p.id, source).firstResult();
    if (c == null) {
      c = new PollCount();
      c.pollId = p.id;
      c.source = source;
    }
    c.endpointId = in.endpointId();
    c.yes = zero(in.yes());
    c.no = zero(in.no());
    c.abstain = zero(in.abstain());
    c.invalid = zero(in.invalid());
    c.ballots = p.kind == PollKind.YES_NO ? c.yes + c.no + c.abstain : zero(in.ballots());
    c.options = opts.isEmpty() ? null : write(new TreeMap<>(opts));
    c.enteredBy = current.name();
    c.enteredAt = clock.instant();
    if (c.id == null) {
      c.persist();
    }
    events.fire(new PollEvents.Counted(a.meeting(), p, source));
    return view(p, a);
  }

  static int zero(Integer n) {
    return n == null ? 0 : n;
  }

  // --- reacting to the meeting ----------------------------------------------------------------

  /** When the meeting ends, its open polls close with what was cast. */
  void meetingEnded(@Observes MeetingEvents.Ended e) {
    // ids only: each poll is read under its lock, as it is once a close elsewhere has committed
    List<Long> open =
        em.createQuery("select p.id from Poll p where p.meeting = ?1 and p.state = ?2", Long.class)
            .setParameter(1, e.meeting())
            .setParameter(2, PollState.OPEN)
            .getResultList();
    for (Long id : open) {
      Poll p = Poll.locked(id, true);
      if (p.state == PollState.OPEN) {
        closeLocked(p, current.name());
      }
    }
  }

  // --- JSON -----------------------------------------------------------------------------------

  private String write(Object o) {
    try {
      return json.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("poll JSON", e);
    }
  }

  private <T> T read(String s, Class<T> type) {
    try {
      return json.readValue(s, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored poll JSON", e);
    }
  }
}
