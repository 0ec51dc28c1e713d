package vn.hopso.auth;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A generated secret shared by all instances through the database (e.g. the token key). */
@Entity
@Table(name = "app_secret")
public class AppSecret extends PanacheEntityBase {
  @Id
  @Column(length = 64)
  public String name;

  @Column(name = "secret_value", nullable = false, length = 8000)
  public String value;
}
