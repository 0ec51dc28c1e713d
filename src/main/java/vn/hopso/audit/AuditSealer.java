package vn.hopso.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.logging.Logger;
import vn.hopso.common.Tokens;

/**
 * Builds the audit hash chain over committed entries, in batches, on one instance at a time (the
 * chain's head row is locked by the sealer only, never by audited writes). Each sealed entry gets
 * the next place in the chain and a hash over its place, its fields and the previous hash, so that
 * editing, deleting or reordering any sealed row breaks the chain at that row. Entries commit in
 * any order across transactions; an entry is sealed by the first run after it committed.
 */
@ApplicationScoped
public class AuditSealer {
  public static final String GENESIS = "0".repeat(64);
  private static final Logger LOG = Logger.getLogger(AuditSealer.class);
  private static final int BATCH = 500;
  private static final int VERIFY_BATCH = 1000;

  @Scheduled(
      every = "${hopso.audit.seal-interval:1s}",
      delayed = "2s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void tick() {
    try {
      sealAll();
    } catch (RuntimeException e) {
      LOG.warn("audit sealing failed; will retry", e);
    }
  }

  /** Seals every committed entry that is not sealed yet; answers how many were sealed. */
  public int sealAll() {
    int total = 0;
    while (true) {
      int sealed = QuarkusTransaction.requiringNew().call(this::sealBatch);
      total += sealed;
      if (sealed < BATCH) {
        return total;
      }
    }
  }

  private int sealBatch() {
    AuditHead head = AuditHead.findById(AuditHead.ID, LockModeType.PESSIMISTIC_WRITE);
    // Read after the lock: another sealer's run has committed by now and is not seen twice.
    List<AuditEntry> batch = AuditEntry.find("sealSeq is null order by id").page(0, BATCH).list();
    for (AuditEntry e : batch) {
      e.sealSeq = head.lastSeq + 1;
      e.prevHash = head.lastHash;
      e.hash = hash(e);
      head.lastSeq = e.sealSeq;
      head.lastHash = e.hash;
    }
    return batch.size();
  }

  /** Walks the sealed chain in order, in batches (each batch let go of once checked). */
  AuditService.Verification verifyChain() {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              String expectedPrev = GENESIS;
              long expectedSeq = 1;
              long checked = 0;
              while (true) {
                List<AuditEntry> batch =
                    AuditEntry.find("sealSeq >= ?1 order by sealSeq", expectedSeq)
                        .page(0, VERIFY_BATCH)
                        .list();
                if (batch.isEmpty()) {
                  break;
                }
                for (AuditEntry e : batch) {
                  checked++;
                  if (e.sealSeq != expectedSeq) {
                    return broken(checked, expectedSeq, "audit.entry-missing", "entry missing");
                  }
                  if (!expectedPrev.equals(e.prevHash)) {
                    return broken(
                        checked, e.sealSeq, "audit.link-broken", "link to previous entry broken");
                  }
                  if (!hash(e).equals(e.hash)) {
                    return broken(
                        checked,
                        e.sealSeq,
                        "audit.entry-altered",
                        "hash mismatch: entry was altered");
                  }
                  expectedPrev = e.hash;
                  expectedSeq++;
                }
                // read-only walk: checked entries need not stay in the persistence context
                AuditEntry.getEntityManager().clear();
              }
              AuditHead head = AuditHead.findById(AuditHead.ID);
              if (head.lastSeq != expectedSeq - 1) {
                return broken(
                    checked,
                    expectedSeq,
                    "audit.entries-missing-at-end",
                    "entries missing at the end");
              }
              if (!head.lastHash.equals(expectedPrev)) {
                return broken(
                    checked,
                    head.lastSeq,
                    "audit.head-mismatch",
                    "chain head does not match the last entry");
              }
              return new AuditService.Verification(true, checked, null, null, null, awaiting());
            });
  }

  private static AuditService.Verification broken(
      long checked, long seq, String code, String reason) {
    return new AuditService.Verification(false, checked, seq, code, reason, awaiting());
  }

  private static long awaiting() {
    return AuditEntry.count("sealSeq is null");
  }

  static String hash(AuditEntry e) {
    String canonical =
        String.join(
            "\u001f",
            e.prevHash,
            Long.toString(e.sealSeq),
            Long.toString(e.id),
            Long.toString(toMillis(e.at)),
            nz(e.actor),
            nz(e.action),
            nz(e.target),
            nz(e.detail),
            nz(e.ip));
    return Tokens.sha256(canonical);
  }

  private static long toMillis(Instant at) {
    return at.truncatedTo(ChronoUnit.MILLIS).toEpochMilli();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
