package vn.hopso.org;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import vn.hopso.auth.Role;

/** The JSON shapes of the organisation feature (entities are never serialised directly). */
public final class OrgViews {
  private OrgViews() {}

  static final String CODE_PATTERN = "[A-Za-z0-9._-]+";
  static final String USERNAME_PATTERN = "[a-z0-9._-]{3,64}";

  public record UnitView(
      long id,
      String code,
      String name,
      UnitLevel level,
      Long parentId,
      String parentName,
      boolean active,
      Long mergedIntoId,
      String mergedIntoName,
      Instant mergedAt) {
    static UnitView of(Unit u) {
      return new UnitView(
          u.id,
          u.code,
          u.name,
          u.level,
          u.parent == null ? null : u.parent.id,
          u.parent == null ? null : u.parent.name,
          u.active,
          u.mergedInto == null ? null : u.mergedInto.id,
          u.mergedInto == null ? null : u.mergedInto.name,
          u.mergedAt);
    }
  }

  public record UnitNode(
      long id,
      String code,
      String name,
      UnitLevel level,
      Long parentId,
      boolean active,
      long endpointCount,
      long peopleCount,
      List<UnitNode> children) {}

  public record UnitInput(
      @NotBlank
          @Size(max = 64)
          @Pattern(regexp = CODE_PATTERN, message = "letters, digits . _ - only")
          String code,
      @NotBlank @Size(max = 255) String name,
      @NotNull UnitLevel level,
      Long parentId,
      Boolean active) {}

  public record MergeRequest(@NotNull Long intoUnitId) {}

  public record MergeResult(
      UnitView from,
      UnitView into,
      int movedEndpoints,
      int movedPeople,
      int movedChildren,
      Instant mergedAt) {}

  public record MergeView(
      long fromId,
      String fromCode,
      String fromName,
      long intoId,
      String intoCode,
      String intoName,
      Instant mergedAt,
      String mergedBy,
      int movedEndpoints,
      int movedPeople,
      int movedChildren) {
    static MergeView of(UnitMerge m) {
      return new MergeView(
          m.from.id,
          m.from.code,
          m.from.name,
          m.into.id,
          m.into.code,
          m.into.name,
          m.mergedAt,
          m.mergedBy,
          m.movedEndpoints,
          m.movedPeople,
          m.movedChildren);
    }
  }

  public record EndpointView(
      long id,
      String code,
      String name,
      long unitId,
      String unitName,
      String room,
      String deviceAccount,
      boolean active,
      EndpointStatus status,
      Instant lastSeenAt) {
    static EndpointView of(Endpoint e) {
      return new EndpointView(
          e.id,
          e.code,
          e.name,
          e.unit.id,
          e.unit.name,
          e.room,
          e.account == null ? null : e.account.username,
          e.active,
          e.status,
          e.lastSeenAt);
    }
  }

  public record EndpointInput(
      @NotBlank
          @Size(max = 64)
          @Pattern(regexp = CODE_PATTERN, message = "letters, digits . _ - only")
          String code,
      @NotBlank @Size(max = 255) String name,
      @NotNull Long unitId,
      @Size(max = 255) String room,
      @Size(max = 64) @Pattern(regexp = USERNAME_PATTERN, message = "3–64 of a-z 0-9 . _ -")
          String deviceAccount,
      Boolean active) {}

  public record PersonView(
      long id,
      String username,
      String fullName,
      String position,
      Long unitId,
      String unitName,
      String email,
      String phone,
      List<Role> roles,
      boolean active) {
    static PersonView of(Person p) {
      return new PersonView(
          p.id,
          p.username,
          p.fullName,
          p.position,
          p.unit == null ? null : p.unit.id,
          p.unit == null ? null : p.unit.name,
          p.email,
          p.phone,
          p.roles.stream().sorted().toList(),
          p.active);
    }
  }

  public record PersonInput(
      @NotBlank
          @Size(max = 64)
          @Pattern(regexp = USERNAME_PATTERN, message = "3–64 of a-z 0-9 . _ -")
          String username,
      @NotBlank @Size(max = 255) String fullName,
      @Size(max = 255) String position,
      Long unitId,
      @Email @Size(max = 255) String email,
      @Size(max = 32)
          @Pattern(regexp = "[0-9 +().-]*", message = "digits, spaces and + ( ) . - only")
          String phone,
      @NotNull @Size(min = 1, message = "at least one role") Set<@NotNull Role> roles,
      Boolean active,
      @Size(max = 200) String password) {}

  public record PasswordSet(@NotBlank @Size(max = 200) String password) {}
}
