package vn.hopso.org;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import vn.hopso.common.Limits;
import vn.hopso.common.Role;

/** The JSON shapes of the organisation feature (entities are never serialised directly). */
public final class OrgViews {
  private OrgViews() {}

  static final String CODE_PATTERN = "[A-Za-z0-9._-]+";
  static final String USERNAME_PATTERN = "[a-z0-9._-]{3,64}";
  static final String CODE_MESSAGE = "{hopso.field.code-format}";
  static final String USERNAME_MESSAGE = "{hopso.field.username-format}";
  static final String PHONE_MESSAGE = "{hopso.field.phone-format}";
  static final String ROLES_MESSAGE = "{hopso.org.person.roles-required}";

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
      Instant mergedAt,
      long version) {
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
          u.mergedAt,
          u.version);
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

  /** {@code version}: on update, the version read (see {@code Versions}); ignored on create. */
  public record UnitInput(
      @NotBlank @Size(max = Limits.CODE) @Pattern(regexp = CODE_PATTERN, message = CODE_MESSAGE)
          String code,
      @NotBlank @Size(max = Limits.NAME) String name,
      @NotNull UnitLevel level,
      Long parentId,
      Boolean active,
      Long version) {}

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
      Instant lastSeenAt,
      long version) {
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
          e.lastSeenAt,
          e.version);
    }
  }

  public record EndpointInput(
      @NotBlank @Size(max = Limits.CODE) @Pattern(regexp = CODE_PATTERN, message = CODE_MESSAGE)
          String code,
      @NotBlank @Size(max = Limits.NAME) String name,
      @NotNull Long unitId,
      @Size(max = Limits.ROOM) String room,
      @Size(max = Limits.USERNAME) @Pattern(regexp = USERNAME_PATTERN, message = USERNAME_MESSAGE)
          String deviceAccount,
      Boolean active,
      Long version) {}

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
      boolean active,
      long version) {
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
          p.active,
          p.version);
    }
  }

  public record PersonInput(
      @NotBlank
          @Size(max = Limits.USERNAME)
          @Pattern(regexp = USERNAME_PATTERN, message = USERNAME_MESSAGE)
          String username,
      @NotBlank @Size(max = Limits.NAME) String fullName,
      @Size(max = Limits.POSITION) String position,
      Long unitId,
      @Email @Size(max = Limits.EMAIL) String email,
      @Size(max = Limits.PHONE) @Pattern(regexp = "[0-9 +().-]*", message = PHONE_MESSAGE)
          String phone,
      // a set of roles cannot exceed max (fewer roles exist): the message is for an empty one
      @NotNull @Size(min = 1, max = 10, message = ROLES_MESSAGE) Set<@NotNull Role> roles,
      Boolean active,
      @Size(max = Limits.PASSWORD) String password,
      Long version) {}

  public record PasswordSet(@NotBlank @Size(max = Limits.PASSWORD) String password) {}
}
