package vn.hopso.auth;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.hopso.audit.AuditService;
import vn.hopso.common.Role;
import vn.hopso.org.Passwords;
import vn.hopso.org.Person;

/**
 * On an empty database, creates the administrator {@code admin}. Its password comes from {@code
 * HOPSO_ADMIN_PASSWORD}; without it one is generated and printed once in the log.
 */
@Singleton
public class AdminBootstrap {
  private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);
  private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  @Inject Passwords passwords;
  @Inject AuditService audit;

  @ConfigProperty(name = "hopso.admin-password")
  Optional<String> configuredPassword;

  void onStart(@Observes @jakarta.annotation.Priority(10) StartupEvent event) {
    QuarkusTransaction.requiringNew().run(this::ensureAdmin);
  }

  void ensureAdmin() {
    if (Person.count() > 0) {
      return;
    }
    String password = configuredPassword.filter(p -> !p.isBlank()).orElse(null);
    boolean generated = password == null;
    if (generated) {
      password = generate();
    }
    Person admin = new Person();
    admin.username = "admin";
    admin.fullName = "Quản trị hệ thống";
    admin.position = "Quản trị viên";
    admin.roles = EnumSet.of(Role.ADMIN);
    admin.passwordHash = passwords.hash(password);
    admin.persist();
    audit.record("system", "person.created", "person:admin", "first start: administrator", null);
    if (generated) {
      LOG.warnf(
          "%n========================================================================%n"
              + " HopSo: administrator account created%n"
              + "   username: admin%n"
              + "   password: %s%n"
              + " This password is shown only once. Sign in and change it.%n"
              + "========================================================================",
          password);
    } else {
      LOG.info("HopSo: administrator account 'admin' created with HOPSO_ADMIN_PASSWORD");
    }
  }

  private static String generate() {
    SecureRandom random = new SecureRandom();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }
}
