package vn.hopso.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import vn.hopso.agenda.AgendaItem;
import vn.hopso.agenda.AgendaService;
import vn.hopso.agenda.AgendaViews.Agenda;
import vn.hopso.agenda.AgendaViews.ItemView;
import vn.hopso.common.ApiException;
import vn.hopso.common.CommonMsg;
import vn.hopso.common.CurrentUser;
import vn.hopso.common.DomainEvent;
import vn.hopso.common.Lang;
import vn.hopso.common.Limits;
import vn.hopso.common.StoredJson;
import vn.hopso.common.Texts;
import vn.hopso.common.Versions;
import vn.hopso.common.VietnameseText;
import vn.hopso.document.DocumentViews.DocumentCapabilities;
import vn.hopso.document.DocumentViews.DocumentDetail;
import vn.hopso.document.DocumentViews.DocumentList;
import vn.hopso.document.DocumentViews.DocumentVersionView;
import vn.hopso.document.DocumentViews.DocumentView;
import vn.hopso.document.DocumentViews.MyReading;
import vn.hopso.document.DocumentViews.ReaderRef;
import vn.hopso.document.DocumentViews.UpdateInput;
import vn.hopso.meeting.MeetingAccess;
import vn.hopso.meeting.MeetingAccess.Access;
import vn.hopso.meeting.MeetingOp;
import vn.hopso.meeting.Participant;
import vn.hopso.org.Person;

/**
 * Documents of meetings: uploading and replacing files (a new version each time), describing them
 * and saying who may read them, and the lists and views readers get. Slow work (spooling,
 * conversion, inspection, storage) happens in {@link Ingest} between two short transactions, so a
 * large upload never holds a database connection or a lock.
 */
@ApplicationScoped
public class DocumentService {
  @Inject MeetingAccess access;
  @Inject AgendaService agenda;
  @Inject CurrentUser current;
  @Inject Ingest ingest;
  @Inject FileLinks links;
  @Inject AnnotationService annotations;
  @Inject Event<DomainEvent> events;
  @Inject Clock clock;
  @Inject DocumentConfig config;
  @Inject @StoredJson ObjectMapper json;

  /** What the caller may read of one meeting: its access and the agenda items they can see. */
  record Reading(Access access, Agenda agenda, Map<Long, ItemView> items) {
    Set<Long> itemIds() {
      return items.keySet();
    }

    boolean visible(Document d, Long me) {
      return DocumentRules.visible(access.relation(), me, d, itemIds());
    }
  }

  Reading reading(long meetingId, MeetingOp op) {
    Access a = access.require(meetingId, op);
    Agenda ag = agenda.get(a);
    Map<Long, ItemView> items = new LinkedHashMap<>();
    flatten(ag.items(), items);
    return new Reading(a, ag, items);
  }

  private static void flatten(List<ItemView> items, Map<Long, ItemView> out) {
    for (ItemView i : items) {
      out.put(i.id(), i);
      flatten(i.children(), out);
    }
  }

  /** A document the caller may read, with what they may do (404 withdrawn, 403 not for them). */
  record Readable(Document document, Reading reading) {}

  Readable readable(long documentId, MeetingOp op) {
    Document d = Document.findById(documentId);
    if (d == null || d.withdrawnAt != null) {
      throw ApiException.notFound(DocumentMsg.DOCUMENT, documentId);
    }
    Reading r = reading(d.meeting.id, op);
    if (!r.visible(d, current.personId())) {
      throw ApiException.forbidden(DocumentMsg.NOT_READABLE);
    }
    return new Readable(d, r);
  }

  // --- reading --------------------------------------------------------------------------------

  @Transactional
  public DocumentList list(long meetingId) {
    Reading r = reading(meetingId, MeetingOp.READ_DOCUMENTS);
    List<Document> docs = readableDocuments(r);
    Map<Long, DocumentVersion> currentVersions = currentVersions(docs);
    Map<Long, Read> mine = latestReceipts(docs, current.personId());
    List<DocumentView> views = new ArrayList<>();
    for (Document d : docs) {
      views.add(view(d, currentVersions.get(d.id), mine.get(d.id), r));
    }
    boolean canUpload =
        access.allowed(r.access().meeting(), r.access().relation(), MeetingOp.MANAGE_DOCUMENTS);
    return new DocumentList(
        views, canUpload, ingest.officeConversion(), config.maxUploadSize().asLongValue());
  }

  @Transactional
  public DocumentDetail detail(long documentId) {
    Readable x = readable(documentId, MeetingOp.READ_DOCUMENTS);
    Document d = x.document();
    List<DocumentVersion> versions =
        DocumentVersion.<DocumentVersion>list("document = ?1 order by number desc", d);
    DocumentVersion cur = versions.isEmpty() ? null : versions.get(0);
    Read mine = latestReceipts(List.of(d), current.personId()).get(d.id);
    Lang lang = current.lang();
    return new DocumentDetail(
        view(d, cur, mine, x.reading()), versions.stream().map(v -> versionView(v, lang)).toList());
  }

  /** The meeting's documents the caller may read, in agenda order. */
  List<Document> readableDocuments(Reading r) {
    Long me = current.personId();
    List<Document> docs =
        Document.<Document>list("meeting = ?1 and withdrawnAt is null", r.access().meeting())
            .stream()
            .filter(d -> r.visible(d, me))
            .toList();
    return ordered(docs, r.items());
  }

  /** Documents in agenda order (the meeting's own first), then by position and title. */
  static List<Document> ordered(List<Document> docs, Map<Long, ItemView> items) {
    List<Long> order = new ArrayList<>(items.keySet());
    return docs.stream()
        .sorted(
            Comparator.<Document>comparingInt(
                    d -> {
                      if (d.item == null) {
                        return -1;
                      }
                      int i = order.indexOf(d.item.id);
                      return i < 0 ? Integer.MAX_VALUE : i;
                    })
                .thenComparingInt(d -> d.position)
                .thenComparing(d -> VietnameseText.sortKey(d.title))
                .thenComparingLong(d -> d.id))
        .toList();
  }

  Map<Long, DocumentVersion> currentVersions(List<Document> docs) {
    if (docs.isEmpty()) {
      return Map.of();
    }
    List<DocumentVersion> vs =
        DocumentVersion.<DocumentVersion>list(
            "document in ?1 and number = document.currentVersion", docs);
    return vs.stream().collect(Collectors.toMap(v -> v.document.id, v -> v));
  }

  /** A receipt with the number of the version it is of. */
  record Read(int version, ReadReceipt receipt) {}

  /** The caller's receipt of the latest version they opened, per document. */
  Map<Long, Read> latestReceipts(List<Document> docs, Long personId) {
    if (docs.isEmpty() || personId == null) {
      return Map.of();
    }
    List<Object[]> rows =
        Document.getEntityManager()
            .createQuery(
                "select v.document.id, v.number, r from ReadReceipt r, DocumentVersion v"
                    + " where r.versionId = v.id and r.personId = :me and v.document in :docs",
                Object[].class)
            .setParameter("me", personId)
            .setParameter("docs", docs)
            .getResultList();
    Map<Long, Read> out = new HashMap<>();
    for (Object[] row : rows) {
      long docId = (Long) row[0];
      int number = (Integer) row[1];
      Read was = out.get(docId);
      if (was == null || number > was.version()) {
        out.put(docId, new Read(number, (ReadReceipt) row[2]));
      }
    }
    return out;
  }

  DocumentView view(Document d, DocumentVersion cur, Read mine, Reading r) {
    Access a = r.access();
    Lang lang = current.lang();
    boolean manager = a.manager();
    List<ReaderRef> readers = List.of();
    if (manager && d.audience == DocumentAudience.NAMED && !d.readers.isEmpty()) {
      readers =
          Person.<Person>list("id in ?1", d.readers).stream()
              .sorted(Comparator.comparing(p -> VietnameseText.personSortKey(p.fullName)))
              .map(p -> new ReaderRef(p.id, p.fullName, p.unit == null ? null : p.unit.name))
              .toList();
    }
    ItemView item = d.item == null ? null : r.items().get(d.item.id);
    Integer readVersion = mine == null ? null : mine.version();
    MyReading reading =
        mine == null
            ? null
            : new MyReading(mine.version(), mine.receipt().lastOpenedAt, mine.receipt().pagesSeen);
    boolean unread = mine == null;
    boolean changed = readVersion != null && readVersion < d.currentVersion;
    String thumb = null;
    if (cur != null && cur.thumbnailKey != null && DocumentRules.getsOriginal(a.relation(), d)) {
      Long me = current.personId();
      thumb =
          "/api/files/"
              + links.sign(
                  new FileLinks.Claims(
                      cur.id,
                      me == null ? 0 : me,
                      FileLinks.What.THUMBNAIL,
                      false,
                      clock.instant().plus(FileLinks.MAX_TTL)));
    }
    boolean canEdit = access.allowed(a.meeting(), a.relation(), MeetingOp.MANAGE_DOCUMENTS);
    boolean canAnnotate =
        cur != null
            && cur.hasPdf()
            && access.allowed(a.meeting(), a.relation(), MeetingOp.ANNOTATE);
    return new DocumentView(
        d.id,
        d.meeting.id,
        d.item == null ? null : d.item.id,
        item == null ? null : item.number(),
        item == null ? null : item.title(),
        d.title,
        d.audience,
        readers,
        d.confidential,
        d.position,
        cur == null ? null : versionView(cur, lang),
        d.currentVersion,
        reading,
        unread,
        changed,
        thumb,
        new DocumentCapabilities(canEdit, DocumentRules.getsOriginal(a.relation(), d), canAnnotate),
        d.version);
  }

  static DocumentVersionView versionView(DocumentVersion v, Lang lang) {
    return new DocumentVersionView(
        v.number,
        v.fileName,
        v.contentType,
        v.originalSize,
        v.originalSha256,
        v.pages,
        v.conversion,
        v.conversion.in(lang),
        v.hasPdf(),
        v.pdfSize,
        v.pdfSha256,
        v.note,
        v.uploadedByName,
        v.uploadedAt);
  }

  // --- uploading ------------------------------------------------------------------------------

  /** Adds a document with its first version (the body is the file). */
  public DocumentView upload(
      long meetingId,
      Long itemId,
      String title,
      String fileName,
      DocumentAudience audience,
      boolean confidential,
      InputStream body) {
    if (fileName == null || fileName.isBlank()) {
      throw ApiException.invalid("fileName", DocumentMsg.FILE_NAME_MISSING);
    }
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              access.require(meetingId, MeetingOp.MANAGE_DOCUMENTS);
              itemOf(meetingId, itemId);
            });
    Ingest.Result file = ingest.ingest(meetingId, fileName, body);
    try {
      return QuarkusTransaction.requiringNew()
          .call(
              () -> {
                Access a = access.require(meetingId, MeetingOp.MANAGE_DOCUMENTS);
                Document d = new Document();
                d.meeting = a.meeting();
                d.item = itemOf(meetingId, itemId);
                d.title =
                    title == null || title.isBlank()
                        ? Texts.fit(withoutExtension(file.fileName()), Limits.TITLE)
                        : title.strip();
                d.audience = audience == null ? DocumentAudience.PARTICIPANTS : audience;
                d.confidential = confidential;
                d.createdAt = clock.instant();
                d.createdBy =
                    current.personId() == null ? null : Person.findById(current.personId());
                d.position =
                    (int) Document.count("meeting.id = ?1 and withdrawnAt is null", meetingId);
                d.persist();
                DocumentVersion v = addVersion(d, file, null);
                events.fire(
                    new DocumentEvents.Changed(
                        d.meeting,
                        d.id,
                        "document.uploaded",
                        d.title
                            + " ("
                            + v.fileName
                            + ", "
                            + v.originalSha256.substring(0, 12)
                            + ")"));
                Reading r = reading(meetingId, MeetingOp.READ_DOCUMENTS);
                return view(d, v, null, r);
              });
    } catch (RuntimeException e) {
      ingest.discard(file);
      throw e;
    }
  }

  /** Replaces the file: the next version (refused when {@code baseVersion} is not the current). */
  public DocumentView replace(
      long documentId, String fileName, String note, Integer baseVersion, InputStream body) {
    if (fileName == null || fileName.isBlank()) {
      throw ApiException.invalid("fileName", DocumentMsg.FILE_NAME_MISSING);
    }
    if (note != null && note.length() > Limits.SHORT_NOTE) {
      throw ApiException.invalid("note", CommonMsg.SIZE_MAX, "max", Limits.SHORT_NOTE);
    }
    long meetingId =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  Document d = managed(documentId);
                  checkBase(d, baseVersion);
                  return d.meeting.id;
                });
    Ingest.Result file = ingest.ingest(meetingId, fileName, body);
    try {
      return QuarkusTransaction.requiringNew()
          .call(
              () -> {
                Document d = managed(documentId);
                Document.getEntityManager().lock(d, LockModeType.PESSIMISTIC_WRITE);
                checkBase(d, baseVersion);
                DocumentVersion previous = DocumentVersion.of(d, d.currentVersion);
                DocumentVersion v = addVersion(d, file, note);
                int carried = annotations.carryOver(d, previous, v);
                events.fire(
                    new DocumentEvents.Changed(
                        d.meeting,
                        d.id,
                        "document.replaced",
                        d.title
                            + " v"
                            + v.number
                            + " ("
                            + v.fileName
                            + ", "
                            + v.originalSha256.substring(0, 12)
                            + "; "
                            + carried
                            + " annotations carried over)"));
                Reading r = reading(d.meeting.id, MeetingOp.READ_DOCUMENTS);
                return view(d, v, null, r);
              });
    } catch (RuntimeException e) {
      ingest.discard(file);
      throw e;
    }
  }

  private static void checkBase(Document d, Integer baseVersion) {
    if (baseVersion != null && baseVersion != d.currentVersion) {
      throw ApiException.conflict(DocumentMsg.STALE_VERSION, "current", d.currentVersion);
    }
  }

  private DocumentVersion addVersion(Document d, Ingest.Result f, String note) {
    DocumentVersion v = new DocumentVersion();
    v.document = d;
    v.number = d.currentVersion + 1;
    v.fileName = f.fileName();
    v.contentType = f.contentType();
    v.originalKey = f.originalKey();
    v.originalSize = f.size();
    v.originalSha256 = f.sha256();
    v.pdfKey = f.pdfKey();
    v.pdfSize = f.pdfSize();
    v.pdfSha256 = f.pdfSha256();
    v.pages = f.pages();
    v.pageHashes = f.pageHashes() == null ? null : writeJson(f.pageHashes());
    v.thumbnailKey = f.thumbnailKey();
    v.conversion = f.conversion();
    v.note = note == null || note.isBlank() ? null : note.strip();
    v.uploadedBy = current.personId();
    v.uploadedByName = current.name();
    v.uploadedAt = clock.instant();
    v.persist();
    d.currentVersion = v.number;
    return v;
  }

  List<String> pageHashes(DocumentVersion v) {
    if (v == null || v.pageHashes == null) {
      return List.of();
    }
    try {
      return json.readValue(v.pageHashes, new TypeReference<List<String>>() {});
    } catch (JsonProcessingException e) {
      return List.of();
    }
  }

  private String writeJson(Object o) {
    try {
      return json.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String withoutExtension(String name) {
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  /** A document the caller may manage now. */
  private Document managed(long documentId) {
    Document d = Document.findById(documentId);
    if (d == null || d.withdrawnAt != null) {
      throw ApiException.notFound(DocumentMsg.DOCUMENT, documentId);
    }
    access.require(d.meeting.id, MeetingOp.MANAGE_DOCUMENTS);
    return d;
  }

  private static AgendaItem itemOf(long meetingId, Long itemId) {
    if (itemId == null) {
      return null;
    }
    AgendaItem item = AgendaItem.findById(itemId);
    if (item == null || !item.meeting.id.equals(meetingId)) {
      throw ApiException.invalid("itemId", DocumentMsg.ITEM_OF_OTHER_MEETING);
    }
    return item;
  }

  // --- describing ------------------------------------------------------------------------------

  @Transactional
  public DocumentView update(long documentId, UpdateInput in) {
    Document d = managed(documentId);
    Versions.check(in.version(), d.version);
    Set<Long> readers = new HashSet<>(in.readerIds() == null ? List.of() : in.readerIds());
    if (in.audience() == DocumentAudience.NAMED) {
      if (readers.isEmpty()) {
        throw ApiException.invalid("readerIds", DocumentMsg.READERS_REQUIRED);
      }
      long known = Participant.count("meeting = ?1 and person.id in ?2", d.meeting, readers);
      if (known != readers.size()) {
        throw ApiException.invalid("readerIds", DocumentMsg.READER_NOT_PARTICIPANT);
      }
    } else {
      readers.clear();
    }
    List<String> what = new ArrayList<>();
    if (!d.title.equals(in.title().strip())) {
      what.add("title");
    }
    AgendaItem item = itemOf(d.meeting.id, in.itemId());
    if (!java.util.Objects.equals(
        item == null ? null : item.id, d.item == null ? null : d.item.id)) {
      what.add("item");
    }
    if (d.audience != in.audience() || !d.readers.equals(readers)) {
      what.add("readers");
    }
    if (d.confidential != in.confidential()) {
      what.add(in.confidential() ? "confidential" : "not confidential");
    }
    d.title = in.title().strip();
    d.item = item;
    d.audience = in.audience();
    d.readers.clear();
    d.readers.addAll(readers);
    d.confidential = in.confidential();
    d.position = in.position();
    Document.getEntityManager().flush();
    events.fire(
        new DocumentEvents.Changed(
            d.meeting, d.id, "document.updated", d.title + ": " + String.join(", ", what)));
    Reading r = reading(d.meeting.id, MeetingOp.READ_DOCUMENTS);
    DocumentVersion cur = DocumentVersion.of(d, d.currentVersion);
    return view(d, cur, null, r);
  }

  /** Takes a document out of the meeting; its versions are kept for the record. */
  @Transactional
  public void withdraw(long documentId) {
    Document d = managed(documentId);
    d.withdrawnAt = clock.instant();
    events.fire(new DocumentEvents.Changed(d.meeting, d.id, "document.withdrawn", d.title));
  }
}
