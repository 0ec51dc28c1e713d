package vn.hopso.common;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the field errors of one request (or one import row) so that all of them are reported at
 * once instead of the first only.
 */
public final class Checks {
  private final List<ApiException.FieldProblem> errors = new ArrayList<>();
  private boolean conflict;

  public Checks fail(String field, Msg msg, Object... params) {
    errors.add(new ApiException.FieldProblem(field, msg, ApiException.p(params)));
    return this;
  }

  /** Adds the field errors of a thrown validation problem. */
  public Checks addAll(ApiException e) {
    errors.addAll(e.errors());
    return this;
  }

  /** A clash with existing data (duplicate key): answered as 409 instead of 400. */
  public Checks conflict(String field, Msg msg, Object... params) {
    conflict = true;
    return fail(field, msg, params);
  }

  public boolean ok() {
    return errors.isEmpty();
  }

  public List<ApiException.FieldProblem> errors() {
    return errors;
  }

  /** Throws the collected errors, if any. */
  public void throwIfFailed() {
    if (errors.isEmpty()) {
      return;
    }
    if (conflict && errors.size() == 1) {
      ApiException.FieldProblem e = errors.get(0);
      throw ApiException.conflictOn(e.field(), e.msg(), flatten(e));
    }
    throw ApiException.invalid(errors);
  }

  private static Object[] flatten(ApiException.FieldProblem e) {
    List<Object> out = new ArrayList<>();
    e.params()
        .forEach(
            (k, v) -> {
              out.add(k);
              out.add(v);
            });
    return out.toArray();
  }
}
