package vn.hopso.vote;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.LockModeType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import vn.hopso.agenda.AgendaItem;
import vn.hopso.common.ApiException;
import vn.hopso.common.Limits;
import vn.hopso.meeting.Meeting;

/** A poll of a meeting, usually on an agenda item; its rule, its state, and at close its result. */
@Entity
@Table(name = "poll")
public class Poll extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "poll_seq")
  @SequenceGenerator(name = "poll_seq", sequenceName = "poll_seq", allocationSize = 1)
  public Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "meeting_id")
  public Meeting meeting;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "agenda_item_id")
  public AgendaItem item;

  @Column(nullable = false, length = Limits.TITLE)
  public String title;

  @Column(length = Limits.DESCRIPTION)
  public String description;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public PollKind kind;

  public boolean analog;
  public boolean secret;

  @Column(name = "allow_change")
  public boolean allowChange;

  @Column(name = "duration_seconds")
  public Integer durationSeconds;

  public Integer seats;

  @Enumerated(EnumType.STRING)
  @Column(name = "election_style")
  public ElectionStyle electionStyle;

  @Enumerated(EnumType.STRING)
  @Column(name = "rule_base", nullable = false)
  public MajorityRule.Base ruleBase;

  @Enumerated(EnumType.STRING)
  @Column(name = "rule_threshold", nullable = false)
  public MajorityRule.Threshold ruleThreshold;

  @Column(name = "rule_numerator")
  public int ruleNumerator;

  @Column(name = "rule_denominator")
  public int ruleDenominator;

  @Column(name = "rule_strict")
  public boolean ruleStrict;

  @Enumerated(EnumType.STRING)
  @Column(name = "rule_tie", nullable = false)
  public MajorityRule.Tie ruleTie;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public PollState state = PollState.DRAFT;

  /** The receipts' HMAC key (base64), made at opening; never leaves the server. */
  @Column(name = "ballot_key", length = 64)
  public String ballotKey;

  @Column(name = "opened_at")
  public Instant openedAt;

  @Column(name = "closes_at")
  public Instant closesAt;

  @Column(name = "closed_at")
  public Instant closedAt;

  @Column(name = "closed_by")
  public String closedBy;

  @Column(name = "published_at")
  public Instant publishedAt;

  /**
   * Who was entitled, present and voted at the close, with their names: hundreds of kilobytes for a
   * council of 2,000. Read only by the list of voters after the close, so not loaded with the poll:
   * every tablet reads the meeting's polls, and decoding each closed poll's snapshot made that read
   * grow with the session's polls (bytecode enhancement loads it on first access).
   */
  @Basic(fetch = FetchType.LAZY)
  @Column(columnDefinition = "text")
  public String snapshot;

  @Column(columnDefinition = "text")
  public String result;

  @Column(name = "prev_hash", length = 64)
  public String prevHash;

  @Column(name = "record_hash", length = 64)
  public String recordHash;

  @Column(name = "created_by")
  public Long createdBy;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Version public long version;

  public MajorityRule rule() {
    return new MajorityRule(
        ruleBase, ruleThreshold, ruleNumerator, ruleDenominator, ruleStrict, ruleTie);
  }

  public void rule(MajorityRule r) {
    ruleBase = r.base();
    ruleThreshold = r.threshold();
    ruleNumerator = r.numerator();
    ruleDenominator = r.denominator();
    ruleStrict = r.strict();
    ruleTie = r.tie();
  }

  /** The poll, or 404. */
  public static Poll required(long id) {
    Poll p = findById(id);
    if (p == null) {
      throw ApiException.notFound(PollMsg.POLL, id);
    }
    return p;
  }

  /**
   * The poll with a lock: ballots take a shared one (many at once), closing and publishing an
   * exclusive one, so that a close waits for the ballots in flight and no ballot lands after it.
   * The poll must not have been read before in the transaction: Hibernate would only lock that
   * copy, and fail when another transaction changed the row meanwhile (refresh it with the lock).
   */
  public static Poll locked(long id, boolean exclusive) {
    Poll p =
        getEntityManager()
            .find(
                Poll.class,
                id,
                exclusive ? LockModeType.PESSIMISTIC_WRITE : LockModeType.PESSIMISTIC_READ);
    if (p == null) {
      throw ApiException.notFound(PollMsg.POLL, id);
    }
    return p;
  }
}
