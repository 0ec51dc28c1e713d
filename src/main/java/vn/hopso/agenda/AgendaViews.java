package vn.hopso.agenda;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import vn.hopso.common.Limits;

public final class AgendaViews {
  private AgendaViews() {}

  /** {@code version}: on update, the version read; ignored on create. */
  public record ItemInput(
      Long parentId,
      @NotBlank @Size(max = Limits.TITLE) String title,
      Long presenterId,
      @Size(max = Limits.NAME) String presenterName,
      @Min(1) @Max(1440) Integer plannedMinutes,
      @Size(max = Limits.DESCRIPTION) String description,
      Long version) {}

  public record MoveRequest(Long parentId, @NotNull @Min(0) @Max(10_000) Integer position) {}

  public record ItemView(
      long id,
      Long parentId,
      int position,
      String number,
      String title,
      Long presenterId,
      String presenterName,
      Integer plannedMinutes,
      String description,
      List<ItemView> children,
      long version) {}

  public record Agenda(
      int version,
      Instant publishedAt,
      boolean dirty,
      long plannedMinutes,
      long slotMinutes,
      boolean overrun,
      List<ItemView> items) {}

  public record VersionView(int number, Instant publishedAt, String publishedBy, String changes) {}
}
