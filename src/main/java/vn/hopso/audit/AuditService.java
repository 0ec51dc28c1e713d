package vn.hopso.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import vn.hopso.auth.CurrentUser;
import vn.hopso.common.Page;
import vn.hopso.common.PageRequest;

/**
 * The hash-chained audit log. Each entry's hash covers its own fields and the hash of the entry
 * before it, so editing or deleting a row breaks the chain at that row, which {@link #verify()}
 * reports.
 */
@ApplicationScoped
public class AuditService {
  public static final String GENESIS = "0".repeat(64);
  private static final int VERIFY_BATCH = 1000;

  @Inject Clock clock;
  @Inject CurrentUser current;

  /** Appends an entry for the signed-in caller (or "system") from the caller's address. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void log(String action, String target, String detail) {
    record(current.name(), action, target, detail, current.address());
  }

  /** Appends within the caller's transaction: the entry commits or rolls back with the change. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void record(String actor, String action, String target, String detail, String ip) {
    AuditHead head = AuditHead.findById(AuditHead.ID, LockModeType.PESSIMISTIC_WRITE);
    AuditEntry e = new AuditEntry();
    e.id = head.lastId + 1;
    // Stored at microsecond precision by every database we use; hash what is stored.
    e.at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    e.actor = truncate(actor, 255);
    e.action = truncate(action, 255);
    e.target = truncate(target, 255);
    e.detail = truncate(detail, 2000);
    e.ip = truncate(ip, 255);
    e.prevHash = head.lastHash;
    e.hash = hash(e);
    e.persist();
    head.lastId = e.id;
    head.lastHash = e.hash;
  }

  @Transactional
  public Page<AuditEntry> list(PageRequest paging) {
    var query = AuditEntry.find("order by id desc");
    List<AuditEntry> items = query.page(paging.page, paging.size).list();
    return new Page<>(items, query.count(), paging.page, paging.size);
  }

  public record Verification(boolean ok, long checked, Long firstBrokenId, String reason) {}

  /** Walks the whole chain in id order, in batches, and reports the first broken link. */
  @Transactional
  public Verification verify() {
    String expectedPrev = GENESIS;
    long expectedId = 1;
    long checked = 0;
    while (true) {
      List<AuditEntry> batch =
          AuditEntry.find("id >= ?1 order by id", expectedId).page(0, VERIFY_BATCH).list();
      if (batch.isEmpty()) {
        break;
      }
      for (AuditEntry e : batch) {
        checked++;
        if (e.id != expectedId) {
          return new Verification(false, checked, expectedId, "entry missing");
        }
        if (!e.prevHash.equals(expectedPrev)) {
          return new Verification(false, checked, e.id, "link to previous entry broken");
        }
        if (!e.hash.equals(hash(e))) {
          return new Verification(false, checked, e.id, "hash mismatch: entry was altered");
        }
        expectedPrev = e.hash;
        expectedId++;
      }
    }
    AuditHead head = AuditHead.findById(AuditHead.ID);
    if (head != null && head.lastId != expectedId - 1) {
      return new Verification(false, checked, expectedId, "entries missing at the end");
    }
    return new Verification(true, checked, null, null);
  }

  static String hash(AuditEntry e) {
    String canonical =
        String.join(
            "\u001f",
            e.prevHash,
            Long.toString(e.id),
            Long.toString(toMillis(e.at)),
            nz(e.actor),
            nz(e.action),
            nz(e.target),
            nz(e.detail),
            nz(e.ip));
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException(ex);
    }
  }

  private static long toMillis(Instant at) {
    return at.truncatedTo(ChronoUnit.MILLIS).toEpochMilli();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
