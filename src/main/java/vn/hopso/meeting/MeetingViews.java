package vn.hopso.meeting;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import vn.hopso.common.Limits;
import vn.hopso.common.Role;
import vn.hopso.org.UnitLevel;

/** JSON shapes of the meetings feature. */
public final class MeetingViews {
  private MeetingViews() {}

  public record QuorumRule(
      @Min(1) @Max(100) int numerator, @Min(1) @Max(100) int denominator, boolean strict) {}

  /** {@code version}: on update, the version read; ignored on create. */
  public record MeetingInput(
      @NotBlank @Size(max = Limits.TITLE) String title,
      @NotNull MeetingKind kind,
      @NotNull Long hostUnitId,
      @NotNull Long chairId,
      Long secretaryId,
      @NotNull Instant startsAt,
      @NotNull Instant endsAt,
      Long hostEndpointId,
      @Size(max = Limits.PLACE) String place,
      Confidentiality confidentiality,
      @Size(max = Limits.NOTES) String notes,
      @Valid QuorumRule quorum,
      Long version) {}

  /**
   * What the caller may do with the meeting now, decided by the server's state machine ({@code
   * MeetingPolicy}); the web app shows only what these allow. {@code checkInOpensAt}: when check-in
   * (and the start) open for a scheduled meeting.
   */
  public record Capabilities(
      boolean canEdit,
      boolean canSchedule,
      boolean canPostpone,
      boolean canCancel,
      boolean canStart,
      boolean canEnd,
      boolean canPublishMinutes,
      boolean canArchive,
      boolean canEditParticipants,
      boolean canEditRooms,
      boolean canEditAgenda,
      boolean canGiveProxy,
      boolean canManageProxies,
      boolean canCheckIn,
      boolean canMarkAttendance,
      boolean canReportHeadCount,
      boolean canReply,
      boolean canViewQuorum,
      boolean canViewAttendanceLog,
      boolean canViewDeliveries,
      boolean canRetryDeliveries,
      boolean canRunSession,
      boolean canAskToSpeak,
      boolean canReadDocuments,
      boolean canManageDocuments,
      boolean canAnnotate,
      boolean canViewReads,
      boolean canRemindReaders,
      boolean canManagePolls,
      boolean canOpenPolls,
      boolean canVote,
      boolean canEnterCounts,
      boolean canJoinVideo,
      boolean canReportRoomStatus,
      boolean canViewRoomStatus,
      boolean canCommandVideo,
      boolean canManage,
      boolean canRun,
      Instant checkInOpensAt) {}

  public record MeetingSummary(
      long id,
      String title,
      MeetingKind kind,
      MeetingStatus status,
      Instant startsAt,
      Instant endsAt,
      long hostUnitId,
      String hostUnitName,
      String place,
      Long hostEndpointId,
      String hostEndpointName,
      long chairId,
      String chairName,
      Confidentiality confidentiality,
      long participantCount,
      long endpointCount,
      ParticipantRole myRole,
      Attendance myAttendance,
      InvitationResponse myResponse,
      Capabilities capabilities) {}

  /**
   * A person or room of this meeting is booked elsewhere at the same time. The other meeting is
   * named ({@code meetingId}, {@code meetingTitle}) only when the caller may see it; else only that
   * they are busy then.
   */
  public record Clash(
      String kind,
      String name,
      Long meetingId,
      String meetingTitle,
      Instant startsAt,
      Instant endsAt) {}

  public record Change(
      String kind,
      Instant at,
      String by,
      Instant oldStartsAt,
      Instant oldEndsAt,
      Instant newStartsAt,
      Instant newEndsAt,
      String reason) {
    static Change of(MeetingChange c) {
      return new Change(
          c.kind, c.at, c.by, c.oldStartsAt, c.oldEndsAt, c.newStartsAt, c.newEndsAt, c.reason);
    }
  }

  /** The summary's fields (flattened into the same JSON object) and the rest of the meeting. */
  public record MeetingDetail(
      @JsonUnwrapped MeetingSummary summary,
      Long secretaryId,
      String secretaryName,
      String notes,
      String cancelReason,
      int postponements,
      QuorumRule quorum,
      int agendaVersion,
      Instant agendaPublishedAt,
      boolean agendaDirty,
      Long myParticipantId,
      List<Clash> warnings,
      List<Change> history,
      long version,
      ResponseCounts responses,
      long headCountTotal,
      MyParticipation mine) {}

  /** How participants answered their invitation. */
  public record ResponseCounts(long accepted, long tentative, long declined, long pending) {}

  /** The caller's own participation (null when not a participant). */
  public record MyParticipation(
      long participantId,
      ParticipantRole role,
      boolean voting,
      Long endpointId,
      String endpointName,
      Attendance attendance,
      InvitationResponse response,
      Long proxyToId,
      String proxyToName,
      List<PersonRef> proxiesHeld,
      long version) {}

  public record PostponeRequest(
      @NotNull Instant startsAt,
      @NotNull Instant endsAt,
      @Size(max = Limits.REASON) String reason) {}

  public record CancelRequest(@NotBlank @Size(max = Limits.REASON) String reason) {}

  // --- participants ---

  public record ParticipantInput(
      @NotNull Long personId, @NotNull ParticipantRole role, Long endpointId, Boolean voting) {}

  public record InviteRequest(
      @NotEmpty @Size(max = 2000) List<@Valid @NotNull ParticipantInput> participants) {}

  public record ParticipantUpdate(
      @NotNull ParticipantRole role, Long endpointId, Boolean voting, Long version) {}

  /**
   * Adds many people at once: everyone active in a unit (and its sub-units), everyone holding an
   * account role, and/or the people named in a pasted list (one per line: username, email or full
   * name). Device accounts are never added as people.
   */
  public record BulkInvite(
      Long unitId,
      Boolean includeSubunits,
      Role accountRole,
      @Size(max = 100_000) String list,
      @NotNull ParticipantRole role,
      Boolean voting) {}

  /** {@code notFound}/{@code ambiguous}: lines of the pasted list that matched nobody / several. */
  public record BulkInviteResult(
      int added, int alreadyInvited, List<String> notFound, List<String> ambiguous, long total) {}

  public record ProxyRequest(@NotNull Long toParticipantId) {}

  public record PersonRef(long id, String fullName) {}

  public record ParticipantView(
      long id,
      long personId,
      String fullName,
      String position,
      String unitName,
      ParticipantRole role,
      Long endpointId,
      String endpointName,
      boolean voting,
      Long proxyToId,
      String proxyToName,
      List<PersonRef> proxiesHeld,
      Attendance attendance,
      String attendanceReason,
      Instant attendanceAt,
      InvitationResponse response,
      String responseNote,
      Instant respondedAt,
      Instant invitedAt,
      String email,
      String sms,
      long version) {
    /**
     * The view for other participants: no reason of absence, no note sent with the answer, no
     * delivery status ({@code email}/{@code sms} null).
     */
    public ParticipantView withoutPrivateDetails() {
      return new ParticipantView(
          id,
          personId,
          fullName,
          position,
          unitName,
          role,
          endpointId,
          endpointName,
          voting,
          proxyToId,
          proxyToName,
          proxiesHeld,
          attendance,
          null,
          attendanceAt,
          response,
          null,
          respondedAt,
          invitedAt,
          null,
          null,
          version);
    }
  }

  public record EndpointInvite(
      @Size(max = 5000) List<@NotNull Long> endpointIds,
      Long unitId,
      UnitLevel level,
      Boolean all) {}

  public record EndpointInviteResult(int added, int alreadyInvited, long total) {}

  public record MeetingEndpointView(
      long id,
      long endpointId,
      String code,
      String name,
      String unitName,
      String layoutRole,
      Integer headCount,
      Instant headCountAt,
      String status,
      boolean mine) {}

  // --- attendance ---

  public record CheckInRequest(Long endpointId) {}

  public record AttendanceUpdate(
      @NotNull Attendance attendance,
      Long endpointId,
      @Size(max = Limits.SHORT_NOTE) String reason) {}

  public record HeadCount(@NotNull @Min(0) @Max(100000) Integer count) {}

  public record Missing(long participantId, String fullName, Attendance attendance) {}

  public record Quorum(
      long votingMembers,
      long present,
      long required,
      boolean reached,
      String rule,
      int ruleNumerator,
      int ruleDenominator,
      boolean ruleStrict,
      List<Missing> missing,
      long presentInRoom,
      long presentOnline,
      long excused,
      long absent) {}

  public record AttendanceLogEntry(
      long participantId,
      String fullName,
      Attendance attendance,
      Instant at,
      String by,
      String reason,
      String endpointName) {}

  public record ResponseRequest(
      @NotNull InvitationResponse response, @Size(max = Limits.SHORT_NOTE) String note) {}
}
