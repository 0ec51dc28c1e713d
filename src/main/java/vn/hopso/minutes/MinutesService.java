package vn.hopso.minutes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import vn.hopso.audit.AuditHead;
import vn.hopso.common.ApiException;
import vn.hopso.common.ClockProducer;
import vn.hopso.common.CommonMsg;
import vn.hopso.common.CurrentUser;
import vn.hopso.common.DomainEvent;
import vn.hopso.common.Tokens;
import vn.hopso.meeting.Meeting;
import vn.hopso.meeting.MeetingAccess;
import vn.hopso.meeting.MeetingAccess.Access;
import vn.hopso.meeting.MeetingOp;
import vn.hopso.meeting.MeetingService;
import vn.hopso.meeting.MeetingStatus;
import vn.hopso.minutes.MinutesViews.Diff;
import vn.hopso.minutes.MinutesViews.DiffLine;
import vn.hopso.minutes.MinutesViews.MinutesCan;
import vn.hopso.minutes.MinutesViews.MinutesInput;
import vn.hopso.minutes.MinutesViews.MinutesPage;
import vn.hopso.minutes.MinutesViews.MinutesSummary;
import vn.hopso.minutes.MinutesViews.MinutesVerification;
import vn.hopso.minutes.MinutesViews.MinutesVersionView;
import vn.hopso.minutes.MinutesViews.MinutesView;
import vn.hopso.minutes.MinutesViews.Pending;
import vn.hopso.minutes.MinutesViews.RecordHeads;
import vn.hopso.minutes.MinutesViews.SignatureCheckView;
import vn.hopso.minutes.MinutesViews.SignatureView;
import vn.hopso.minutes.MinutesViews.VersionSummary;
import vn.hopso.org.Person;
import vn.hopso.storage.DocumentStorage;
import vn.hopso.vote.PollService;

/**
 * The minutes of a meeting from the draft to the published record: drafted from the session's
 * record ({@link MinutesDrafter}), edited in saved versions, approved by the chair (the PDF is made
 * then, with the heads of the record's hash chains), signed by the secretary and the chair (each an
 * incremental PAdES signature, on the server or by hash from a USB token or a remote service),
 * verified, and published. Every PDF is a new object in storage written before the transaction that
 * points to it commits, so a crash never leaves the minutes pointing at a file that is not there,
 * and an earlier revision is never overwritten.
 */
@ApplicationScoped
public class MinutesService {
  /** Room reserved in a signature for the CMS (certificates, a timestamp token). */
  static final int RESERVED = 24_000;

  @Inject MeetingAccess access;
  @Inject MeetingService meetings;
  @Inject MinutesDrafter drafter;
  @Inject PollService polls;
  @Inject OrgSigner signer;
  @Inject MinutesConfig config;
  @Inject DocumentStorage storage;
  @Inject CurrentUser current;
  @Inject Clock clock;
  @Inject EntityManager em;
  @Inject ObjectMapper json;
  @Inject Event<DomainEvent> events;

  // --- reading ------------------------------------------------------------------------------

  /** The meeting's minutes as the caller may see them, with what they may do. */
  @Transactional
  public MinutesPage page(long meetingId) {
    Access a = access.view(meetingId);
    Minutes m = current(a.meeting()).orElse(null);
    boolean draftReader = access.allowed(a.meeting(), a.relation(), MeetingOp.VIEW_MINUTES_DRAFT);
    boolean reader = access.allowed(a.meeting(), a.relation(), MeetingOp.READ_MINUTES);
    if (!draftReader && !reader) {
      // the policy's own refusal: the state or who the caller is
      access.require(a, MeetingOp.VIEW_MINUTES_DRAFT);
    }
    boolean visible = m != null && (draftReader || m.state == MinutesState.PUBLISHED);
    List<MinutesSummary> corrections =
        Minutes.<Minutes>list(
                "meeting = ?1 and kind = ?2 order by id", a.meeting(), MinutesKind.CORRECTION)
            .stream()
            .filter(c -> draftReader || c.state == MinutesState.PUBLISHED)
            .map(c -> new MinutesSummary(c.id, c.kind, c.state, c.number, c.publishedAt))
            .toList();
    return new MinutesPage(
        meetingId, visible ? view(m) : null, corrections, can(a, visible ? m : null));
  }

  /** The minutes a meeting's page shows: the newest correction being written, else the minutes. */
  private static Optional<Minutes> current(Meeting meeting) {
    return Minutes.<Minutes>find("meeting = ?1 order by id desc", meeting).firstResultOptional();
  }

  private MinutesCan can(Access a, Minutes m) {
    Meeting meeting = a.meeting();
    boolean edit = access.allowed(meeting, a.relation(), MeetingOp.EDIT_MINUTES);
    boolean approve = access.allowed(meeting, a.relation(), MeetingOp.APPROVE_MINUTES);
    boolean sign = access.allowed(meeting, a.relation(), MeetingOp.SIGN_MINUTES);
    SignerRole role = m == null ? null : roleOf(m, meeting);
    boolean signable =
        sign
            && m != null
            && role != null
            && (m.state == MinutesState.APPROVED || m.state == MinutesState.SIGNING);
    return new MinutesCan(
        m != null,
        edit && m == null && meeting.status == MeetingStatus.ENDED,
        edit && m != null && m.state == MinutesState.DRAFT,
        approve && m != null && m.state == MinutesState.DRAFT,
        approve && m != null && m.state == MinutesState.APPROVED,
        signable && signer.available(),
        signable,
        access.allowed(meeting, a.relation(), MeetingOp.PUBLISH_MINUTES)
                && m != null
                && m.state == MinutesState.SIGNED
            || edit
                && m != null
                && m.kind == MinutesKind.CORRECTION
                && m.state == MinutesState.SIGNED,
        edit && m != null && m.state == MinutesState.PUBLISHED,
        signable ? role : null);
  }

  /** The role the caller signs in next: their block, not yet signed. */
  private SignerRole roleOf(Minutes m, Meeting meeting) {
    Long me = current.personId();
    if (me == null) {
      return null;
    }
    for (SignerRole r : SignerRole.values()) {
      Person p = r == SignerRole.CHAIR ? meeting.chair : meeting.secretary;
      if (p != null && me.equals(p.id) && signature(m, r) == null) {
        return r;
      }
    }
    return null;
  }

  private static MinutesSignature signature(Minutes m, SignerRole r) {
    return MinutesSignature.<MinutesSignature>find("minutes = ?1 and role = ?2", m, r)
        .firstResult();
  }

  /** The view after the change is flushed (its version is the one the next edit must send). */
  private MinutesView fresh(Minutes m) {
    em.flush();
    return view(m);
  }

  MinutesView view(Minutes m) {
    List<SignatureView> signatures =
        MinutesSignature.<MinutesSignature>list("minutes = ?1 order by signedAt, id", m).stream()
            .map(
                s ->
                    new SignatureView(
                        s.role,
                        s.role.vi(),
                        s.person.fullName,
                        s.method,
                        s.signedAt,
                        s.certificateSubject,
                        s.certificateIssuer,
                        s.certificateSha256,
                        s.timestamped))
            .toList();
    Pending pending = null;
    if (m.pendingRole != null && m.pendingUntil.isAfter(clock.instant())) {
      byte[] digest = HexFormat.of().parseHex(m.pendingDigest);
      pending =
          new Pending(
              m.pendingRole,
              m.pendingPerson.fullName,
              Base64.getEncoder().encodeToString(digest),
              m.pendingDigest,
              m.pendingUntil);
    }
    return new MinutesView(
        m.id,
        m.meeting.id,
        m.kind,
        m.corrects == null ? null : m.corrects.id,
        m.state,
        m.state.vi(),
        m.number,
        m.place,
        m.date,
        m.title,
        m.subtitle,
        m.body,
        lines(m.recipients),
        m.revision,
        m.approvedBy == null ? null : m.approvedBy.fullName,
        m.approvedAt,
        m.pdfSha256,
        m.pdfSize,
        signatures,
        pending,
        m.eventHead == null
            ? null
            : new RecordHeads(m.eventHead, m.eventCount, m.pollHead, m.auditHead, m.auditSeq),
        m.publishedAt,
        m.publishedBy == null ? null : m.publishedBy.fullName,
        m.version);
  }

  // --- drafting and editing -------------------------------------------------------------------

  /** Drafts the minutes from the record of the session that ended. */
  @Transactional
  public MinutesView draft(long meetingId) {
    Access a = access.require(meetingId, MeetingOp.EDIT_MINUTES);
    Meeting meeting = a.meeting();
    if (meeting.status != MeetingStatus.ENDED) {
      throw ApiException.conflict(MinutesMsg.NOT_CORRECTABLE);
    }
    Meeting.lockRow(meeting.id); // one draft, however many presses
    if (Minutes.count("meeting = ?1", meeting) > 0) {
      throw ApiException.conflict(MinutesMsg.ALREADY_DRAFTED);
    }
    Instant now = clock.instant();
    Instant ended = endedAt(meeting);
    LocalDate date = (ended != null ? ended : now).atZone(ClockProducer.VIETNAM).toLocalDate();
    Minutes m = new Minutes();
    m.meeting = meeting;
    m.kind = MinutesKind.MINUTES;
    m.state = MinutesState.DRAFT;
    m.number = drafter.number(meeting, date.getYear());
    m.place = placeName(meeting);
    m.date = date;
    m.title = "BIÊN BẢN";
    m.subtitle = meeting.title;
    m.body = drafter.body(meeting, ended);
    m.recipients = String.join("\n", defaultRecipients(meeting));
    m.revision = 1;
    m.createdBy = me();
    m.createdAt = now;
    m.updatedAt = now;
    m.persist();
    saveVersion(m, "Dự thảo từ diễn biến phiên họp", now);
    events.fire(new MinutesEvents.Changed(m, "minutes.drafted", m.number));
    return fresh(m);
  }

  /** Saves the secretary's edit as the next version (only while the minutes are a draft). */
  @Transactional
  public MinutesView save(long meetingId, MinutesInput in) {
    Access a = access.require(meetingId, MeetingOp.EDIT_MINUTES);
    Minutes m = required(a.meeting());
    if (m.state == MinutesState.PUBLISHED) {
      throw ApiException.conflict(MinutesMsg.PUBLISHED);
    }
    if (m.state != MinutesState.DRAFT) {
      throw ApiException.conflict(MinutesMsg.NOT_DRAFT);
    }
    if (in.version() != m.version) {
      throw ApiException.stale();
    }
    Instant now = clock.instant();
    m.number = in.number().strip();
    m.place = in.place().strip();
    m.date = in.date();
    m.title = in.title().strip();
    m.subtitle = in.subtitle().strip();
    m.body = MinutesHtml.sanitize(in.body());
    m.recipients =
        String.join(
            "\n", in.recipients().stream().map(String::strip).filter(s -> !s.isEmpty()).toList());
    m.revision++;
    m.updatedAt = now;
    saveVersion(m, in.note(), now);
    em.flush(); // the version check, before the event
    events.fire(new MinutesEvents.Changed(m, "minutes.saved", "phiên bản " + m.revision));
    return fresh(m);
  }

  private void saveVersion(Minutes m, String note, Instant now) {
    MinutesVersion v = new MinutesVersion();
    v.minutes = m;
    v.revision = m.revision;
    v.title = m.title;
    v.subtitle = m.subtitle;
    v.body = m.body;
    v.recipients = m.recipients;
    v.note = note == null || note.isBlank() ? null : note.strip();
    v.savedBy = me();
    v.savedAt = now;
    v.persist();
  }

  @Transactional
  public List<VersionSummary> versions(long meetingId) {
    Minutes m = readable(meetingId);
    return MinutesVersion.<MinutesVersion>list("minutes = ?1 order by revision desc", m).stream()
        .map(
            v ->
                new VersionSummary(
                    v.revision,
                    v.savedBy == null ? null : v.savedBy.fullName,
                    v.savedAt,
                    v.note,
                    v.revision == m.revision))
        .toList();
  }

  @Transactional
  public MinutesVersionView version(long meetingId, int revision) {
    Minutes m = readable(meetingId);
    MinutesVersion v = version(m, revision);
    return new MinutesVersionView(
        v.revision,
        v.title,
        v.subtitle,
        v.body,
        lines(v.recipients),
        v.savedBy == null ? null : v.savedBy.fullName,
        v.savedAt,
        v.note);
  }

  private static MinutesVersion version(Minutes m, int revision) {
    MinutesVersion v =
        MinutesVersion.<MinutesVersion>find("minutes = ?1 and revision = ?2", m, revision)
            .firstResult();
    if (v == null) {
      throw ApiException.notFound(MinutesMsg.VERSION, revision);
    }
    return v;
  }

  /**
   * What changed between two saved versions: the text of each (title, subtitle, every block of the
   * body, the recipients), one line per block, compared line by line.
   */
  @Transactional
  public Diff diff(long meetingId, int from, int to) {
    Minutes m = readable(meetingId);
    List<DiffLine> lines =
        DIFF.generateDiffRows(diffLines(version(m, from)), diffLines(version(m, to))).stream()
            .map(MinutesService::diffLine)
            .toList();
    int inserted = count(lines, "INSERT");
    int deleted = count(lines, "DELETE");
    int changed = count(lines, "CHANGE");
    return new Diff(from, to, inserted, deleted, changed, lines);
  }

  /** Whole lines as they are (no inline markup, no HTML escaping): the web app marks words. */
  private static final DiffRowGenerator DIFF =
      DiffRowGenerator.create()
          .showInlineDiffs(false)
          .reportLinesUnchanged(true)
          .lineNormalizer(Function.identity())
          .build();

  /**
   * One row: a changed block with nothing on one side (a change of unequal length) is an insert or
   * a delete — blank lines are never compared, so an empty side means no line.
   */
  private static DiffLine diffLine(DiffRow r) {
    String before = r.getOldLine();
    String after = r.getNewLine();
    DiffRow.Tag tag = r.getTag();
    if (tag == DiffRow.Tag.INSERT || tag == DiffRow.Tag.CHANGE && before.isEmpty()) {
      return new DiffLine("INSERT", null, after);
    }
    if (tag == DiffRow.Tag.DELETE || tag == DiffRow.Tag.CHANGE && after.isEmpty()) {
      return new DiffLine("DELETE", before, null);
    }
    return new DiffLine(tag.name(), before, after);
  }

  private static int count(List<DiffLine> lines, String kind) {
    return (int) lines.stream().filter(l -> l.kind().equals(kind)).count();
  }

  private static List<String> diffLines(MinutesVersion v) {
    List<String> out = new ArrayList<>();
    out.add(v.title);
    out.add(v.subtitle);
    out.addAll(MinutesHtml.plainText(v.body).lines().filter(l -> !l.isBlank()).toList());
    lines(v.recipients).forEach(r -> out.add("Nơi nhận: " + r));
    return out;
  }

  // --- approval, the PDF ------------------------------------------------------------------------

  /** The chair approves the text ({@code version} is the one they read): the PDF is made. */
  @Transactional
  public MinutesView approve(long meetingId, long version) {
    Access a = access.require(meetingId, MeetingOp.APPROVE_MINUTES);
    Minutes m = required(a.meeting());
    if (m.state != MinutesState.DRAFT) {
      throw ApiException.conflict(MinutesMsg.NOT_DRAFT);
    }
    if (version != m.version) {
      throw ApiException.stale();
    }
    Instant now = clock.instant();
    heads(m);
    MinutesPdf.Rendered rendered = MinutesPdf.render(sheet(m));
    m.signaturePlaces = write(rendered.signaturePlaces());
    store(m, rendered.pdf());
    m.state = MinutesState.APPROVED;
    m.approvedBy = me();
    m.approvedAt = now;
    m.updatedAt = now;
    events.fire(new MinutesEvents.Changed(m, "minutes.approved", "phiên bản " + m.revision));
    return fresh(m);
  }

  /** The chair sends the approved text back to the secretary (nobody has signed yet). */
  @Transactional
  public MinutesView sendBack(long meetingId, String reason) {
    Access a = access.require(meetingId, MeetingOp.APPROVE_MINUTES);
    Minutes m = required(a.meeting());
    if (m.state != MinutesState.APPROVED) {
      throw ApiException.conflict(
          m.state == MinutesState.DRAFT ? MinutesMsg.NOT_APPROVED : MinutesMsg.ALREADY_SIGNING);
    }
    m.state = MinutesState.DRAFT;
    m.approvedBy = null;
    m.approvedAt = null;
    m.pdfKey = null;
    m.pdfSha256 = null;
    m.pdfSize = null;
    m.clearPending();
    m.updatedAt = clock.instant();
    events.fire(new MinutesEvents.Changed(m, "minutes.sent-back", reason));
    return fresh(m);
  }

  /** The record's hash-chain heads, as they are when the PDF is made. */
  private void heads(Minutes m) {
    long meetingId = m.meeting.id;
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select seq, type, data from meeting_event where meeting_id = ?1 and seq is not"
                    + " null order by seq")
            .setParameter(1, meetingId)
            .getResultList();
    String head = "0".repeat(64);
    for (Object[] r : rows) {
      head = Tokens.sha256(head + "\n" + r[0] + "\n" + r[1] + "\n" + r[2]);
    }
    m.eventHead = head;
    m.eventCount = (long) rows.size();
    m.pollHead = polls.chain(meetingId).head();
    AuditHead audit = AuditHead.findById(AuditHead.ID);
    m.auditHead = audit.lastHash;
    m.auditSeq = audit.lastSeq;
  }

  private MinutesPdf.Sheet sheet(Minutes m) {
    Meeting meeting = m.meeting;
    String parent =
        meeting.hostUnit.parent == null
            ? null
            : meeting.hostUnit.parent.name.toUpperCase(MinutesDrafter.VI);
    List<String> notes = new ArrayList<>();
    if (m.kind == MinutesKind.CORRECTION && m.corrects != null) {
      notes.add(
          "Văn bản này đính chính biên bản số "
              + m.corrects.number
              + " (SHA-256 "
              + m.corrects.pdfSha256
              + ").");
    }
    notes.add(
        "Mã kiểm tra diễn biến phiên họp: "
            + m.eventHead
            + " ("
            + m.eventCount
            + " sự kiện); chuỗi kết quả biểu quyết: "
            + m.pollHead
            + "; nhật ký kiểm toán: "
            + m.auditHead
            + " (#"
            + m.auditSeq
            + ").");
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("HopSo-Meeting", String.valueOf(meeting.id));
    metadata.put("HopSo-EventLogHead", m.eventHead);
    metadata.put("HopSo-EventCount", String.valueOf(m.eventCount));
    metadata.put("HopSo-PollChainHead", m.pollHead);
    metadata.put("HopSo-AuditHead", m.auditHead);
    metadata.put("HopSo-AuditSeq", String.valueOf(m.auditSeq));
    return new MinutesPdf.Sheet(
        parent,
        meeting.hostUnit.name.toUpperCase(MinutesDrafter.VI),
        "Số: " + m.number,
        m.place,
        m.date,
        m.title,
        m.subtitle,
        m.body,
        new MinutesPdf.SignatureBlock(
            SignerRole.SECRETARY.heading,
            null,
            meeting.secretary == null ? "" : meeting.secretary.fullName),
        new MinutesPdf.SignatureBlock(SignerRole.CHAIR.heading, null, meeting.chair.fullName),
        lines(m.recipients),
        notes,
        metadata);
  }

  // --- signing
  // ------------------------------------------------------------------------------------

  /** Signs the caller's block on the server with the organisation's certificate. */
  @Transactional
  public MinutesView signOnServer(long meetingId) {
    Access a = access.require(meetingId, MeetingOp.SIGN_MINUTES);
    Minutes m = signable(a);
    SignerRole role = requireRole(m, a.meeting());
    if (!signer.available()) {
      throw ApiException.conflict(MinutesMsg.NO_SERVER_KEY);
    }
    byte[] pdf = read(m.pdfKey);
    Instant now = clock.instant();
    Pades.SignMeta meta = meta(m, role, now);
    byte[] signed;
    try {
      signed = Pades.signWithKey(pdf, meta, signer.key(), signer.tsa());
    } catch (Pades.PadesException e) {
      throw refusal(e);
    }
    return signed(m, role, MinutesSignature.Method.SERVER, signed, now);
  }

  /**
   * Prepares the caller's signature for an outside signer (USB token, remote signing service): the
   * PDF with room for the signature is kept, and the digest to sign is answered. The signer returns
   * a CMS signature over it ({@link #complete}).
   */
  @Transactional
  public MinutesView prepare(long meetingId) {
    Access a = access.require(meetingId, MeetingOp.SIGN_MINUTES);
    Minutes m = signable(a);
    SignerRole role = requireRole(m, a.meeting());
    Instant now = clock.instant();
    if (m.pendingRole != null
        && m.pendingUntil.isAfter(now)
        && !m.pendingPerson.id.equals(current.personId())) {
      throw ApiException.conflict(MinutesMsg.PENDING_OTHER);
    }
    byte[] pdf = read(m.pdfKey);
    Pades.Prepared prepared;
    try {
      prepared = Pades.prepare(pdf, meta(m, role, now), RESERVED);
    } catch (Pades.PadesException e) {
      throw refusal(e);
    }
    String key = key(m, "pending");
    storage.put(
        key, new ByteArrayInputStream(prepared.pdf()), prepared.pdf().length, "application/pdf");
    m.pendingRole = role;
    m.pendingKey = key;
    m.pendingDigest = HexFormat.of().formatHex(prepared.digest());
    m.pendingPerson = me();
    m.pendingUntil = now.plus(config.pendingTtl());
    m.updatedAt = now;
    events.fire(new MinutesEvents.Changed(m, "minutes.sign-prepared", role.vi()));
    return fresh(m);
  }

  /** Embeds the CMS signature the outside signer made over the prepared digest. */
  @Transactional
  public MinutesView complete(long meetingId, String cmsBase64) {
    Access a = access.require(meetingId, MeetingOp.SIGN_MINUTES);
    Minutes m = signable(a);
    Instant now = clock.instant();
    if (m.pendingRole == null
        || !m.pendingUntil.isAfter(now)
        || !m.pendingPerson.id.equals(current.personId())) {
      throw ApiException.conflict(MinutesMsg.NO_PENDING);
    }
    byte[] cms;
    try {
      cms = Base64.getMimeDecoder().decode(cmsBase64.strip());
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("cms", CommonMsg.INVALID_VALUE);
    }
    byte[] prepared = read(m.pendingKey);
    byte[] signed;
    try {
      signed = Pades.embed(prepared, cms);
    } catch (Pades.PadesException e) {
      throw refusal(e);
    }
    SignerRole role = m.pendingRole;
    String pendingKey = m.pendingKey;
    m.clearPending();
    MinutesView out = signed(m, role, MinutesSignature.Method.HASH, signed, now);
    storage.delete(pendingKey);
    return out;
  }

  private MinutesView signed(
      Minutes m, SignerRole role, MinutesSignature.Method method, byte[] pdf, Instant now) {
    Pades.Verification check;
    try {
      check = Pades.verify(pdf);
    } catch (Pades.PadesException e) {
      throw refusal(e);
    }
    Pades.SignatureCheck last =
        check.signatures().isEmpty() ? null : check.signatures().get(check.signatures().size() - 1);
    if (last == null || !last.intact() || !last.coversWholeDocument()) {
      throw ApiException.conflict(
          MinutesMsg.BAD_SIGNATURE, "detail", "chữ ký không khớp với văn bản");
    }
    store(m, pdf);
    MinutesSignature s = new MinutesSignature();
    s.minutes = m;
    s.role = role;
    s.person = me();
    s.method = method;
    s.signedAt = now;
    s.certificateSubject = last.subject();
    s.certificateIssuer = last.issuer();
    s.certificateSha256 = last.certificateSha256();
    s.timestamped = last.timestamped();
    s.pdfKey = m.pdfKey;
    s.pdfSha256 = m.pdfSha256;
    s.persist();
    em.flush();
    long count = MinutesSignature.count("minutes", m);
    m.state = count >= SignerRole.values().length ? MinutesState.SIGNED : MinutesState.SIGNING;
    m.updatedAt = now;
    events.fire(
        new MinutesEvents.Changed(
            m, "minutes.signed", role.vi() + " – " + s.certificateSubject + " (" + method + ")"));
    return fresh(m);
  }

  private Minutes signable(Access a) {
    Minutes m = required(a.meeting());
    if (m.state == MinutesState.DRAFT) {
      throw ApiException.conflict(MinutesMsg.NOT_APPROVED);
    }
    if (m.state == MinutesState.SIGNED || m.state == MinutesState.PUBLISHED) {
      throw ApiException.conflict(MinutesMsg.ALREADY_SIGNED);
    }
    return m;
  }

  private SignerRole requireRole(Minutes m, Meeting meeting) {
    Long me = current.personId();
    boolean chair = meeting.chair != null && meeting.chair.id.equals(me);
    boolean secretary = meeting.secretary != null && meeting.secretary.id.equals(me);
    if (!chair && !secretary) {
      throw ApiException.forbidden(MinutesMsg.NEED_SIGNER);
    }
    SignerRole role = roleOf(m, meeting);
    if (role == null) {
      throw ApiException.conflict(MinutesMsg.ALREADY_SIGNED);
    }
    return role;
  }

  private Pades.SignMeta meta(Minutes m, SignerRole role, Instant now) {
    Person me = me();
    Pades.Visible visible = null;
    MinutesPdf.Place place = places(m).get(role == SignerRole.SECRETARY ? "left" : "right");
    if (place != null) {
      visible =
          new Pades.Visible(
              place.page(),
              place.x(),
              place.y(),
              place.width(),
              place.height(),
              List.of(
                  "Ký bởi: " + me.fullName,
                  "Vai trò: " + role.vi(),
                  "Thời gian: " + vn.hopso.common.VietnameseDates.shortDateTime(now)));
    }
    return new Pades.SignMeta(me.fullName, role.reason, m.place, now, visible);
  }

  private Map<String, MinutesPdf.Place> places(Minutes m) {
    if (m.signaturePlaces == null) {
      return Map.of();
    }
    try {
      return json.readValue(
          m.signaturePlaces,
          json.getTypeFactory()
              .constructMapType(LinkedHashMap.class, String.class, MinutesPdf.Place.class));
    } catch (JsonProcessingException e) {
      return Map.of();
    }
  }

  private String write(Object o) {
    try {
      return json.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ApiException refusal(Pades.PadesException e) {
    return switch (e.code) {
      case "not-pdf" -> ApiException.conflict(MinutesMsg.NOT_PDF);
      case "tsa-failed" -> ApiException.conflict(MinutesMsg.TSA_FAILED, "detail", e.getMessage());
      default -> ApiException.invalid("cms", MinutesMsg.BAD_SIGNATURE, "detail", e.getMessage());
    };
  }

  // --- publishing, corrections ------------------------------------------------------------------

  /**
   * Publishes the signed minutes: the meeting's record is final (its documents no longer change)
   * and every participant is told. A correction is published beside the minutes it corrects.
   */
  @Transactional
  public MinutesView publish(long meetingId) {
    Access a = access.view(meetingId);
    Minutes m = required(a.meeting());
    if (m.kind == MinutesKind.CORRECTION) {
      access.require(a, MeetingOp.EDIT_MINUTES);
    } else {
      access.require(a, MeetingOp.PUBLISH_MINUTES);
    }
    if (m.state != MinutesState.SIGNED) {
      throw ApiException.conflict(
          m.state == MinutesState.PUBLISHED ? MinutesMsg.PUBLISHED : MinutesMsg.NOT_SIGNED);
    }
    Instant now = clock.instant();
    m.state = MinutesState.PUBLISHED;
    m.publishedAt = now;
    m.publishedBy = me();
    m.updatedAt = now;
    events.fire(new MinutesEvents.Changed(m, "minutes.published", m.number));
    if (m.kind == MinutesKind.MINUTES) {
      meetings.minutesPublished(a, m.number);
    }
    return fresh(m);
  }

  /** Starts a correction of the published minutes: a new document that refers to them. */
  @Transactional
  public MinutesView correct(long meetingId, String reason) {
    Access a = access.require(meetingId, MeetingOp.EDIT_MINUTES);
    Meeting.lockRow(a.meeting().id);
    Minutes last = required(a.meeting());
    if (last.state != MinutesState.PUBLISHED) {
      throw ApiException.conflict(MinutesMsg.NOT_CORRECTABLE);
    }
    Minutes original = last.kind == MinutesKind.MINUTES ? last : last.corrects;
    Instant now = clock.instant();
    Minutes c = new Minutes();
    c.meeting = a.meeting();
    c.kind = MinutesKind.CORRECTION;
    c.corrects = original;
    c.state = MinutesState.DRAFT;
    c.number = original.number.replace("/BB", "/BB-ĐC");
    c.place = original.place;
    c.date = now.atZone(ClockProducer.VIETNAM).toLocalDate();
    c.title = "BIÊN BẢN ĐÍNH CHÍNH";
    c.subtitle = "Đính chính biên bản số " + original.number + " – " + original.subtitle;
    c.body =
        MinutesHtml.sanitize(
            "<p>Lý do đính chính: "
                + org.jsoup.nodes.Entities.escape(reason.strip())
                + ".</p><p>Nội dung đính chính: "
                + MinutesDrafter.GAP
                + "</p>");
    c.recipients = original.recipients;
    c.revision = 1;
    c.createdBy = me();
    c.createdAt = now;
    c.updatedAt = now;
    c.persist();
    saveVersion(c, "Đính chính: " + reason.strip(), now);
    events.fire(new MinutesEvents.Changed(c, "minutes.correction", original.number));
    return fresh(c);
  }

  // --- the PDF and its verification -----------------------------------------------------------

  /** The PDF as it stands, for those who may read the minutes in their state. */
  @Transactional
  public Pdf pdf(long meetingId, Long minutesId) {
    Minutes m = minutesId == null ? readable(meetingId) : readable(meetingId, minutesId);
    if (m.pdfKey == null) {
      throw ApiException.conflict(MinutesMsg.NOT_APPROVED);
    }
    return new Pdf(read(m.pdfKey), m.number.replaceAll("[^\\p{L}\\p{N}-]+", "_") + ".pdf");
  }

  public record Pdf(byte[] bytes, String fileName) {}

  /** The verification of the minutes' current PDF, each signature matched to its signer. */
  @Transactional
  public MinutesVerification verification(long meetingId) {
    Minutes m = readable(meetingId);
    if (m.pdfKey == null) {
      throw ApiException.conflict(MinutesMsg.NOT_APPROVED);
    }
    return verify(read(m.pdfKey));
  }

  /** Verifies any PDF (one downloaded from HopSo and passed around, say). */
  @Transactional
  public MinutesVerification verify(byte[] pdf) {
    Pades.Verification v;
    try {
      v = Pades.verify(pdf);
    } catch (Pades.PadesException e) {
      throw ApiException.invalid("file", MinutesMsg.NOT_PDF);
    }
    String sha = Tokens.sha256(pdf);
    MinutesSignature match =
        MinutesSignature.<MinutesSignature>find("pdfSha256", sha).firstResult();
    Minutes minutes = match != null ? match.minutes : Minutes.find("pdfSha256", sha).firstResult();
    boolean latest = minutes != null && sha.equals(minutes.pdfSha256);
    Map<String, MinutesSignature> ours = new LinkedHashMap<>();
    if (minutes != null) {
      MinutesSignature.<MinutesSignature>list("minutes", minutes)
          .forEach(s -> ours.put(s.certificateSha256 + "|" + s.person.fullName, s));
    }
    List<SignatureCheckView> checks = new ArrayList<>();
    for (Pades.SignatureCheck c : v.signatures()) {
      MinutesSignature s = ours.get(c.certificateSha256() + "|" + c.name());
      checks.add(
          new SignatureCheckView(
              c.name(),
              c.reason(),
              c.signingTime(),
              c.subject(),
              c.issuer(),
              c.serial(),
              c.notBefore(),
              c.notAfter(),
              c.certificateSha256(),
              c.subject() != null && c.subject().equals(c.issuer()),
              c.intact(),
              c.coversWholeDocument(),
              c.timestamped(),
              c.timestampTime(),
              s == null ? null : s.role,
              s == null ? null : s.person.fullName));
    }
    boolean valid =
        !checks.isEmpty()
            && checks.stream().allMatch(SignatureCheckView::intact)
            && v.unchangedAfterLastSignature();
    // who may learn which meeting a file belongs to: those who may read its minutes
    Long meetingId = null;
    String title = null;
    if (minutes != null && access.visible(current.viewer(), minutes.meeting.id)) {
      Access a = access.view(minutes.meeting.id);
      if (access.allowed(a.meeting(), a.relation(), MeetingOp.VIEW_MINUTES_DRAFT)
          || minutes.state == MinutesState.PUBLISHED
              && access.allowed(a.meeting(), a.relation(), MeetingOp.READ_MINUTES)) {
        meetingId = minutes.meeting.id;
        title = minutes.meeting.title;
      }
    }
    return new MinutesVerification(
        sha,
        pdf.length,
        valid,
        v.unchangedAfterLastSignature(),
        checks,
        meetingId == null ? null : minutes.id,
        meetingId,
        title,
        meetingId != null && latest);
  }

  // --- helpers -------------------------------------------------------------------------------

  /**
   * The minutes the caller may read now: the draft for those who run the meeting, else published.
   */
  private Minutes readable(long meetingId) {
    Access a = access.view(meetingId);
    Minutes m = required(a.meeting());
    return readable(a, m);
  }

  private Minutes readable(long meetingId, long minutesId) {
    Access a = access.view(meetingId);
    Minutes m = Minutes.findById(minutesId);
    if (m == null || !m.meeting.id.equals(meetingId)) {
      throw ApiException.notFound(MinutesMsg.MINUTES, minutesId);
    }
    return readable(a, m);
  }

  private Minutes readable(Access a, Minutes m) {
    if (access.allowed(a.meeting(), a.relation(), MeetingOp.VIEW_MINUTES_DRAFT)) {
      return m;
    }
    access.require(a, MeetingOp.READ_MINUTES);
    if (m.state != MinutesState.PUBLISHED) {
      // the published minutes, when it is a correction that is being written
      if (m.corrects != null && m.corrects.state == MinutesState.PUBLISHED) {
        return m.corrects;
      }
      throw ApiException.notFound(MinutesMsg.MINUTES, a.meeting().id);
    }
    return m;
  }

  private static Minutes required(Meeting meeting) {
    return current(meeting).orElseThrow(() -> ApiException.conflict(MinutesMsg.NO_MINUTES));
  }

  private void store(Minutes m, byte[] pdf) {
    String key = key(m, "r");
    storage.put(key, new ByteArrayInputStream(pdf), pdf.length, "application/pdf");
    m.pdfKey = key;
    m.pdfSha256 = Tokens.sha256(pdf);
    m.pdfSize = (long) pdf.length;
  }

  private static String key(Minutes m, String what) {
    return "minutes/" + m.meeting.id + "/" + m.id + "/" + what + "-" + UUID.randomUUID() + ".pdf";
  }

  private byte[] read(String key) {
    try (InputStream in =
        storage
            .get(key)
            .orElseThrow(() -> new IllegalStateException("minutes file missing: " + key))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** When the session ended: the audited "meeting.ended" (null when it is not there). */
  private Instant endedAt(Meeting meeting) {
    return em.createQuery(
            "select max(e.at) from AuditEntry e where e.action = 'meeting.ended' and e.target = :t",
            Instant.class)
        .setParameter("t", "meeting:" + meeting.id)
        .getSingleResult();
  }

  private static String placeName(Meeting meeting) {
    // the place line of an administrative document is a locality: the province or commune
    String unit =
        meeting.hostUnit.parent != null ? meeting.hostUnit.parent.name : meeting.hostUnit.name;
    return unit.replaceFirst("(?i)^(UBND|Ủy ban nhân dân|HĐND|Hội đồng nhân dân)\\s+", "")
        .replaceFirst("(?i)^(tỉnh|thành phố|xã|phường|huyện)\\s+", "")
        .strip();
  }

  private static List<String> defaultRecipients(Meeting meeting) {
    List<String> out = new ArrayList<>();
    out.add("Các thành phần dự họp");
    if (meeting.hostUnit.parent != null) {
      out.add(meeting.hostUnit.parent.name);
    }
    out.add("Lưu: VT");
    return out;
  }

  static List<String> lines(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return Arrays.stream(text.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private Person me() {
    Long id = current.personId();
    return id == null ? null : Person.findById(id);
  }
}
