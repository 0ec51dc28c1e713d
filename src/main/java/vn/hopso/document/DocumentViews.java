package vn.hopso.document;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import vn.hopso.agenda.AgendaViews.Agenda;
import vn.hopso.common.Limits;

/** JSON shapes of documents, links, read receipts, annotations and the offline pack. */
public final class DocumentViews {
  private DocumentViews() {}

  /**
   * One uploaded file. {@code size}/{@code sha256}: the original's; {@code pdfSize}/{@code
   * pdfSha256}: the PDF readers get (equal to the original's for a PDF, null when none was made).
   */
  public record DocumentVersionView(
      int number,
      String fileName,
      String contentType,
      long size,
      String sha256,
      Integer pages,
      Conversion conversion,
      String conversionText,
      boolean hasPdf,
      Long pdfSize,
      String pdfSha256,
      String note,
      String uploadedByName,
      Instant uploadedAt) {}

  public record ReaderRef(long id, String name, String unitName) {}

  /** The caller's own reading of the document: the latest version they opened. */
  public record MyReading(int version, Instant openedAt, int pagesSeen) {}

  /** What the caller may do with this document. */
  public record DocumentCapabilities(
      boolean canEdit, boolean canDownloadOriginal, boolean canAnnotate) {}

  /**
   * A document as the caller sees it. {@code readers}: the people named (managers only; empty for
   * others). {@code unread}: the caller never opened it; {@code changedSinceRead}: they opened an
   * older version. {@code thumbnailUrl}: a short-lived link to page 1, null for a confidential
   * document (except for its managers) or when there is none.
   */
  public record DocumentView(
      long id,
      long meetingId,
      Long itemId,
      String itemNumber,
      String itemTitle,
      String title,
      DocumentAudience audience,
      List<ReaderRef> readers,
      boolean confidential,
      int position,
      DocumentVersionView current,
      int versionCount,
      MyReading myReading,
      boolean unread,
      boolean changedSinceRead,
      String thumbnailUrl,
      DocumentCapabilities capabilities,
      long version) {}

  /**
   * The meeting's documents the caller may read, in agenda order. {@code officeConversion}: Word,
   * Excel and PowerPoint files become PDFs here; when false the upload form says so.
   */
  public record DocumentList(
      List<DocumentView> documents,
      boolean canUpload,
      boolean officeConversion,
      long maxUploadBytes) {}

  public record DocumentDetail(DocumentView document, List<DocumentVersionView> versions) {}

  /**
   * Changes a document's description and readers (all fields: the new state). {@code itemId} null:
   * a document of the whole meeting. {@code readerIds}: the people named when {@code audience} is
   * NAMED.
   */
  public record UpdateInput(
      @NotBlank @Size(max = Limits.TITLE) String title,
      Long itemId,
      @NotNull DocumentAudience audience,
      @Size(max = 2000) List<@NotNull Long> readerIds,
      @NotNull Boolean confidential,
      @NotNull @Min(0) @Max(100_000) Integer position,
      @NotNull Long version) {}

  public enum LinkKind {
    /** The readable PDF (a confidential document's copy marked with the reader's name). */
    PDF,
    /** The file as uploaded (Word, Excel …); not for a confidential document's readers. */
    ORIGINAL
  }

  /**
   * Asks for a link to a version (the current one when {@code version} is null). {@code download}:
   * served as an attachment (a download) rather than for reading in the page.
   */
  public record LinkInput(@Min(1) Integer version, @NotNull LinkKind kind, Boolean download) {}

  /**
   * A short-lived link, bound to the caller and the version: straight to object storage (presigned)
   * or served by HopSo (signed). {@code watermarked}: the caller's marked copy.
   */
  public record Link(
      String url,
      Instant expiresAt,
      int version,
      String fileName,
      String contentType,
      long size,
      String sha256,
      boolean watermarked) {}

  /** Pages (1-based) the reader has shown; the first call also records that it was opened. */
  public record ReceiptInput(@NotNull @Size(max = 10_000) List<@NotNull Integer> pages) {}

  public enum ReadState {
    /** The person may not read it (not named, or its agenda item is not published). */
    NOT_FOR_THEM,
    UNOPENED,
    /** Opened, but an older version than the current one. */
    OLD_VERSION,
    OPENED
  }

  public record ReceiptColumn(long documentId, String title, int version, boolean confidential) {}

  public record ReceiptCell(
      long documentId,
      ReadState state,
      Integer versionRead,
      Instant openedAt,
      int pagesSeen,
      Integer pages) {}

  public record ReceiptRow(
      long personId,
      String name,
      String position,
      String unitName,
      List<ReceiptCell> cells,
      int unopened) {}

  /** Who opened what, per participant and document (for the secretary before the meeting). */
  public record ReceiptTable(List<ReceiptColumn> documents, List<ReceiptRow> people) {}

  /** Reminds these people (or, when null, everyone with something unopened). */
  public record RemindInput(@Size(max = 5000) List<@NotNull Long> personIds) {}

  public record Reminded(int people) {}

  /**
   * An annotation, written by its id (a UUID the client makes): sending the same again changes
   * nothing. Coordinates are fractions of the page from its top-left corner: {@code rects} [x, y,
   * w, h] for a highlight (and a note's anchor), {@code paths} lists of [x, y] for ink.
   */
  public record AnnotationInput(
      @NotNull Long documentId,
      @NotNull @Min(1) Integer version,
      @NotNull Annotation.Kind kind,
      @NotNull @Min(1) @Max(100_000) Integer page,
      @Pattern(regexp = "#[0-9a-fA-F]{6}") String color,
      @Size(max = 500) List<@NotNull @Size(min = 4, max = 4) List<@NotNull Double>> rects,
      @Size(max = 200)
          List<
                  @NotNull @Size(min = 1, max = 5000) List<
                      @NotNull @Size(min = 2, max = 2) List<@NotNull Double>>>
              paths,
      @Size(max = Limits.NOTES) String note,
      @NotNull Annotation.Sharing sharing,
      @Size(max = 2000) List<@NotNull Long> sharedWith) {}

  public record AnnotationView(
      String id,
      long documentId,
      int version,
      long personId,
      String authorName,
      boolean mine,
      Annotation.Kind kind,
      int page,
      String color,
      List<List<Double>> rects,
      List<List<List<Double>>> paths,
      String note,
      Annotation.Sharing sharing,
      List<Long> sharedWith,
      boolean deleted,
      String carriedFrom,
      Instant updatedAt,
      long rev) {}

  /**
   * One file of the offline pack, with its link. {@code sha256}: the bytes the caller gets (a
   * marked copy differs per person); {@code sourceSha256}: the version's own PDF (or original), the
   * same for everyone.
   */
  public record PackFile(
      long documentId,
      String title,
      Long itemId,
      String itemNumber,
      int version,
      String fileName,
      String contentType,
      Integer pages,
      long size,
      String sha256,
      String sourceSha256,
      boolean confidential,
      String url,
      Instant expiresAt) {}

  /**
   * "Tải về để đọc ngoại tuyến": the agenda and every document the caller may read, with the total
   * size and a fingerprint of the versions (the same for everyone who holds the same versions).
   */
  public record Pack(
      long meetingId,
      String meetingTitle,
      Instant generatedAt,
      Agenda agenda,
      List<PackFile> files,
      long totalBytes,
      String fingerprint) {}
}
