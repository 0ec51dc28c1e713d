package vn.hopso.common;

import java.util.List;
import java.util.function.Function;

/** One page of a list answer: the items and the total count over all pages. */
public record Page<T>(List<T> items, long total, int page, int size) {
  public <R> Page<R> map(Function<T, R> mapper) {
    return new Page<>(items.stream().map(mapper).toList(), total, page, size);
  }
}
