package vn.hopso.auth;

import java.util.List;
import vn.hopso.common.Role;
import vn.hopso.org.Person;

/** The signed-in person as the web app sees it. */
public record UserView(
    long id,
    String username,
    String fullName,
    String position,
    Long unitId,
    String unitName,
    List<Role> roles) {

  /** Call inside a transaction (reads the unit). */
  public static UserView of(Person p) {
    return new UserView(
        p.id,
        p.username,
        p.fullName,
        p.position,
        p.unit == null ? null : p.unit.id,
        p.unit == null ? null : p.unit.name,
        p.roles.stream().sorted().toList());
  }
}
