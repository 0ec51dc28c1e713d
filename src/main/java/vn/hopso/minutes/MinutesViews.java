package vn.hopso.minutes;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.hopso.common.Limits;

/** What the minutes' API reads and answers. */
public final class MinutesViews {
  private MinutesViews() {}

  /** What the caller may do with the meeting's minutes now (decided on the server). */
  public record MinutesCan(
      boolean view,
      boolean draft,
      boolean edit,
      boolean approve,
      boolean sendBack,
      boolean signOnServer,
      boolean signByHash,
      boolean publish,
      boolean correct,
      /** The role the caller signs in, when they sign (null otherwise). */
      SignerRole signAs) {}

  /** The meeting's minutes as the caller may see them (null before they are drafted). */
  public record MinutesPage(
      long meetingId, MinutesView minutes, List<MinutesSummary> corrections, MinutesCan can) {}

  public record MinutesSummary(
      long id, MinutesKind kind, MinutesState state, String number, Instant publishedAt) {}

  public record MinutesView(
      long id,
      long meetingId,
      MinutesKind kind,
      Long correctsId,
      MinutesState state,
      String stateText,
      String number,
      String place,
      LocalDate date,
      String title,
      String subtitle,
      String body,
      List<String> recipients,
      int revision,
      String approvedBy,
      Instant approvedAt,
      String pdfSha256,
      Long pdfSize,
      List<SignatureView> signatures,
      Pending pending,
      RecordHeads heads,
      Instant publishedAt,
      String publishedBy,
      long version) {}

  /** The heads of the record's hash chains the PDF carries. */
  public record RecordHeads(
      String events, Long eventCount, String polls, String audit, Long auditSeq) {}

  public record SignatureView(
      SignerRole role,
      String roleText,
      String person,
      MinutesSignature.Method method,
      Instant signedAt,
      String certificateSubject,
      String certificateIssuer,
      String certificateSha256,
      boolean timestamped) {}

  /** A signature prepared for an outside signer: what it must sign, until when. */
  public record Pending(
      SignerRole role, String person, String digestBase64, String digestHex, Instant expiresAt) {}

  /** The edited text of a draft; {@code version} is the one the editor started from. */
  public record MinutesInput(
      @NotBlank @Size(max = 64) String number,
      @NotBlank @Size(max = Limits.PLACE) String place,
      @NotNull LocalDate date,
      @NotBlank @Size(max = Limits.TITLE) String title,
      @NotBlank @Size(max = Limits.TITLE) String subtitle,
      @NotNull @Size(max = 2_000_000) String body,
      @NotNull @Size(max = 20) List<@NotBlank @Size(max = 180) String> recipients,
      @Size(max = Limits.SHORT_NOTE) String note,
      @NotNull Long version) {}

  public record VersionSummary(
      int revision, String savedBy, Instant savedAt, String note, boolean current) {}

  public record MinutesVersionView(
      int revision,
      String title,
      String subtitle,
      String body,
      List<String> recipients,
      String savedBy,
      Instant savedAt,
      String note) {}

  /** One line of a comparison between two versions (the text of each block, one per line). */
  public record DiffLine(String kind, String before, String after) {}

  public record Diff(
      int from, int to, int inserted, int deleted, int changed, List<DiffLine> lines) {}

  public record ApproveInput(@NotNull Long version) {}

  public record SendBackInput(@NotBlank @Size(max = Limits.REASON) String reason) {}

  /** The CMS signature (base64, DER) an outside signer made over the prepared digest. */
  public record CompleteInput(@NotBlank @Size(max = 200_000) String cms) {}

  public record CorrectionInput(@NotBlank @Size(max = Limits.REASON) String reason) {}

  /** One signature in a PDF, checked, with the HopSo signature it is when it is one of ours. */
  public record SignatureCheckView(
      String name,
      String reason,
      Instant signingTime,
      String subject,
      String issuer,
      String serial,
      Instant notBefore,
      Instant notAfter,
      String certificateSha256,
      boolean selfSigned,
      boolean intact,
      boolean coversWholeDocument,
      boolean timestamped,
      Instant timestampTime,
      SignerRole role,
      String person) {}

  /** The verification of a PDF: each signature and whether the document changed after them. */
  public record MinutesVerification(
      String sha256,
      long size,
      boolean valid,
      boolean unchangedAfterLastSignature,
      List<SignatureCheckView> signatures,
      Long minutesId,
      Long meetingId,
      String meetingTitle,
      boolean latest) {}
}
