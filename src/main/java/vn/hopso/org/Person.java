package vn.hopso.org;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.EnumSet;
import java.util.Set;
import vn.hopso.common.Limits;
import vn.hopso.common.Role;
import vn.hopso.common.VietnameseText;

/** A person who uses HopSo, or the device account of a meeting room. */
@Entity
@Table(name = "person")
public class Person extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "person_seq")
  @SequenceGenerator(name = "person_seq", sequenceName = "person_seq", allocationSize = 50)
  public Long id;

  /** Sign-in name, stored lower case. */
  @Column(nullable = false, unique = true, length = Limits.USERNAME)
  public String username;

  @Column(name = "full_name", nullable = false, length = Limits.NAME)
  public String fullName;

  @Column(length = Limits.POSITION)
  public String position;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "unit_id")
  public Unit unit;

  @Column(length = Limits.EMAIL)
  public String email;

  @Column(length = Limits.PHONE)
  public String phone;

  /** bcrypt; null while no password was set (the account cannot sign in). */
  @Column(name = "password_hash", length = 100)
  public String passwordHash;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "person_role", joinColumns = @JoinColumn(name = "person_id"))
  @Enumerated(EnumType.STRING)
  @Column(name = "role", nullable = false)
  public Set<Role> roles = EnumSet.noneOf(Role.class);

  @Column(nullable = false)
  public boolean active = true;

  @Column(name = "search_key", nullable = false, length = Limits.SEARCH_KEY)
  public String searchKey;

  @Column(name = "sort_key", nullable = false, length = Limits.SORT_KEY)
  public String sortKey;

  @Version public long version;

  @PrePersist
  @PreUpdate
  void keys() {
    searchKey = VietnameseText.searchKey(fullName, username, position, email, phone);
    sortKey = VietnameseText.personSortKey(fullName);
  }

  public static Person findByUsername(String username) {
    return find(
            "username",
            username == null ? null : username.trim().toLowerCase(java.util.Locale.ROOT))
        .firstResult();
  }

  public boolean hasRole(Role role) {
    return roles.contains(role);
  }
}
