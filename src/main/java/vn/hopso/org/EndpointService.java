package vn.hopso.org;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.EnumSet;
import vn.hopso.common.ApiException;
import vn.hopso.common.Checks;
import vn.hopso.common.CurrentUser;
import vn.hopso.common.DomainEvent;
import vn.hopso.common.Filter;
import vn.hopso.common.Lang;
import vn.hopso.common.Limits;
import vn.hopso.common.Page;
import vn.hopso.common.PageRequest;
import vn.hopso.common.Queries;
import vn.hopso.common.Role;
import vn.hopso.common.Texts;
import vn.hopso.common.Versions;
import vn.hopso.org.OrgViews.EndpointInput;
import vn.hopso.org.OrgViews.EndpointView;

/** The registry of video endpoints (điểm cầu) and their device accounts. */
@ApplicationScoped
@Transactional
public class EndpointService {
  @Inject Event<DomainEvent> events;
  @Inject CurrentUser current;

  @Transactional
  public Page<EndpointView> list(
      String q, Long unitId, UnitLevel level, Boolean active, PageRequest paging) {
    Filter f =
        new Filter()
            .and("e.unit.id = :unit", "unit", unitId)
            .and("e.unit.level = :level", "level", level)
            .and("e.active = :active", "active", active)
            .search("e.searchKey", q);
    // An endpoint device sees only its own room.
    if (!isStaff()) {
      f.and("e.account.id = :me", "me", current.personId() == null ? -1L : current.personId());
    }
    return Queries.page(
            Endpoint.class,
            "from Endpoint e join fetch e.unit left join fetch e.account",
            "from Endpoint e",
            f,
            "e.sortKey, e.id",
            paging)
        .map(EndpointView::of);
  }

  private boolean isStaff() {
    return current.hasRole(Role.ADMIN)
        || current.hasRole(Role.SECRETARY)
        || current.hasRole(Role.CHAIR);
  }

  @Transactional
  public EndpointView get(long id) {
    Endpoint e = find(id);
    if (!isStaff() && (e.account == null || !e.account.id.equals(current.personId()))) {
      throw ApiException.forbidden(OrgMsg.NOT_YOUR_ENDPOINT);
    }
    return EndpointView.of(e);
  }

  public EndpointView create(EndpointInput input) {
    Checks checks = new Checks();
    Unit unit = check(checks, input, null);
    checks.throwIfFailed();
    Endpoint e = new Endpoint();
    apply(e, input, unit);
    e.persist();
    events.fire(new OrgEvents.EndpointSaved(true, e.code, describe(e)));
    return EndpointView.of(e);
  }

  public EndpointView update(long id, EndpointInput input) {
    Endpoint e = find(id);
    Versions.check(input.version(), e.version);
    Checks checks = new Checks();
    Unit unit = check(checks, input, e);
    checks.throwIfFailed();
    apply(e, input, unit);
    events.fire(new OrgEvents.EndpointSaved(false, e.code, describe(e)));
    Endpoint.flush(); // the answer carries the new version
    return EndpointView.of(e);
  }

  /** Checks the input; returns its unit. Shared by REST and CSV import. */
  Unit check(Checks checks, EndpointInput input, Endpoint existing) {
    Endpoint sameCode = Endpoint.findByCode(input.code().trim());
    if (sameCode != null && (existing == null || !sameCode.id.equals(existing.id))) {
      checks.conflict("code", OrgMsg.ENDPOINT_CODE_TAKEN, "name", sameCode.name);
    }
    Unit unit = Unit.findById(input.unitId());
    if (unit == null) {
      checks.fail("unitId", OrgMsg.UNIT_UNKNOWN, "id", input.unitId());
    } else if (!unit.active && (existing == null || !existing.unit.id.equals(unit.id))) {
      checks.fail("unitId", OrgMsg.UNIT_INACTIVE, "name", unit.name);
    }
    String account = normalize(input.deviceAccount());
    if (account != null) {
      Person person = Person.findByUsername(account);
      if (person != null && !person.hasRole(Role.ENDPOINT)) {
        checks.fail("deviceAccount", OrgMsg.DEVICE_ACCOUNT_IS_PERSON, "account", account);
      } else if (person != null) {
        Endpoint other = Endpoint.find("account", person).firstResult();
        if (other != null && (existing == null || !other.id.equals(existing.id))) {
          checks.conflict("deviceAccount", OrgMsg.DEVICE_ACCOUNT_TAKEN, "name", other.name);
        }
      }
    }
    return unit;
  }

  void apply(Endpoint e, EndpointInput input, Unit unit) {
    e.code = input.code().trim();
    e.name = input.name().strip();
    e.unit = unit;
    e.room = Texts.blankToNull(input.room());
    if (input.active() != null) {
      e.active = input.active();
    }
    String account = normalize(input.deviceAccount());
    if (account == null) {
      e.account = null;
      return;
    }
    Person person = Person.findByUsername(account);
    if (person == null) {
      // New device accounts start without a password: the admin sets one for the room's PC.
      person = new Person();
      person.username = account;
      // The device account's name is derived from the room's: cut to fit a person's name.
      person.fullName =
          Texts.fit(
              Lang.VI.render(OrgMsg.DEVICE_NAME, java.util.Map.of("name", e.name)), Limits.NAME);
      person.position = "Điểm cầu";
      person.unit = unit;
      person.roles = EnumSet.of(Role.ENDPOINT);
      person.persist();
    }
    e.account = person;
  }

  private static Endpoint find(long id) {
    Endpoint e = Endpoint.findById(id);
    if (e == null) {
      throw ApiException.notFound(OrgMsg.ENDPOINT, id);
    }
    return e;
  }

  private static String normalize(String username) {
    return username == null || username.isBlank()
        ? null
        : username.trim().toLowerCase(java.util.Locale.ROOT);
  }

  static String describe(Endpoint e) {
    return "code="
        + e.code
        + ", name="
        + e.name
        + ", unit="
        + e.unit.code
        + ", room="
        + (e.room == null ? "" : e.room)
        + ", account="
        + (e.account == null ? "" : e.account.username)
        + ", active="
        + e.active;
  }
}
