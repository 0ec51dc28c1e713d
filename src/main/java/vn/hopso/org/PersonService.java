package vn.hopso.org;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.EnumSet;
import java.util.Set;
import vn.hopso.common.ApiException;
import vn.hopso.common.Checks;
import vn.hopso.common.DomainEvent;
import vn.hopso.common.Filter;
import vn.hopso.common.Page;
import vn.hopso.common.PageRequest;
import vn.hopso.common.Queries;
import vn.hopso.common.Role;
import vn.hopso.common.Texts;
import vn.hopso.common.Versions;
import vn.hopso.org.OrgViews.PersonInput;
import vn.hopso.org.OrgViews.PersonView;

/** People and their accounts. */
@ApplicationScoped
@Transactional
public class PersonService {
  /** Which accounts a people list shows: people (the default), the rooms' devices, or both. */
  public enum Kind {
    PEOPLE,
    DEVICES,
    ALL
  }

  @Inject Event<DomainEvent> events;
  @Inject Passwords passwords;

  @Transactional
  public Page<PersonView> list(
      String q, Long unitId, Role role, Boolean active, Kind kind, PageRequest paging) {
    Filter f =
        new Filter()
            .and("e.unit.id = :unit", "unit", unitId)
            .and(":role member of e.roles", "role", role)
            .and("e.active = :active", "active", active)
            .search("e.searchKey", q);
    Kind k = kind == null ? (role == Role.ENDPOINT ? Kind.ALL : Kind.PEOPLE) : kind;
    if (k == Kind.PEOPLE) {
      f.and(":device not member of e.roles", "device", Role.ENDPOINT);
    } else if (k == Kind.DEVICES) {
      f.and(":device member of e.roles", "device", Role.ENDPOINT);
    }
    return Queries.page(
            Person.class,
            "from Person e left join fetch e.unit",
            "from Person e",
            f,
            "e.sortKey, e.id",
            paging)
        .map(PersonView::of);
  }

  @Transactional
  public PersonView get(long id) {
    return PersonView.of(find(id));
  }

  public PersonView create(PersonInput input) {
    Checks checks = new Checks();
    Unit unit = check(checks, input, null);
    if (input.password() != null && !input.password().isEmpty()) {
      try {
        passwords.checkStrength("password", input.password());
      } catch (ApiException e) {
        checks.addAll(e);
      }
    }
    checks.throwIfFailed();
    Person p = new Person();
    apply(p, input, unit);
    if (input.password() != null && !input.password().isEmpty()) {
      p.passwordHash = passwords.hash(input.password());
    }
    p.persist();
    events.fire(new OrgEvents.PersonSaved(true, p.id, p.username, describe(p), false, false));
    return PersonView.of(p);
  }

  public PersonView update(long id, PersonInput input) {
    Person p = find(id);
    Versions.check(input.version(), p.version);
    Checks checks = new Checks();
    if (input.password() != null) {
      // refused rather than ignored: a password set here would silently not be set
      checks.fail("password", OrgMsg.PASSWORD_NOT_HERE);
    }
    Unit unit = check(checks, input, p);
    checks.throwIfFailed();
    boolean wasActive = p.active;
    Set<Role> hadRoles = EnumSet.copyOf(p.roles.isEmpty() ? EnumSet.noneOf(Role.class) : p.roles);
    apply(p, input, unit);
    events.fire(
        new OrgEvents.PersonSaved(
            false,
            p.id,
            p.username,
            describe(p),
            wasActive != p.active || !hadRoles.equals(p.roles),
            wasActive && !p.active));
    Person.flush(); // the answer carries the new version
    return PersonView.of(p);
  }

  public void setPassword(long id, String password) {
    Person p = find(id);
    passwords.checkStrength("password", password);
    p.passwordHash = passwords.hash(password);
    events.fire(new OrgEvents.PasswordSet(p.id, p.username));
  }

  /** Checks an input; returns its unit (may be null). Shared by REST and CSV import. */
  Unit check(Checks checks, PersonInput input, Person existing) {
    String username = input.username().trim().toLowerCase(java.util.Locale.ROOT);
    Person same = Person.findByUsername(username);
    if (same != null && (existing == null || !same.id.equals(existing.id))) {
      checks.conflict("username", OrgMsg.USERNAME_TAKEN);
    }
    Unit unit = null;
    if (input.unitId() != null) {
      unit = Unit.findById(input.unitId());
      if (unit == null) {
        checks.fail("unitId", OrgMsg.UNIT_UNKNOWN, "id", input.unitId());
      } else if (!unit.active
          && (existing == null || existing.unit == null || !existing.unit.id.equals(unit.id))) {
        checks.fail("unitId", OrgMsg.UNIT_INACTIVE, "name", unit.name);
      }
    }
    if (existing != null && existing.active && existing.hasRole(Role.ADMIN)) {
      boolean losesAdmin =
          Boolean.FALSE.equals(input.active()) || !input.roles().contains(Role.ADMIN);
      if (losesAdmin
          && Person.count(
                  "?1 member of roles and active = true and id <> ?2", Role.ADMIN, existing.id)
              == 0) {
        checks.fail("roles", OrgMsg.LAST_ADMIN);
      }
    }
    return unit;
  }

  void apply(Person p, PersonInput input, Unit unit) {
    p.username = input.username().trim().toLowerCase(java.util.Locale.ROOT);
    p.fullName = input.fullName().strip();
    p.position = Texts.blankToNull(input.position());
    p.unit = unit;
    p.email = Texts.blankToNull(input.email());
    p.phone = Texts.blankToNull(input.phone());
    p.roles = input.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(input.roles());
    if (input.active() != null) {
      p.active = input.active();
    }
  }

  private static Person find(long id) {
    Person p = Person.findById(id);
    if (p == null) {
      throw ApiException.notFound(OrgMsg.PERSON, id);
    }
    return p;
  }

  static String describe(Person p) {
    return "name="
        + p.fullName
        + ", unit="
        + (p.unit == null ? "" : p.unit.code)
        + ", roles="
        + p.roles
        + ", active="
        + p.active;
  }
}
