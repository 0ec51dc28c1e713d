package vn.hopso.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.hopso.agenda.AgendaService;
import vn.hopso.common.ApiException;
import vn.hopso.common.CurrentUser;
import vn.hopso.common.DomainEvent;
import vn.hopso.common.VietnameseText;
import vn.hopso.document.DocumentService.Readable;
import vn.hopso.document.DocumentViews.ReadState;
import vn.hopso.document.DocumentViews.ReceiptCell;
import vn.hopso.document.DocumentViews.ReceiptColumn;
import vn.hopso.document.DocumentViews.ReceiptRow;
import vn.hopso.document.DocumentViews.ReceiptTable;
import vn.hopso.document.DocumentViews.Reminded;
import vn.hopso.meeting.Meeting;
import vn.hopso.meeting.MeetingAccess;
import vn.hopso.meeting.MeetingAccess.Access;
import vn.hopso.meeting.MeetingOp;
import vn.hopso.meeting.MeetingPolicy.Relation;
import vn.hopso.meeting.Participant;
import vn.hopso.notify.Announcer;

/**
 * Read receipts: who opened which version, when, and how many of its pages they saw; the
 * secretary's table of what each participant has not opened yet, and reminders to them.
 */
@ApplicationScoped
public class ReceiptService {
  @Inject DocumentService documents;
  @Inject MeetingAccess access;
  @Inject AgendaService agenda;
  @Inject CurrentUser current;
  @Inject Announcer announcer;
  @Inject Event<DomainEvent> events;
  @Inject Clock clock;

  /** Records that the caller has this version open and has seen these pages. */
  @Transactional
  public void seen(long documentId, int number, List<Integer> pages) {
    Readable x = documents.readable(documentId, MeetingOp.READ_DOCUMENTS);
    DocumentVersion v = DocumentVersion.required(x.document(), number);
    int count = v.pages == null ? 0 : v.pages;
    for (Integer p : pages) {
      if (p < 1 || (count > 0 && p > count)) {
        throw ApiException.invalid(
            "pages", DocumentMsg.PAGE_OUT_OF_RANGE, "page", p, "pages", count);
      }
    }
    long me = current.personId();
    Instant now = clock.instant();
    ReadReceipt r = ReadReceipt.findById(new ReadReceipt.Key(v.id, me));
    if (r == null) {
      r = new ReadReceipt();
      r.versionId = v.id;
      r.personId = me;
      r.firstOpenedAt = now;
      r.lastOpenedAt = now;
      r.opens = 1;
      r.see(pages);
      r.persist();
      events.fire(new DocumentEvents.FirstRead(x.document().meeting, documentId, me));
      return;
    }
    if (pages.isEmpty()) {
      r.opens++; // opened again
    }
    r.lastOpenedAt = now;
    r.see(pages);
  }

  /** Per participant and document: unopened, opened an older version, or opened. */
  @Transactional
  public ReceiptTable table(long meetingId) {
    Access a = access.require(meetingId, MeetingOp.VIEW_READS);
    return build(a.meeting());
  }

  private ReceiptTable build(Meeting m) {
    Set<Long> published = agenda.publishedItemIds(m);
    List<Document> docs =
        Document.<Document>list("meeting = ?1 and withdrawnAt is null and currentVersion > 0", m);
    docs = DocumentService.ordered(docs, Map.of());
    List<Participant> people =
        Participant.<Participant>list("meeting = ?1", m).stream()
            // the secretaries keep the documents; everyone else is expected to read them
            .filter(p -> p.person.active && p.role != vn.hopso.meeting.ParticipantRole.SECRETARY)
            .sorted(Comparator.comparing(p -> VietnameseText.personSortKey(p.person.fullName)))
            .toList();
    // receipts: person -> document -> best version opened
    Map<Long, Map<Long, Object[]>> opened = new HashMap<>();
    if (!docs.isEmpty()) {
      List<Object[]> rows =
          Document.getEntityManager()
              .createQuery(
                  "select r.personId, v.document.id, v.number, r.firstOpenedAt, r.pagesSeen"
                      + " from ReadReceipt r, DocumentVersion v"
                      + " where r.versionId = v.id and v.document in :docs",
                  Object[].class)
              .setParameter("docs", docs)
              .getResultList();
      for (Object[] row : rows) {
        Map<Long, Object[]> mine = opened.computeIfAbsent((Long) row[0], k -> new HashMap<>());
        Object[] was = mine.get((Long) row[1]);
        if (was == null || (Integer) row[2] > (Integer) was[2]) {
          mine.put((Long) row[1], row);
        }
      }
    }
    Map<Long, Integer> pages = new HashMap<>();
    for (DocumentVersion v : documents.currentVersions(docs).values()) {
      pages.put(v.document.id, v.pages);
    }
    List<ReceiptColumn> columns =
        docs.stream()
            .map(d -> new ReceiptColumn(d.id, d.title, d.currentVersion, d.confidential))
            .toList();
    List<ReceiptRow> rows = new ArrayList<>();
    for (Participant p : people) {
      boolean chair = m.chair != null && m.chair.id.equals(p.person.id);
      Relation r = new Relation(false, false, chair, p, false);
      List<ReceiptCell> cells = new ArrayList<>();
      int unopened = 0;
      for (Document d : docs) {
        if (!DocumentRules.visible(r, p.person.id, d, published)) {
          cells.add(new ReceiptCell(d.id, ReadState.NOT_FOR_THEM, null, null, 0, pages.get(d.id)));
          continue;
        }
        Object[] o = opened.getOrDefault(p.person.id, Map.of()).get(d.id);
        if (o == null) {
          unopened++;
          cells.add(new ReceiptCell(d.id, ReadState.UNOPENED, null, null, 0, pages.get(d.id)));
        } else {
          int version = (Integer) o[2];
          cells.add(
              new ReceiptCell(
                  d.id,
                  version < d.currentVersion ? ReadState.OLD_VERSION : ReadState.OPENED,
                  version,
                  (Instant) o[3],
                  (Integer) o[4],
                  pages.get(d.id)));
        }
      }
      rows.add(
          new ReceiptRow(
              p.person.id,
              p.person.fullName,
              p.person.position,
              p.person.unit == null ? null : p.person.unit.name,
              cells,
              unopened));
    }
    return new ReceiptTable(columns, rows);
  }

  /** Reminds (in the app) the people named, or everyone, who have documents still unopened. */
  @Transactional
  public Reminded remind(long meetingId, List<Long> personIds) {
    Access a = access.require(meetingId, MeetingOp.REMIND_READERS);
    Meeting m = a.meeting();
    ReceiptTable t = build(m);
    Set<Long> only = personIds == null ? null : new HashSet<>(personIds);
    Map<Long, String> titles = new HashMap<>();
    t.documents().forEach(c -> titles.put(c.documentId(), c.title()));
    int told = 0;
    for (ReceiptRow row : t.people()) {
      if (row.unopened() == 0 || (only != null && !only.contains(row.personId()))) {
        continue;
      }
      List<String> names =
          row.cells().stream()
              .filter(c -> c.state() == ReadState.UNOPENED)
              .map(c -> titles.get(c.documentId()))
              .toList();
      announcer.notice(
          vn.hopso.org.Person.findById(row.personId()),
          m,
          "DOCUMENTS",
          "Nhắc đọc tài liệu: " + m.title,
          "Còn " + names.size() + " tài liệu chưa mở: " + String.join("; ", names));
      told++;
    }
    events.fire(new DocumentEvents.Reminded(m, told + " people"));
    return new Reminded(told);
  }
}
