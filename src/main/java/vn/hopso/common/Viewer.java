package vn.hopso.common;

import java.util.EnumSet;
import java.util.Set;

/** Someone looking at data: a person (or nobody) with their account roles. */
public record Viewer(Long personId, Set<Role> roles) {
  public static final Viewer ANONYMOUS = new Viewer(null, EnumSet.noneOf(Role.class));

  public boolean has(Role role) {
    return roles.contains(role);
  }

  public boolean signedIn() {
    return personId != null;
  }
}
