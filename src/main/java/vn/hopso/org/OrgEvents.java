package vn.hopso.org;

import vn.hopso.common.DomainEvent;

/** What happens to the organisation: units, endpoints, people, imports. */
public final class OrgEvents {
  private OrgEvents() {}

  public record UnitSaved(boolean created, String code, String detail) implements DomainEvent {
    @Override
    public String action() {
      return created ? "unit.created" : "unit.updated";
    }

    @Override
    public String target() {
      return "unit:" + code;
    }
  }

  public record UnitMerged(String code, String detail) implements DomainEvent {
    @Override
    public String action() {
      return "unit.merged";
    }

    @Override
    public String target() {
      return "unit:" + code;
    }
  }

  public record EndpointSaved(boolean created, String code, String detail) implements DomainEvent {
    @Override
    public String action() {
      return created ? "endpoint.created" : "endpoint.updated";
    }

    @Override
    public String target() {
      return "endpoint:" + code;
    }
  }

  /**
   * A person was created or changed. {@code rightsChanged}: their roles or their active state
   * changed, so what they may follow is decided again; {@code accessRevoked}: they were
   * deactivated, so every session of theirs must end now.
   */
  public record PersonSaved(
      boolean created,
      long personId,
      String username,
      String detail,
      boolean rightsChanged,
      boolean accessRevoked)
      implements DomainEvent {
    @Override
    public String action() {
      return created ? "person.created" : "person.updated";
    }

    @Override
    public String target() {
      return "person:" + username;
    }
  }

  /** An administrator set a person's password: their sessions end. */
  public record PasswordSet(long personId, String username) implements DomainEvent {
    @Override
    public String action() {
      return "person.password.set";
    }

    @Override
    public String target() {
      return "person:" + username;
    }
  }

  public record Imported(String kind, int rows, int created, int updated) implements DomainEvent {
    @Override
    public String action() {
      return "import." + kind;
    }

    @Override
    public String detail() {
      return "rows " + rows + ", created " + created + ", updated " + updated;
    }
  }

  public record DemoSeeded(int units, int endpoints, int people) implements DomainEvent {
    @Override
    public String action() {
      return "demo.seeded";
    }

    @Override
    public String detail() {
      return "units " + units + ", endpoints " + endpoints + ", people " + people;
    }
  }
}
