package vn.hopso.vote;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.hopso.common.Lang;
import vn.hopso.vote.PollViews.Decision;
import vn.hopso.vote.PollViews.OptionResult;
import vn.hopso.vote.PollViews.OptionView;
import vn.hopso.vote.PollViews.Outcome;
import vn.hopso.vote.PollViews.PollResult;
import vn.hopso.vote.PollViews.RuleView;

/**
 * Decides a poll from its figures: the one place of the majority rules. Pure (no database), so that
 * every case of the rules is tested as a table ({@code CountingTest}).
 *
 * <ul>
 *   <li>Yes/no: adopted when the yes votes reach the rule's share of its base. When they do not and
 *       yes equals no (a tie, at least one vote each), a CHAIR_DECIDES rule adopts it if the chair
 *       voted yes (the side of the chair wins; as the law says of people's committees, even when
 *       absentees leave that side short of the base); otherwise not adopted.
 *   <li>Election: a candidate's votes are the ballots keeping them. Candidates reaching the rule's
 *       share (of members, present, or valid ballots: YES_NO means valid ballots here) are ranked;
 *       the first {@code seats} are elected. Candidates tied across the last seat are TIED:
 *       electing them all would exceed the seats, so another round decides (none is elected by lot
 *       or by order).
 *   <li>Confidence: a person whose "low" ratings reach the rule's share has LOW_CONFIDENCE.
 * </ul>
 */
public final class Counting {
  private Counting() {}

  /** The poll's parameters that counting needs. */
  public record Question(
      PollKind kind, MajorityRule rule, Integer seats, List<OptionView> options) {}

  /**
   * @param members participants with a voting right at close
   * @param present of them, present at close (in person or through a present proxy holder)
   * @param chair the chair's own yes/no/abstain in a named poll (null: did not vote, or secret)
   */
  public static PollResult decide(
      Question q, long members, long present, Tally t, YesNo chair, Lang lang, Instant at) {
    MajorityRule rule = q.rule();
    long cast = t.ballots();
    long yesNo = t.yes() + t.no();
    long base =
        switch (rule.base()) {
          case ALL_MEMBERS -> members;
          case PRESENT -> present;
          case VOTES_CAST -> cast;
          case YES_NO -> q.kind() == PollKind.YES_NO ? yesNo : cast;
        };
    long required = rule.required(base);
    Decision decision = null;
    boolean tie = false;
    boolean byChair = false;
    List<OptionResult> options = new ArrayList<>();
    switch (q.kind()) {
      case YES_NO -> {
        if (rule.reached(t.yes(), base)) {
          decision = Decision.ADOPTED;
        } else {
          tie = t.yes() == t.no() && t.yes() > 0;
          if (tie && rule.tie() == MajorityRule.Tie.CHAIR_DECIDES && chair != null) {
            byChair = chair != YesNo.ABSTAIN;
            decision = chair == YesNo.YES ? Decision.ADOPTED : Decision.NOT_ADOPTED;
          } else {
            decision = Decision.NOT_ADOPTED;
          }
        }
      }
      case ELECTION -> options = elect(q, t, base, cast);
      case CONFIDENCE -> {
        for (OptionView o : q.options()) {
          long[] c = t.counts(o.id());
          options.add(
              new OptionResult(
                  o.id(),
                  o.label(),
                  0,
                  0,
                  c[1],
                  c[2],
                  c[3],
                  rule.reached(c[3], base) ? Outcome.LOW_CONFIDENCE : Outcome.CONFIDENCE));
        }
      }
    }
    return new PollResult(
        view(rule, lang),
        members,
        present,
        cast + t.invalid(),
        cast,
        t.invalid(),
        t.yes(),
        t.no(),
        t.abstain(),
        base,
        required,
        decision,
        tie,
        byChair,
        options,
        text(q.kind(), decision, options, lang),
        at);
  }

  private static List<OptionResult> elect(Question q, Tally t, long base, long valid) {
    MajorityRule rule = q.rule();
    int seats = q.seats() == null ? 1 : q.seats();
    Map<Long, Long> votes = new HashMap<>();
    q.options().forEach(o -> votes.put(o.id(), t.counts(o.id())[0]));
    List<Long> passing =
        q.options().stream()
            .map(OptionView::id)
            .filter(id -> rule.reached(votes.get(id), base))
            .sorted(Comparator.comparingLong((Long id) -> -votes.get(id)))
            .toList();
    // the votes of the candidate on the last seat: those above it are in, those level with it
    // only if all of them fit
    long cut = passing.size() > seats ? votes.get(passing.get(seats - 1)) : -1;
    long above = passing.stream().filter(id -> votes.get(id) > cut).count();
    long level = passing.stream().filter(id -> votes.get(id) == cut).count();
    List<OptionResult> out = new ArrayList<>();
    for (OptionView o : q.options()) {
      long v = votes.get(o.id());
      Outcome outcome;
      if (!passing.contains(o.id()) || v < cut) {
        outcome = Outcome.NOT_ELECTED;
      } else if (v > cut) {
        outcome = Outcome.ELECTED; // also every passing candidate when they fit the seats
      } else {
        outcome = above + level <= seats ? Outcome.ELECTED : Outcome.TIED;
      }
      out.add(new OptionResult(o.id(), o.label(), v, valid - v, 0, 0, 0, outcome));
    }
    return out;
  }

  public static RuleView view(MajorityRule r, Lang lang) {
    return new RuleView(
        r.base(), r.threshold(), r.numerator(), r.denominator(), r.strict(), r.tie(), r.text(lang));
  }

  static String text(PollKind kind, Decision d, List<OptionResult> options, Lang lang) {
    boolean vi = lang != Lang.EN;
    return switch (kind) {
      case YES_NO ->
          d == Decision.ADOPTED
              ? (vi ? "Thông qua" : "Adopted")
              : (vi ? "Không thông qua" : "Not adopted");
      case ELECTION -> {
        long elected = options.stream().filter(o -> o.outcome() == Outcome.ELECTED).count();
        long tied = options.stream().filter(o -> o.outcome() == Outcome.TIED).count();
        String s = vi ? elected + " người trúng cử" : elected + " elected";
        if (tied > 0) {
          s +=
              vi
                  ? "; " + tied + " người bằng phiếu, cần bầu lại"
                  : "; " + tied + " tied, another round needed";
        }
        yield s;
      }
      case CONFIDENCE -> {
        long low = options.stream().filter(o -> o.outcome() == Outcome.LOW_CONFIDENCE).count();
        yield vi
            ? low + " người có số phiếu tín nhiệm thấp đạt ngưỡng"
            : low + " with low confidence at the threshold";
      }
    };
  }
}
