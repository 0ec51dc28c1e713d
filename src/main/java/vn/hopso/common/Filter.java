package vn.hopso.common;

import java.util.HashMap;
import java.util.Map;

/** Builds the where clause and parameters of a list query from optional filters. */
public final class Filter {
  /** Words of a search beyond this many are ignored (each costs a LIKE). */
  static final int MAX_WORDS = 12;

  private final StringBuilder where = new StringBuilder();
  private final Map<String, Object> params = new HashMap<>();

  /** Adds {@code clause} (using {@code :name}) when {@code value} is not null. */
  public Filter and(String clause, String name, Object value) {
    if (value != null) {
      append(clause);
      params.put(name, value);
    }
    return this;
  }

  /** Adds a clause without parameters. */
  public Filter and(String clause) {
    append(clause);
    return this;
  }

  /** Every word of the query must occur in the (folded) search key column. */
  public Filter search(String column, String query) {
    if (query != null && query.length() > Bounds.MAX_QUERY) {
      throw ApiException.invalid("q", CommonMsg.SIZE_MAX, "max", Bounds.MAX_QUERY);
    }
    int i = 0;
    for (String word : VietnameseText.searchWords(query)) {
      if (i == MAX_WORDS) {
        break;
      }
      String name = "q" + i++;
      append(column + " like :" + name + " escape '!'");
      params.put(name, VietnameseText.likePattern(word));
    }
    return this;
  }

  private void append(String clause) {
    if (!where.isEmpty()) {
      where.append(" and ");
    }
    where.append(clause);
  }

  /** The query text for Panache: "a and b order by …" or just "order by …". */
  public String query(String orderBy) {
    return where.isEmpty() ? "order by " + orderBy : where + " order by " + orderBy;
  }

  public String where() {
    return where.toString();
  }

  public Map<String, Object> params() {
    return params;
  }
}
