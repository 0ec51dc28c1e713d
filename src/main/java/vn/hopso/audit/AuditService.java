package vn.hopso.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import vn.hopso.common.CurrentUser;
import vn.hopso.common.DomainEvent;
import vn.hopso.common.Limits;
import vn.hopso.common.Page;
import vn.hopso.common.PageRequest;
import vn.hopso.common.Texts;

/**
 * The audit log. Every audited action is one insert in the transaction of the change (so the entry
 * commits or rolls back with it) and takes no lock: hundreds of check-ins or ballots in the same
 * second, on several instances, do not queue behind one another. Tamper evidence comes from the
 * hash chain that the {@link AuditSealer} builds over committed entries within a second or two,
 * which {@link #verify()} walks.
 */
@ApplicationScoped
public class AuditService {
  @Inject Clock clock;
  @Inject CurrentUser current;
  @Inject AuditSealer sealer;

  /** Audits every domain event that names an action, as the caller who caused it. */
  void onEvent(@Observes DomainEvent event) {
    if (event.action() == null) {
      return;
    }
    if (event instanceof DomainEvent.Attributed a) {
      record(a.actor(), a.action(), a.target(), a.detail(), a.ip());
    } else {
      log(event.action(), event.target(), event.detail());
    }
  }

  /** Appends an entry for the signed-in caller (or "system") from the caller's address. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void log(String action, String target, String detail) {
    record(current.name(), action, target, detail, current.address());
  }

  /** Appends within the caller's transaction: the entry commits or rolls back with the change. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void record(String actor, String action, String target, String detail, String ip) {
    AuditEntry e = new AuditEntry();
    // Stored at microsecond precision by every database we use; hash what is stored.
    e.at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    e.actor = Texts.fit(actor, Limits.AUDIT_FIELD);
    e.action = Texts.fit(action, Limits.AUDIT_FIELD);
    e.target = Texts.fit(target, Limits.AUDIT_FIELD);
    e.detail = Texts.fit(detail, Limits.AUDIT_DETAIL);
    e.ip = Texts.fit(ip, Limits.AUDIT_FIELD);
    e.persist();
  }

  @Transactional
  public Page<AuditEntry> list(PageRequest paging) {
    var query = AuditEntry.find("order by id desc");
    List<AuditEntry> items = query.page(paging.page, paging.size).list();
    return new Page<>(items, query.count(), paging.page, paging.size);
  }

  /**
   * The chain's check. {@code reasonCode}: audit.entry-missing, audit.link-broken,
   * audit.entry-altered, audit.entries-missing-at-end or audit.head-mismatch; {@code reason} says
   * the same in English for the log.
   */
  public record Verification(
      boolean ok,
      long checked,
      Long firstBrokenSeq,
      String reasonCode,
      String reason,
      long awaitingSeal) {}

  /** Seals what has committed, then walks the whole chain and reports the first broken link. */
  public Verification verify() {
    sealer.sealAll();
    return sealer.verifyChain();
  }
}
