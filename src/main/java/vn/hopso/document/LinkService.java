package vn.hopso.document;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import vn.hopso.agenda.AgendaViews.Agenda;
import vn.hopso.agenda.AgendaViews.ItemView;
import vn.hopso.common.ApiException;
import vn.hopso.common.CurrentUser;
import vn.hopso.common.DomainEvent;
import vn.hopso.common.Tokens;
import vn.hopso.common.VietnameseDates;
import vn.hopso.document.DocumentService.Readable;
import vn.hopso.document.DocumentService.Reading;
import vn.hopso.document.DocumentViews.Link;
import vn.hopso.document.DocumentViews.LinkInput;
import vn.hopso.document.DocumentViews.LinkKind;
import vn.hopso.document.DocumentViews.Pack;
import vn.hopso.document.DocumentViews.PackFile;
import vn.hopso.meeting.MeetingOp;
import vn.hopso.org.Person;
import vn.hopso.storage.DocumentStorage;

/**
 * Short-lived links to a version's bytes, bound to the person and the version: presigned by the
 * object store where it can (the bytes then never pass through HopSo), else signed by HopSo and
 * served by {@link FileService}. A confidential document's readers get their own copy, marked with
 * their name on every page; its original never reaches them. The offline pack is the same links for
 * every document a person may read, with a manifest of hashes.
 */
@ApplicationScoped
public class LinkService {
  private static final Logger LOG = Logger.getLogger(LinkService.class);

  /** Letters and digits that cannot be mistaken for each other on a photo of a page. */
  private static final char[] CODE_ALPHABET = "ACDEFHJKLMNPQRTUVWXY34679".toCharArray();

  @Inject DocumentService documents;
  @Inject DocumentStorage storage;
  @Inject FileLinks links;
  @Inject DocumentConfig config;
  @Inject CurrentUser current;
  @Inject Clock clock;
  @Inject Ingest ingest;
  @Inject Event<DomainEvent> events;

  private final Map<String, Object> copyLocks = new ConcurrentHashMap<>();

  /** What one link serves, decided in a transaction and issued after any copy is made. */
  record Plan(
      long meetingId,
      long documentId,
      String title,
      boolean confidential,
      long versionId,
      int version,
      long personId,
      FileLinks.What what,
      String key,
      String fileName,
      String contentType,
      long size,
      String sha256,
      String sourceSha256,
      boolean attachment,
      String watermarkName,
      String watermarkUnit) {}

  Duration ttl() {
    Duration d = config.linkTtl();
    return d.compareTo(FileLinks.MAX_TTL) > 0 || d.isNegative() || d.isZero()
        ? FileLinks.MAX_TTL
        : d;
  }

  public Link link(long documentId, LinkInput in) {
    Plan p =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  Readable x = documents.readable(documentId, MeetingOp.READ_DOCUMENTS);
                  return plan(
                      x,
                      DocumentVersion.required(x.document(), in.version()),
                      in.kind(),
                      Boolean.TRUE.equals(in.download()));
                });
    p = withCopy(p);
    Plan plan = p;
    Instant expires = clock.instant().plus(ttl());
    String url = url(plan, expires);
    if (plan.confidential() || plan.what() == FileLinks.What.ORIGINAL) {
      served(
          List.of(plan),
          plan.attachment() ? "document.downloaded" : "document.opened",
          plan.what().name().toLowerCase(Locale.ROOT));
    }
    return new Link(
        url,
        expires,
        plan.version(),
        plan.fileName(),
        plan.contentType(),
        plan.size(),
        plan.sha256(),
        plan.what() == FileLinks.What.COPY);
  }

  Plan plan(Readable x, DocumentVersion v, LinkKind kind, boolean attachment) {
    Document d = x.document();
    boolean original = DocumentRules.getsOriginal(x.reading().access().relation(), d);
    long me = current.personId();
    if (kind == LinkKind.ORIGINAL) {
      if (!original) {
        throw ApiException.forbidden(DocumentMsg.ORIGINAL_CONFIDENTIAL);
      }
      return new Plan(
          d.meeting.id,
          d.id,
          d.title,
          d.confidential,
          v.id,
          v.number,
          me,
          FileLinks.What.ORIGINAL,
          v.originalKey,
          v.fileName,
          v.contentType,
          v.originalSize,
          v.originalSha256,
          v.originalSha256,
          attachment,
          null,
          null);
    }
    if (!v.hasPdf()) {
      throw ApiException.conflict(DocumentMsg.NO_PDF);
    }
    String pdfName = pdfName(v.fileName);
    if (original) {
      return new Plan(
          d.meeting.id,
          d.id,
          d.title,
          d.confidential,
          v.id,
          v.number,
          me,
          FileLinks.What.PDF,
          v.pdfKey,
          pdfName,
          "application/pdf",
          v.pdfSize,
          v.pdfSha256,
          v.pdfSha256,
          attachment,
          null,
          null);
    }
    Person p = Person.findById(me);
    DocumentCopy copy = DocumentCopy.findById(new DocumentCopy.Key(v.id, me));
    return new Plan(
        d.meeting.id,
        d.id,
        d.title,
        true,
        v.id,
        v.number,
        me,
        FileLinks.What.COPY,
        copy == null ? v.pdfKey : copy.objectKey,
        pdfName,
        "application/pdf",
        copy == null ? -1 : copy.size,
        copy == null ? null : copy.sha256,
        v.pdfSha256,
        attachment,
        p.fullName,
        p.unit == null ? "" : p.unit.name);
  }

  static String pdfName(String fileName) {
    int dot = fileName.lastIndexOf('.');
    String base = dot > 0 ? fileName.substring(0, dot) : fileName;
    return base + ".pdf";
  }

  /** A plan for a copy that does not exist yet: make it (once per person and version). */
  Plan withCopy(Plan p) {
    if (p.what() != FileLinks.What.COPY || p.sha256() != null) {
      return p;
    }
    Object lock = copyLocks.computeIfAbsent(p.versionId() + ":" + p.personId(), k -> new Object());
    synchronized (lock) {
      try {
        DocumentCopy copy =
            QuarkusTransaction.requiringNew()
                .call(
                    () -> DocumentCopy.findById(new DocumentCopy.Key(p.versionId(), p.personId())));
        if (copy == null) {
          copy = makeCopy(p);
        }
        return new Plan(
            p.meetingId(),
            p.documentId(),
            p.title(),
            p.confidential(),
            p.versionId(),
            p.version(),
            p.personId(),
            p.what(),
            copy.objectKey,
            p.fileName(),
            p.contentType(),
            copy.size,
            copy.sha256,
            p.sourceSha256(),
            p.attachment(),
            p.watermarkName(),
            p.watermarkUnit());
      } finally {
        copyLocks.remove(p.versionId() + ":" + p.personId());
      }
    }
  }

  private DocumentCopy makeCopy(Plan p) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory(ingest.workDir(), "copy-");
      Path in = dir.resolve("in.pdf");
      Path out = dir.resolve("out.pdf");
      try (InputStream src =
          storage.get(p.key()).orElseThrow(() -> new IOException("missing " + p.key()))) {
        Files.copy(src, in);
      }
      String code = code();
      Instant now = clock.instant();
      PdfTools.watermark(
          in,
          out,
          new PdfTools.Watermark(
              p.watermarkName(),
              p.watermarkUnit(),
              VietnameseDates.shortDateTime(now),
              code.substring(0, 4) + "-" + code.substring(4)));
      String key = "copies/" + p.versionId() + "/" + p.personId() + "-" + code + ".pdf";
      storage.put(key, out, "application/pdf");
      DocumentCopy c = new DocumentCopy();
      c.versionId = p.versionId();
      c.personId = p.personId();
      c.objectKey = key;
      c.size = Files.size(out);
      c.sha256 = Ingest.hash(out);
      c.code = code;
      c.createdAt = now;
      try {
        QuarkusTransaction.requiringNew().run(c::persist);
        return c;
      } catch (RuntimeException e) {
        // another request (or instance) made the same copy at the same moment: use theirs
        DocumentCopy theirs =
            QuarkusTransaction.requiringNew()
                .call(
                    () -> DocumentCopy.findById(new DocumentCopy.Key(p.versionId(), p.personId())));
        if (theirs == null) {
          throw e;
        }
        storage.delete(key);
        return theirs;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (dir != null) {
        Ingest.deleteTree(dir);
      }
    }
  }

  /** 8 characters, about 37 bits: shown as "K7Q2-9XFA" on the page. */
  static String code() {
    byte[] random = Tokens.bytes(8);
    StringBuilder s = new StringBuilder(8);
    for (byte b : random) {
      s.append(CODE_ALPHABET[(b & 0xff) % CODE_ALPHABET.length]);
    }
    return s.toString();
  }

  String url(Plan p, Instant expires) {
    Optional<String> direct =
        storage.presignedGet(p.key(), ttl(), p.fileName(), p.contentType(), p.attachment());
    return direct.orElseGet(
        () ->
            "/api/files/"
                + links.sign(
                    new FileLinks.Claims(
                        p.versionId(), p.personId(), p.what(), p.attachment(), expires)));
  }

  // --- the offline pack ------------------------------------------------------------------------

  public Pack pack(long meetingId) {
    record Entry(Plan plan, Long itemId, String itemNumber, Integer pages) {}
    record Contents(String title, Agenda agenda, List<Entry> entries) {}
    Contents c =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  Reading r = documents.reading(meetingId, MeetingOp.READ_DOCUMENTS);
                  List<Document> docs = documents.readableDocuments(r);
                  Map<Long, DocumentVersion> versions = documents.currentVersions(docs);
                  List<Entry> entries = new ArrayList<>();
                  for (Document d : docs) {
                    DocumentVersion v = versions.get(d.id);
                    if (v == null) {
                      continue;
                    }
                    boolean original = DocumentRules.getsOriginal(r.access().relation(), d);
                    if (!v.hasPdf() && !original) {
                      continue; // a confidential file with no PDF: nothing a reader may hold
                    }
                    LinkKind kind = v.hasPdf() ? LinkKind.PDF : LinkKind.ORIGINAL;
                    Plan p = plan(new Readable(d, r), v, kind, false);
                    ItemView item = d.item == null ? null : r.items().get(d.item.id);
                    entries.add(
                        new Entry(
                            p,
                            d.item == null ? null : d.item.id,
                            item == null ? null : item.number(),
                            v.pages));
                  }
                  return new Contents(r.access().meeting().title, r.agenda(), entries);
                });
    Instant expires = clock.instant().plus(ttl());
    List<PackFile> files = new ArrayList<>();
    List<Plan> planned = new ArrayList<>();
    long total = 0;
    List<String> identity = new ArrayList<>();
    for (Entry e : c.entries()) {
      Plan p = withCopy(e.plan());
      planned.add(p);
      files.add(
          new PackFile(
              p.documentId(),
              p.title(),
              e.itemId(),
              e.itemNumber(),
              p.version(),
              p.fileName(),
              p.contentType(),
              e.pages(),
              p.size(),
              p.sha256(),
              p.sourceSha256(),
              p.confidential(),
              url(p, expires),
              expires));
      total += p.size();
      identity.add(p.documentId() + ":" + p.version() + ":" + p.sourceSha256());
    }
    served(
        planned.stream().filter(Plan::confidential).toList(),
        "document.downloaded",
        "offline pack");
    return new Pack(
        meetingId, c.title(), clock.instant(), c.agenda(), files, total, fingerprint(identity));
  }

  /**
   * Audits that these plans' files were handed to the caller (a confidential document's copy, an
   * original), in a transaction of its own after the link was made.
   */
  void served(List<Plan> plans, String action, String how) {
    if (plans.isEmpty()) {
      return;
    }
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              vn.hopso.meeting.Meeting m =
                  vn.hopso.meeting.Meeting.findById(plans.get(0).meetingId());
              for (Plan p : plans) {
                events.fire(
                    new DocumentEvents.Served(
                        m,
                        p.documentId(),
                        action,
                        p.title() + " v" + p.version() + " (" + how + ")"));
              }
            });
  }

  /** "3F2A-91C0-…": the same for everyone holding the same versions. */
  static String fingerprint(List<String> identity) {
    List<String> sorted = new ArrayList<>(identity);
    sorted.sort(null);
    String hex = Tokens.sha256(String.join("\n", sorted)).toUpperCase(Locale.ROOT);
    return hex.substring(0, 4)
        + "-"
        + hex.substring(4, 8)
        + "-"
        + hex.substring(8, 12)
        + "-"
        + hex.substring(12, 16);
  }
}
