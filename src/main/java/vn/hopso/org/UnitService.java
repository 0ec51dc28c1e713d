package vn.hopso.org;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.hopso.common.ApiException;
import vn.hopso.common.Checks;
import vn.hopso.common.CurrentUser;
import vn.hopso.common.DomainEvent;
import vn.hopso.common.Filter;
import vn.hopso.common.Page;
import vn.hopso.common.PageRequest;
import vn.hopso.common.Queries;
import vn.hopso.common.Versions;
import vn.hopso.org.OrgViews.MergeResult;
import vn.hopso.org.OrgViews.MergeView;
import vn.hopso.org.OrgViews.UnitInput;
import vn.hopso.org.OrgViews.UnitNode;
import vn.hopso.org.OrgViews.UnitView;

/** The unit tree: rules for levels and parents, merging with history. */
@ApplicationScoped
@Transactional
public class UnitService {
  private static final Map<UnitLevel, Set<UnitLevel>> ALLOWED_PARENTS =
      Map.of(
          UnitLevel.PROVINCE, EnumSet.noneOf(UnitLevel.class),
          UnitLevel.DISTRICT, EnumSet.of(UnitLevel.PROVINCE),
          // two-tier provinces (since 2025) hang communes directly under the province
          UnitLevel.COMMUNE, EnumSet.of(UnitLevel.DISTRICT, UnitLevel.PROVINCE),
          UnitLevel.AGENCY, EnumSet.of(UnitLevel.PROVINCE, UnitLevel.DISTRICT, UnitLevel.AGENCY),
          UnitLevel.PARTY,
              EnumSet.of(
                  UnitLevel.PROVINCE, UnitLevel.DISTRICT, UnitLevel.COMMUNE, UnitLevel.PARTY));

  @Inject Event<DomainEvent> events;
  @Inject CurrentUser current;
  @Inject Clock clock;

  @Transactional
  public Page<UnitView> list(
      UnitLevel level, Long parentId, String q, Boolean active, PageRequest paging) {
    Filter f =
        new Filter()
            .and("e.level = :level", "level", level)
            .and("e.parent.id = :parent", "parent", parentId)
            .and("e.active = :active", "active", active)
            .search("e.searchKey", q);
    return Queries.page(
            Unit.class,
            "from Unit e left join fetch e.parent left join fetch e.mergedInto",
            "from Unit e",
            f,
            "e.sortKey, e.id",
            paging)
        .map(UnitView::of);
  }

  @Transactional
  public List<UnitNode> tree(Boolean active) {
    Filter f = new Filter().and("active = :active", "active", active);
    List<Unit> units = Unit.find(f.query("sortKey, id"), f.params()).list();
    Map<Long, Long> endpointCounts =
        counts(
            "select e.unit.id, count(e) from Endpoint e where e.active = true group by e.unit.id");
    Map<Long, Long> peopleCounts =
        counts(
            "select p.unit.id, count(p) from Person p where p.active = true and p.unit is not null group by p.unit.id");
    Map<Long, List<Unit>> byParent = new HashMap<>();
    List<Unit> roots = new ArrayList<>();
    Set<Long> present = new java.util.HashSet<>();
    units.forEach(u -> present.add(u.id));
    for (Unit u : units) {
      Long parentId = u.parent == null ? null : u.parent.id;
      if (parentId == null || !present.contains(parentId)) {
        roots.add(u);
      } else {
        byParent.computeIfAbsent(parentId, k -> new ArrayList<>()).add(u);
      }
    }
    return roots.stream().map(u -> node(u, byParent, endpointCounts, peopleCounts)).toList();
  }

  private static UnitNode node(
      Unit u, Map<Long, List<Unit>> byParent, Map<Long, Long> endpoints, Map<Long, Long> people) {
    List<UnitNode> children =
        byParent.getOrDefault(u.id, List.of()).stream()
            .map(c -> node(c, byParent, endpoints, people))
            .toList();
    return new UnitNode(
        u.id,
        u.code,
        u.name,
        u.level,
        u.parent == null ? null : u.parent.id,
        u.active,
        endpoints.getOrDefault(u.id, 0L),
        people.getOrDefault(u.id, 0L),
        children);
  }

  private static Map<Long, Long> counts(String jpql) {
    Map<Long, Long> map = new HashMap<>();
    for (Object[] row : Unit.getEntityManager().createQuery(jpql, Object[].class).getResultList()) {
      map.put((Long) row[0], (Long) row[1]);
    }
    return map;
  }

  @Transactional
  public UnitView get(long id) {
    return UnitView.of(find(id));
  }

  public UnitView create(UnitInput input) {
    Checks checks = new Checks();
    Unit parent = check(checks, input, null);
    checks.throwIfFailed();
    Unit u = new Unit();
    apply(u, input, parent);
    u.persist();
    events.fire(new OrgEvents.UnitSaved(true, u.code, describe(u)));
    return UnitView.of(u);
  }

  public UnitView update(long id, UnitInput input) {
    Unit u = find(id);
    Versions.check(input.version(), u.version);
    Checks checks = new Checks();
    Unit parent = check(checks, input, u);
    checks.throwIfFailed();
    apply(u, input, parent);
    events.fire(new OrgEvents.UnitSaved(false, u.code, describe(u)));
    Unit.flush(); // the answer carries the new version
    return UnitView.of(u);
  }

  /**
   * Checks an input against the rules and the data; returns the parent it names. Shared by the REST
   * endpoint and the CSV import, so both apply the very same rules.
   */
  Unit check(Checks checks, UnitInput input, Unit existing) {
    Unit sameCode = Unit.findByCode(input.code().trim());
    if (sameCode != null && (existing == null || !sameCode.id.equals(existing.id))) {
      checks.conflict("code", OrgMsg.UNIT_CODE_TAKEN, "name", sameCode.name);
    }
    Unit parent = null;
    if (input.parentId() != null) {
      parent = Unit.findById(input.parentId());
      if (parent == null) {
        checks.fail("parentId", OrgMsg.UNIT_UNKNOWN, "id", input.parentId());
        return null;
      }
      if (!parent.active) {
        checks.fail("parentId", OrgMsg.UNIT_INACTIVE, "name", parent.name);
      }
      if (existing != null && isSelfOrAncestor(existing, parent)) {
        checks.fail("parentId", OrgMsg.UNIT_UNDER_ITSELF);
      }
    }
    Set<UnitLevel> allowed = ALLOWED_PARENTS.get(input.level());
    if (parent == null && !allowed.isEmpty() && input.level() != null) {
      checks.fail("parentId", OrgMsg.UNIT_NEEDS_PARENT, "level", input.level());
    } else if (parent != null && !allowed.contains(parent.level)) {
      checks.fail(
          "parentId",
          OrgMsg.UNIT_PARENT_LEVEL,
          "level",
          input.level(),
          "parentLevel",
          parent.level);
    }
    if (existing != null && Boolean.FALSE.equals(input.active()) && existing.active) {
      long activeChildren = Unit.count("parent = ?1 and active = true", existing);
      if (activeChildren > 0) {
        checks.fail("active", OrgMsg.UNIT_ACTIVE_CHILDREN, "count", activeChildren);
      }
    }
    return parent;
  }

  void apply(Unit u, UnitInput input, Unit parent) {
    u.code = input.code().trim();
    u.name = input.name().strip();
    u.level = input.level();
    u.parent = parent;
    if (input.active() != null) {
      u.active = input.active();
    }
  }

  /** True when {@code candidate} is {@code unit} itself or lies below it. */
  private static boolean isSelfOrAncestor(Unit unit, Unit candidate) {
    for (Unit u = candidate; u != null; u = u.parent) {
      if (u.id.equals(unit.id)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Merges {@code id} into {@code intoId}: its endpoints, people and sub-units move to the target;
   * the merged unit stays, inactive, pointing to the target, and the merge is recorded.
   */
  public MergeResult merge(long id, long intoId) {
    Unit from = find(id);
    Unit into = Unit.findById(intoId);
    if (into == null) {
      throw ApiException.invalid("intoUnitId", OrgMsg.UNIT_UNKNOWN, "id", intoId);
    }
    if (from.id.equals(into.id)) {
      throw ApiException.invalid("intoUnitId", OrgMsg.MERGE_SELF);
    }
    if (!from.active) {
      throw ApiException.conflict(OrgMsg.MERGE_ALREADY_INACTIVE, "name", from.name);
    }
    if (!into.active) {
      throw ApiException.invalid("intoUnitId", OrgMsg.UNIT_INACTIVE, "name", into.name);
    }
    if (isSelfOrAncestor(from, into)) {
      throw ApiException.invalid("intoUnitId", OrgMsg.MERGE_INTO_CHILD);
    }
    List<Unit> children = Unit.list("parent = ?1", from);
    for (Unit child : children) {
      if (child.active && !ALLOWED_PARENTS.get(child.level).contains(into.level)) {
        throw ApiException.invalid(
            "intoUnitId",
            OrgMsg.MERGE_CHILD_LEVEL,
            "name",
            child.name,
            "level",
            child.level,
            "intoLevel",
            into.level);
      }
    }
    Instant now = clock.instant();
    int endpoints = Endpoint.update("unit = ?1 where unit = ?2", into, from);
    int people = Person.update("unit = ?1 where unit = ?2", into, from);
    children.forEach(c -> c.parent = into);
    from.active = false;
    from.mergedInto = into;
    from.mergedAt = now;
    UnitMerge m = new UnitMerge();
    m.from = from;
    m.into = into;
    m.mergedAt = now;
    m.mergedBy = current.name();
    m.movedEndpoints = endpoints;
    m.movedPeople = people;
    m.movedChildren = children.size();
    m.persist();
    events.fire(
        new OrgEvents.UnitMerged(
            from.code,
            "into "
                + into.code
                + "; endpoints "
                + endpoints
                + ", people "
                + people
                + ", sub-units "
                + children.size()));
    return new MergeResult(
        UnitView.of(from), UnitView.of(into), endpoints, people, children.size(), now);
  }

  @Transactional
  public List<MergeView> merges(long id) {
    Unit u = find(id);
    return UnitMerge.<UnitMerge>list(
            "select m from UnitMerge m where m.from = ?1 or m.into = ?1 order by m.mergedAt, m.id",
            u)
        .stream()
        .sorted(Comparator.comparing((UnitMerge m) -> m.mergedAt))
        .map(MergeView::of)
        .toList();
  }

  private static Unit find(long id) {
    Unit u = Unit.findById(id);
    if (u == null) {
      throw ApiException.notFound(OrgMsg.UNIT, id);
    }
    return u;
  }

  static String describe(Unit u) {
    return "code="
        + u.code
        + ", name="
        + u.name
        + ", level="
        + u.level
        + ", parent="
        + (u.parent == null ? "" : u.parent.code)
        + ", active="
        + u.active;
  }
}
