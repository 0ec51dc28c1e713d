package vn.hopso.agenda;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

public final class AgendaViews {
  private AgendaViews() {}

  public record ItemInput(
      Long parentId,
      @NotBlank @Size(max = 500) String title,
      Long presenterId,
      @Size(max = 255) String presenterName,
      @Min(1) @Max(1440) Integer plannedMinutes,
      @Size(max = 4000) String description) {}

  public record MoveRequest(Long parentId, @NotNull @Min(0) Integer position) {}

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
      List<ItemView> children) {}

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
