package vn.hopso.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.hopso.common.ApiException;
import vn.hopso.common.CurrentUser;
import vn.hopso.common.DomainEvent;
import vn.hopso.common.StoredJson;
import vn.hopso.document.DocumentService.Readable;
import vn.hopso.document.DocumentViews.AnnotationInput;
import vn.hopso.document.DocumentViews.AnnotationView;
import vn.hopso.meeting.MeetingOp;
import vn.hopso.meeting.Participant;
import vn.hopso.org.Person;
import vn.hopso.storage.DocumentStorage;

/**
 * Personal highlights, ink and notes, stored per person and version as data. Writes are idempotent
 * upserts by the client's id (an offline tablet's outbox may send a change twice); deletions leave
 * tombstones so every device of the person learns of them. A new version takes over the notes of
 * every page whose content did not change.
 */
@ApplicationScoped
public class AnnotationService {
  /** Geometry stored in {@link Annotation#body}. */
  record Geometry(List<List<Double>> rects, List<List<List<Double>>> paths) {}

  @Inject DocumentService documents;
  @Inject CurrentUser current;
  @Inject Clock clock;
  @Inject Event<DomainEvent> events;
  @Inject @StoredJson ObjectMapper json;
  @Inject DocumentStorage storage;
  @Inject LinkService links;
  @Inject Ingest ingest;

  /** The caller's annotations on a version (with tombstones) and those shared with them. */
  @Transactional
  public List<AnnotationView> list(long documentId, int version) {
    Readable x = documents.readable(documentId, MeetingOp.READ_DOCUMENTS);
    long me = current.personId();
    List<Annotation> all =
        Annotation.<Annotation>list(
            "document = ?1 and versionNo = ?2 order by createdAt, id", x.document(), version);
    List<Annotation> seen = new ArrayList<>();
    for (Annotation a : all) {
      if (a.personId == me || (!a.deleted && sharedWith(a, me))) {
        seen.add(a);
      }
    }
    Map<Long, String> names = names(seen);
    return seen.stream().map(a -> view(a, me, names)).toList();
  }

  private static boolean sharedWith(Annotation a, long me) {
    return a.sharing == Annotation.Sharing.PARTICIPANTS
        || (a.sharing == Annotation.Sharing.NAMED && a.sharedWith.contains(me));
  }

  private static Map<Long, String> names(List<Annotation> list) {
    Set<Long> ids = new HashSet<>();
    list.forEach(a -> ids.add(a.personId));
    Map<Long, String> names = new HashMap<>();
    if (!ids.isEmpty()) {
      Person.<Person>list("id in ?1", ids).forEach(p -> names.put(p.id, p.fullName));
    }
    return names;
  }

  /** Writes the caller's annotation {@code id}: creates it, or changes it to this. */
  @Transactional
  public AnnotationView put(String id, AnnotationInput in) {
    String key = uuid(id);
    Readable x = documents.readable(in.documentId(), MeetingOp.ANNOTATE);
    Document d = x.document();
    DocumentVersion v = DocumentVersion.of(d, in.version());
    if (v == null) {
      throw ApiException.invalid("version", DocumentMsg.NO_SUCH_VERSION, "version", in.version());
    }
    if (v.pages != null && in.page() > v.pages) {
      throw ApiException.invalid(
          "page", DocumentMsg.PAGE_OUT_OF_RANGE, "page", in.page(), "pages", v.pages);
    }
    checkGeometry(in);
    long me = current.personId();
    Set<Long> shareTo = new HashSet<>(in.sharedWith() == null ? List.of() : in.sharedWith());
    if (in.sharing() == Annotation.Sharing.NAMED && !shareTo.isEmpty()) {
      long known = Participant.count("meeting = ?1 and person.id in ?2", d.meeting, shareTo);
      if (known != shareTo.size()) {
        throw ApiException.invalid("sharedWith", DocumentMsg.READER_NOT_PARTICIPANT);
      }
    }
    if (in.sharing() != Annotation.Sharing.NAMED) {
      shareTo.clear();
    }
    Annotation a = Annotation.findById(key);
    Instant now = clock.instant();
    boolean wasShared = false;
    if (a == null) {
      a = new Annotation();
      a.id = key;
      a.document = d;
      a.versionNo = v.number;
      a.personId = me;
      a.createdAt = now;
    } else {
      if (a.personId != me) {
        throw ApiException.forbidden(DocumentMsg.ANNOTATION_NOT_YOURS);
      }
      if (!a.document.id.equals(d.id) || a.versionNo != v.number) {
        throw ApiException.conflictOn("documentId", DocumentMsg.ANNOTATION_MOVED);
      }
      wasShared = a.sharing != Annotation.Sharing.PRIVATE && !a.deleted;
    }
    a.kind = in.kind();
    a.page = in.page();
    a.color = in.color();
    a.body = write(new Geometry(in.rects(), in.paths()));
    a.note = in.note();
    a.sharing = in.sharing();
    a.sharedWith.clear();
    a.sharedWith.addAll(shareTo);
    a.deleted = false;
    a.updatedAt = now;
    a.rev = a.rev + 1;
    if (!a.isPersistent()) {
      a.persist();
    }
    events.fire(
        new DocumentEvents.AnnotationsChanged(
            d.meeting, d.id, me, wasShared || a.sharing != Annotation.Sharing.PRIVATE));
    Map<Long, String> names = Map.of(me, current.name());
    return view(a, me, names);
  }

  /** Deletes the caller's annotation (again: nothing happens). */
  @Transactional
  public void delete(String id) {
    Annotation a = Annotation.findById(uuid(id));
    if (a == null) {
      return;
    }
    long me = current.personId();
    if (a.personId != me) {
      throw ApiException.forbidden(DocumentMsg.ANNOTATION_NOT_YOURS);
    }
    documents.readable(a.document.id, MeetingOp.ANNOTATE);
    if (a.deleted) {
      return;
    }
    boolean shared = a.sharing != Annotation.Sharing.PRIVATE;
    a.deleted = true;
    a.updatedAt = clock.instant();
    a.rev++;
    events.fire(
        new DocumentEvents.AnnotationsChanged(a.document.meeting, a.document.id, me, shared));
  }

  private static String uuid(String id) {
    try {
      return UUID.fromString(id).toString();
    } catch (IllegalArgumentException | NullPointerException e) {
      throw ApiException.invalid("id", DocumentMsg.ANNOTATION_ID);
    }
  }

  private static void checkGeometry(AnnotationInput in) {
    if (in.rects() != null) {
      for (List<Double> r : in.rects()) {
        double x = r.get(0), y = r.get(1), w = r.get(2), h = r.get(3);
        if (!(x >= 0 && y >= 0 && w >= 0 && h >= 0 && x + w <= 1.0001 && y + h <= 1.0001)) {
          throw ApiException.invalid("rects", DocumentMsg.GEOMETRY);
        }
      }
    }
    if (in.paths() != null) {
      for (List<List<Double>> path : in.paths()) {
        for (List<Double> p : path) {
          if (!(p.get(0) >= 0 && p.get(0) <= 1 && p.get(1) >= 0 && p.get(1) <= 1)) {
            throw ApiException.invalid("paths", DocumentMsg.GEOMETRY);
          }
        }
      }
    }
  }

  /**
   * Copies the live annotations of {@code previous} onto {@code next} for every page whose content
   * is unchanged (matched by page hash, so a page that moved keeps its notes). Returns how many.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public int carryOver(Document d, DocumentVersion previous, DocumentVersion next) {
    if (previous == null) {
      return 0;
    }
    List<String> before = documents.pageHashes(previous);
    List<String> after = documents.pageHashes(next);
    if (before.isEmpty() || after.isEmpty()) {
      return 0;
    }
    Map<String, Integer> newPage = new HashMap<>();
    for (int i = after.size() - 1; i >= 0; i--) {
      newPage.put(after.get(i), i + 1);
    }
    int carried = 0;
    List<Annotation> old =
        Annotation.list("document = ?1 and versionNo = ?2 and deleted = false", d, previous.number);
    Instant now = clock.instant();
    for (Annotation a : old) {
      if (a.page < 1 || a.page > before.size()) {
        continue;
      }
      Integer page = newPage.get(before.get(a.page - 1));
      if (page == null) {
        continue;
      }
      Annotation c = new Annotation();
      c.id = UUID.randomUUID().toString();
      c.document = d;
      c.versionNo = next.number;
      c.personId = a.personId;
      c.kind = a.kind;
      c.page = page;
      c.color = a.color;
      c.body = a.body;
      c.note = a.note;
      c.sharing = a.sharing;
      c.sharedWith.addAll(a.sharedWith);
      c.carriedFrom = a.id;
      c.createdAt = now;
      c.updatedAt = now;
      c.rev = 1;
      c.persist();
      carried++;
    }
    return carried;
  }

  /**
   * "Tải bản có ghi chú của tôi": the version's PDF (the caller's copy if confidential) with the
   * caller's annotations as PDF annotations.
   */
  public Download annotatedCopy(long documentId, int version) {
    record Job(LinkService.Plan plan, List<PdfTools.Mark> marks) {}
    Job job =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  Readable x = documents.readable(documentId, MeetingOp.READ_DOCUMENTS);
                  LinkService.Plan p =
                      links.plan(
                          x,
                          DocumentVersion.required(x.document(), version),
                          DocumentViews.LinkKind.PDF,
                          true);
                  long me = current.personId();
                  List<PdfTools.Mark> marks = new ArrayList<>();
                  String author = current.name();
                  for (Annotation a :
                      Annotation.<Annotation>list(
                          "document = ?1 and versionNo = ?2 and personId = ?3 and deleted = false",
                          x.document(),
                          p.version(),
                          me)) {
                    Geometry g = read(a.body);
                    marks.add(
                        new PdfTools.Mark(
                            PdfTools.Mark.Kind.valueOf(a.kind.name()),
                            a.page,
                            a.color,
                            g.rects() == null
                                ? List.of()
                                : g.rects().stream().map(AnnotationService::array).toList(),
                            g.paths() == null
                                ? List.of()
                                : g.paths().stream()
                                    .map(
                                        path ->
                                            path.stream().map(AnnotationService::array).toList())
                                    .toList(),
                            a.note,
                            author));
                  }
                  return new Job(p, marks);
                });
    LinkService.Plan p = links.withCopy(job.plan());
    if (p.confidential()) {
      links.served(List.of(p), "document.downloaded", "annotated copy");
    }
    String name = LinkService.pdfName(p.fileName()).replaceAll("\\.pdf$", "") + " - ghi chú.pdf";
    StreamingOutput out =
        os -> {
          Path dir = Files.createTempDirectory(ingest.workDir(), "annotated-");
          try {
            Path in = dir.resolve("in.pdf");
            try (InputStream src =
                storage.get(p.key()).orElseThrow(() -> new IOException("missing " + p.key()))) {
              Files.copy(src, in);
            }
            PdfTools.annotate(in, os, job.marks());
          } finally {
            Ingest.deleteTree(dir);
          }
        };
    return new Download(name, out);
  }

  public record Download(String fileName, StreamingOutput body) {}

  private static double[] array(List<Double> values) {
    double[] a = new double[values.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = values.get(i);
    }
    return a;
  }

  private AnnotationView view(Annotation a, long me, Map<Long, String> names) {
    Geometry g = read(a.body);
    return new AnnotationView(
        a.id,
        a.document.id,
        a.versionNo,
        a.personId,
        names.get(a.personId),
        a.personId == me,
        a.kind,
        a.page,
        a.color,
        g.rects() == null ? List.of() : g.rects(),
        g.paths() == null ? List.of() : g.paths(),
        a.note,
        a.sharing,
        a.personId == me ? List.copyOf(a.sharedWith) : List.of(),
        a.deleted,
        a.carriedFrom,
        a.updatedAt,
        a.rev);
  }

  private Geometry read(String body) {
    try {
      return json.readValue(body, Geometry.class);
    } catch (JsonProcessingException e) {
      return new Geometry(List.of(), List.of());
    }
  }

  private String write(Geometry g) {
    try {
      return json.writeValueAsString(g);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
