package vn.hopso.common;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;

/** One page of an HQL query with fetch joins, plus its total count. */
public final class Queries {
  private Queries() {}

  /**
   * @param from "from Endpoint e join fetch e.unit" — the entity must be aliased {@code e}
   * @param countFrom "from Endpoint e" — the same, without fetch joins
   */
  public static <T> Page<T> page(
      Class<T> type,
      String from,
      String countFrom,
      Filter filter,
      String orderBy,
      PageRequest paging) {
    EntityManager em = Panache.getEntityManager();
    String where = filter.where().isEmpty() ? "" : " where " + filter.where();
    TypedQuery<T> query = em.createQuery(from + where + " order by " + orderBy, type);
    TypedQuery<Long> count = em.createQuery("select count(e) " + countFrom + where, Long.class);
    filter
        .params()
        .forEach(
            (k, v) -> {
              query.setParameter(k, v);
              count.setParameter(k, v);
            });
    List<T> items =
        query.setFirstResult(paging.offset()).setMaxResults(paging.size).getResultList();
    return new Page<>(items, count.getSingleResult(), paging.page, paging.size);
  }
}
