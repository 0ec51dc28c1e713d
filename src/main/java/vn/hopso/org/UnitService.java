package vn.hopso.org;

import jakarta.enterprise.context.ApplicationScoped;
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
import vn.hopso.audit.AuditService;
import vn.hopso.auth.CurrentUser;
import vn.hopso.common.ApiException;
import vn.hopso.common.Checks;
import vn.hopso.common.Filter;
import vn.hopso.common.Page;
import vn.hopso.common.PageRequest;
import vn.hopso.common.Queries;
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

  @Inject AuditService audit;
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
    audit.log("unit.created", "unit:" + u.code, describe(u));
    return UnitView.of(u);
  }

  public UnitView update(long id, UnitInput input) {
    Unit u = find(id);
    Checks checks = new Checks();
    Unit parent = check(checks, input, u);
    checks.throwIfFailed();
    apply(u, input, parent);
    audit.log("unit.updated", "unit:" + u.code, describe(u));
    return UnitView.of(u);
  }

  /**
   * Checks an input against the rules and the data; returns the parent it names. Shared by the REST
   * endpoint and the CSV import, so both apply the very same rules.
   */
  Unit check(Checks checks, UnitInput input, Unit existing) {
    Unit sameCode = Unit.findByCode(input.code().trim());
    if (sameCode != null && (existing == null || !sameCode.id.equals(existing.id))) {
      checks.conflict("code", "already used by unit " + sameCode.name);
    }
    Unit parent = null;
    if (input.parentId() != null) {
      parent = Unit.findById(input.parentId());
      if (parent == null) {
        checks.fail("parentId", "unknown unit " + input.parentId());
        return null;
      }
      if (!parent.active) {
        checks.fail("parentId", "unit " + parent.name + " is inactive");
      }
      if (existing != null && isSelfOrAncestor(existing, parent)) {
        checks.fail("parentId", "a unit cannot be placed under itself or its own sub-unit");
      }
    }
    Set<UnitLevel> allowed = ALLOWED_PARENTS.get(input.level());
    if (parent == null && !allowed.isEmpty() && input.level() != null) {
      checks.fail("parentId", "a " + input.level() + " needs a parent unit");
    } else if (parent != null && !allowed.contains(parent.level)) {
      checks.fail("parentId", "a " + input.level() + " cannot be placed under a " + parent.level);
    }
    if (existing != null && Boolean.FALSE.equals(input.active()) && existing.active) {
      long activeChildren = Unit.count("parent = ?1 and active = true", existing);
      if (activeChildren > 0) {
        checks.fail("active", "the unit still has " + activeChildren + " active sub-units");
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
      throw ApiException.invalid("intoUnitId", "unknown unit " + intoId);
    }
    if (from.id.equals(into.id)) {
      throw ApiException.invalid("intoUnitId", "a unit cannot be merged into itself");
    }
    if (!from.active) {
      throw ApiException.conflict("unit " + from.name + " is inactive (already merged?)");
    }
    if (!into.active) {
      throw ApiException.invalid("intoUnitId", "unit " + into.name + " is inactive");
    }
    if (isSelfOrAncestor(from, into)) {
      throw ApiException.invalid("intoUnitId", "cannot merge a unit into its own sub-unit");
    }
    List<Unit> children = Unit.list("parent = ?1", from);
    for (Unit child : children) {
      if (child.active && !ALLOWED_PARENTS.get(child.level).contains(into.level)) {
        throw ApiException.invalid(
            "intoUnitId",
            "sub-unit "
                + child.name
                + " ("
                + child.level
                + ") cannot be placed under a "
                + into.level);
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
    audit.log(
        "unit.merged",
        "unit:" + from.code,
        "into "
            + into.code
            + "; endpoints "
            + endpoints
            + ", people "
            + people
            + ", sub-units "
            + children.size());
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
      throw ApiException.notFound("unit", id);
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
