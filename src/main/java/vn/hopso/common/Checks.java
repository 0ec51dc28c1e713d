package vn.hopso.common;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the field errors of one request (or one import row) so that all of them are reported at
 * once instead of the first only.
 */
public final class Checks {
  private final List<Problem.FieldError> errors = new ArrayList<>();
  private boolean conflict;

  public Checks fail(String field, String message) {
    errors.add(new Problem.FieldError(field, message));
    return this;
  }

  /** A clash with existing data (duplicate key): answered as 409 instead of 400. */
  public Checks conflict(String field, String message) {
    conflict = true;
    return fail(field, message);
  }

  public boolean ok() {
    return errors.isEmpty();
  }

  public List<Problem.FieldError> errors() {
    return errors;
  }

  /** Throws the collected errors, if any. */
  public void throwIfFailed() {
    if (errors.isEmpty()) {
      return;
    }
    if (conflict && errors.size() == 1) {
      throw ApiException.conflict(errors.get(0).field(), errors.get(0).message());
    }
    throw ApiException.invalid(errors);
  }
}
