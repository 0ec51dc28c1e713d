package vn.hopso.vote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.hopso.common.Lang;
import vn.hopso.vote.MajorityRule.Base;
import vn.hopso.vote.MajorityRule.Threshold;
import vn.hopso.vote.MajorityRule.Tie;
import vn.hopso.vote.PollViews.OptionResult;
import vn.hopso.vote.PollViews.OptionView;
import vn.hopso.vote.PollViews.PollResult;

/** The majority rules as a table: every case a council meets, decided by {@link Counting}. */
class CountingTest {

  /** A CUSTOM threshold is written "CUSTOM:3/5" (at least) or "CUSTOM:>3/5" (more than). */
  static MajorityRule rule(String base, String threshold, String tie) {
    if (threshold.startsWith("CUSTOM:")) {
      String f = threshold.substring(7);
      boolean strict = f.startsWith(">");
      String[] nd = f.replace(">", "").split("/");
      return new MajorityRule(
          Base.valueOf(base),
          Threshold.CUSTOM,
          Integer.parseInt(nd[0]),
          Integer.parseInt(nd[1]),
          strict,
          Tie.valueOf(tie));
    }
    return MajorityRule.of(Base.valueOf(base), Threshold.valueOf(threshold), Tie.valueOf(tie));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      # case                                            | base        | threshold        | tie           | members | present | yes | no | abstain | chair   | decision    | required | tie? | by chair
      more than half of all: 26 of 50                  | ALL_MEMBERS | MORE_THAN_HALF   | NOT_ADOPTED   | 50 | 40 | 26 | 10 | 4  |         | ADOPTED     | 26 | false | false
      exactly half of all is not more than half         | ALL_MEMBERS | MORE_THAN_HALF   | NOT_ADOPTED   | 50 | 40 | 25 | 10 | 5  |         | NOT_ADOPTED | 26 | false | false
      odd membership: 26 of 51                          | ALL_MEMBERS | MORE_THAN_HALF   | NOT_ADOPTED   | 51 | 51 | 26 | 25 | 0  |         | ADOPTED     | 26 | false | false
      absentees count against: 25 yes of 30 present     | ALL_MEMBERS | MORE_THAN_HALF   | NOT_ADOPTED   | 50 | 30 | 25 | 5  | 0  |         | NOT_ADOPTED | 26 | false | false
      two thirds of 45 is exactly 30                    | ALL_MEMBERS | TWO_THIRDS       | NOT_ADOPTED   | 45 | 45 | 30 | 15 | 0  |         | ADOPTED     | 30 | false | false
      two thirds of 45: 29 is short                     | ALL_MEMBERS | TWO_THIRDS       | NOT_ADOPTED   | 45 | 35 | 29 | 6  | 0  |         | NOT_ADOPTED | 30 | false | false
      two thirds of 46 rounds up to 31                  | ALL_MEMBERS | TWO_THIRDS       | NOT_ADOPTED   | 46 | 46 | 30 | 16 | 0  |         | NOT_ADOPTED | 31 | false | false
      two thirds of 46: 31                              | ALL_MEMBERS | TWO_THIRDS       | NOT_ADOPTED   | 46 | 46 | 31 | 15 | 0  |         | ADOPTED     | 31 | false | false
      two thirds of all with absentees: all present yes | ALL_MEMBERS | TWO_THIRDS       | NOT_ADOPTED   | 45 | 29 | 29 | 0  | 0  |         | NOT_ADOPTED | 30 | false | false
      three quarters of 40: 30                          | ALL_MEMBERS | THREE_QUARTERS   | NOT_ADOPTED   | 40 | 40 | 30 | 10 | 0  |         | ADOPTED     | 30 | false | false
      three quarters of 40: 29                          | ALL_MEMBERS | THREE_QUARTERS   | NOT_ADOPTED   | 40 | 40 | 29 | 11 | 0  |         | NOT_ADOPTED | 30 | false | false
      three quarters of 41 rounds up to 31              | ALL_MEMBERS | THREE_QUARTERS   | NOT_ADOPTED   | 41 | 41 | 30 | 0  | 11 |         | NOT_ADOPTED | 31 | false | false
      more than half of those present: 16 of 30         | PRESENT     | MORE_THAN_HALF   | NOT_ADOPTED   | 50 | 30 | 16 | 14 | 0  |         | ADOPTED     | 16 | false | false
      more than half of those present: 15 of 30         | PRESENT     | MORE_THAN_HALF   | NOT_ADOPTED   | 50 | 30 | 15 | 5  | 10 |         | NOT_ADOPTED | 16 | false | false
      two thirds of 9 present: 6                        | PRESENT     | TWO_THIRDS       | NOT_ADOPTED   | 12 | 9  | 6  | 3  | 0  |         | ADOPTED     | 6  | false | false
      abstentions count in votes cast                   | VOTES_CAST  | MORE_THAN_HALF   | NOT_ADOPTED   | 30 | 25 | 10 | 5  | 6  |         | NOT_ADOPTED | 11 | false | false
      abstentions do not count in yes-and-no            | YES_NO      | MORE_THAN_HALF   | NOT_ADOPTED   | 30 | 25 | 10 | 5  | 6  |         | ADOPTED     | 8  | false | false
      abstentions many but yes still over half cast     | VOTES_CAST  | MORE_THAN_HALF   | NOT_ADOPTED   | 30 | 25 | 11 | 0  | 10 |         | ADOPTED     | 11 | false | false
      everyone abstains: nothing is decided             | VOTES_CAST  | MORE_THAN_HALF   | NOT_ADOPTED   | 30 | 25 | 0  | 0  | 5  |         | NOT_ADOPTED | 3  | false | false
      everyone abstains under yes-and-no: base zero     | YES_NO      | MORE_THAN_HALF   | NOT_ADOPTED   | 30 | 25 | 0  | 0  | 5  |         | NOT_ADOPTED | 1  | false | false
      nobody voted                                      | ALL_MEMBERS | MORE_THAN_HALF   | CHAIR_DECIDES | 0  | 0  | 0  | 0  | 0  |         | NOT_ADOPTED | 1  | false | false
      tie not adopted                                   | YES_NO      | MORE_THAN_HALF   | NOT_ADOPTED   | 30 | 25 | 10 | 10 | 5  | YES     | NOT_ADOPTED | 11 | true  | false
      tie: the chair voted yes                          | YES_NO      | MORE_THAN_HALF   | CHAIR_DECIDES | 30 | 25 | 10 | 10 | 5  | YES     | ADOPTED     | 11 | true  | true
      tie: the chair voted no                           | YES_NO      | MORE_THAN_HALF   | CHAIR_DECIDES | 30 | 25 | 10 | 10 | 5  | NO      | NOT_ADOPTED | 11 | true  | true
      tie: the chair did not vote                       | YES_NO      | MORE_THAN_HALF   | CHAIR_DECIDES | 30 | 25 | 10 | 10 | 5  |         | NOT_ADOPTED | 11 | true  | false
      tie: the chair abstained                          | YES_NO      | MORE_THAN_HALF   | CHAIR_DECIDES | 30 | 25 | 10 | 10 | 5  | ABSTAIN | NOT_ADOPTED | 11 | true  | false
      tie with absentees, chair's side wins (the law)   | ALL_MEMBERS | MORE_THAN_HALF   | CHAIR_DECIDES | 10 | 8  | 4  | 4  | 0  | YES     | ADOPTED     | 6  | true  | true
      not a tie: chair's vote does not matter           | ALL_MEMBERS | MORE_THAN_HALF   | CHAIR_DECIDES | 10 | 10 | 5  | 4  | 1  | YES     | NOT_ADOPTED | 6  | false | false
      threshold reached: the tie rule is not asked      | YES_NO      | CUSTOM:1/2       | CHAIR_DECIDES | 30 | 30 | 10 | 10 | 0  | NO      | ADOPTED     | 10 | false | false
      custom at least 3/5 of 25 present: 15             | PRESENT     | CUSTOM:3/5       | NOT_ADOPTED   | 30 | 25 | 15 | 10 | 0  |         | ADOPTED     | 15 | false | false
      custom more than 3/5 of 25 present: 15 is short   | PRESENT     | CUSTOM:>3/5      | NOT_ADOPTED   | 30 | 25 | 15 | 10 | 0  |         | NOT_ADOPTED | 16 | false | false
      custom at least 1/3 of all                        | ALL_MEMBERS | CUSTOM:1/3       | NOT_ADOPTED   | 31 | 31 | 11 | 20 | 0  |         | ADOPTED     | 11 | false | false
      one member, one yes                               | ALL_MEMBERS | MORE_THAN_HALF   | NOT_ADOPTED   | 1  | 1  | 1  | 0  | 0  |         | ADOPTED     | 1  | false | false
      a large council: 251 of 500                       | ALL_MEMBERS | MORE_THAN_HALF   | NOT_ADOPTED   | 500| 480| 251| 200| 29 |         | ADOPTED     | 251| false | false
      """)
  void yesNo(
      String name,
      String base,
      String threshold,
      String tie,
      long members,
      long present,
      long yes,
      long no,
      long abstain,
      String chair,
      String decision,
      long required,
      boolean isTie,
      boolean byChair) {
    Tally t = new Tally(List.of());
    for (long i = 0; i < yes; i++) t.add(BallotChoice.of(YesNo.YES));
    for (long i = 0; i < no; i++) t.add(BallotChoice.of(YesNo.NO));
    for (long i = 0; i < abstain; i++) t.add(BallotChoice.of(YesNo.ABSTAIN));
    PollResult r =
        Counting.decide(
            new Counting.Question(PollKind.YES_NO, rule(base, threshold, tie), null, List.of()),
            members,
            present,
            t,
            chair == null ? null : YesNo.valueOf(chair),
            Lang.VI,
            Instant.EPOCH);
    assertEquals(PollViews.Decision.valueOf(decision), r.decision(), name);
    assertEquals(required, r.required(), name + ": required");
    assertEquals(isTie, r.tie(), name + ": tie");
    assertEquals(byChair, r.decidedByChair(), name + ": by the chair");
    assertEquals(yes + no + abstain, r.cast(), name + ": cast");
    assertEquals(
        decision.equals("ADOPTED") ? "Thông qua" : "Không thông qua", r.text(), name + ": text");
  }

  /**
   * Elections: votes per candidate (in order A, B, C…), the outcome per candidate (E elected, N not
   * elected, T tied for the last seat).
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      # case                                          | base        | threshold      | seats | members | present | ballots | votes          | outcomes
      one seat, a clear winner                        | ALL_MEMBERS | MORE_THAN_HALF | 1 | 50 | 45 | 45 | 30 15          | E N
      one seat, nobody reaches half of all            | ALL_MEMBERS | MORE_THAN_HALF | 1 | 50 | 50 | 50 | 25 25          | N N
      two seats, two tied at the last seat            | VOTES_CAST  | MORE_THAN_HALF | 2 | 50 | 40 | 40 | 30 25 25       | E T T
      two seats, the third short of the threshold     | VOTES_CAST  | MORE_THAN_HALF | 2 | 50 | 40 | 40 | 30 25 20       | E E N
      two seats, two level at the top fit              | VOTES_CAST  | MORE_THAN_HALF | 2 | 50 | 40 | 40 | 30 30 10       | E E N
      three seats, four level: all tied               | VOTES_CAST  | MORE_THAN_HALF | 3 | 50 | 40 | 40 | 30 30 30 30    | T T T T
      three seats, two tied for the third seat        | ALL_MEMBERS | MORE_THAN_HALF | 3 | 50 | 50 | 50 | 40 35 30 30 5  | E E T T N
      more passing than seats, no tie                 | ALL_MEMBERS | MORE_THAN_HALF | 2 | 50 | 50 | 50 | 40 35 30 5     | E E N N
      half of those present                           | PRESENT     | MORE_THAN_HALF | 2 | 50 | 30 | 30 | 16 15          | E N
      two thirds of all for each seat                 | ALL_MEMBERS | TWO_THIRDS     | 2 | 45 | 45 | 45 | 30 29 44       | E N E
      fewer elected than seats                        | ALL_MEMBERS | MORE_THAN_HALF | 3 | 50 | 50 | 50 | 40 20 10       | E N N
      a tie below the threshold does not matter      | ALL_MEMBERS | MORE_THAN_HALF | 1 | 50 | 50 | 50 | 30 10 10       | E N N
      every ballot blank                              | VOTES_CAST  | MORE_THAN_HALF | 1 | 10 | 10 | 10 | 0 0            | N N
      """)
  void election(
      String name,
      String base,
      String threshold,
      int seats,
      long members,
      long present,
      long ballots,
      String votes,
      String outcomes) {
    long[] v =
        java.util.Arrays.stream(votes.trim().split("\\s+")).mapToLong(Long::parseLong).toArray();
    List<OptionView> options = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < v.length; i++) {
      options.add(new OptionView(100 + i, "Ứng cử viên " + (char) ('A' + i), i));
      ids.add(100L + i);
    }
    Tally t = new Tally(ids);
    t.add(0, 0, 0, ballots, 0);
    for (int i = 0; i < v.length; i++) {
      t.addOption(100 + i, v[i], 0, 0, 0);
    }
    PollResult r =
        Counting.decide(
            new Counting.Question(
                PollKind.ELECTION, rule(base, threshold, "NOT_ADOPTED"), seats, options),
            members,
            present,
            t,
            null,
            Lang.VI,
            Instant.EPOCH);
    StringBuilder got = new StringBuilder();
    for (OptionResult o : r.options()) {
      got.append(got.length() > 0 ? " " : "")
          .append(
              switch (o.outcome()) {
                case ELECTED -> "E";
                case NOT_ELECTED -> "N";
                case TIED -> "T";
                default -> "?";
              });
    }
    assertEquals(outcomes.trim(), got.toString(), name);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      # case                                     | base        | threshold      | members | high | medium | low | low confidence
      low from more than half of all             | ALL_MEMBERS | MORE_THAN_HALF | 50 | 10 | 14 | 26 | true
      low from exactly half of all               | ALL_MEMBERS | MORE_THAN_HALF | 50 | 10 | 15 | 25 | false
      low from two thirds of all                 | ALL_MEMBERS | TWO_THIRDS     | 45 | 5  | 10 | 30 | true
      low one short of two thirds                | ALL_MEMBERS | TWO_THIRDS     | 45 | 6  | 10 | 29 | false
      low over half of the ballots cast          | VOTES_CAST  | MORE_THAN_HALF | 50 | 5  | 5  | 11 | true
      """)
  void confidence(
      String name,
      String base,
      String threshold,
      long members,
      long high,
      long medium,
      long low,
      boolean lowConfidence) {
    Tally t = new Tally(List.of(7L));
    for (long i = 0; i < high; i++) t.add(BallotChoice.rating(java.util.Map.of(7L, Rating.HIGH)));
    for (long i = 0; i < medium; i++)
      t.add(BallotChoice.rating(java.util.Map.of(7L, Rating.MEDIUM)));
    for (long i = 0; i < low; i++) t.add(BallotChoice.rating(java.util.Map.of(7L, Rating.LOW)));
    PollResult r =
        Counting.decide(
            new Counting.Question(
                PollKind.CONFIDENCE,
                rule(base, threshold, "NOT_ADOPTED"),
                null,
                List.of(new OptionView(7, "Trần Văn Bình", 0))),
            members,
            members,
            t,
            null,
            Lang.VI,
            Instant.EPOCH);
    OptionResult o = r.options().get(0);
    assertEquals(high, o.high(), name);
    assertEquals(low, o.low(), name);
    assertEquals(
        lowConfidence ? PollViews.Outcome.LOW_CONFIDENCE : PollViews.Outcome.CONFIDENCE,
        o.outcome(),
        name);
  }

  @Test
  void ballotChoicesHaveOneCanonicalText() {
    assertEquals("S:3,12", BallotChoice.selecting(List.of(12L, 3L, 12L)).encode());
    assertEquals("S:", BallotChoice.selecting(List.of()).encode());
    assertEquals(
        "R:2=LOW,10=HIGH",
        BallotChoice.rating(java.util.Map.of(10L, Rating.HIGH, 2L, Rating.LOW)).encode());
    for (String s : List.of("YES", "NO", "ABSTAIN", "S:3,12", "S:", "R:2=LOW,10=HIGH")) {
      assertEquals(s, BallotChoice.decode(s).encode());
    }
  }

  @Test
  void ruleTextsInBothLanguages() {
    // more than half of all voting members: the councils' usual rule
    MajorityRule usual =
        MajorityRule.of(Base.ALL_MEMBERS, Threshold.MORE_THAN_HALF, Tie.NOT_ADOPTED);
    assertEquals("Quá 1/2 tổng số đại biểu", usual.text(Lang.VI));
    assertEquals("More than 1/2 of all voting members", usual.text(Lang.EN));
    assertEquals(
        "Ít nhất 2/3 số đại biểu có mặt",
        MajorityRule.of(Base.PRESENT, Threshold.TWO_THIRDS, Tie.NOT_ADOPTED).text(Lang.VI));
  }

  @Test
  void receiptsAreStableReadableAndKeyed() {
    java.util.UUID id = java.util.UUID.randomUUID();
    String key = Receipts.newKey();
    String r = Receipts.receipt(key, id);
    assertEquals(r, Receipts.receipt(key, id));
    assertEquals(12, r.length());
    assertEquals(true, r.matches("[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}"), r);
    assertEquals(false, r.equals(Receipts.receipt(Receipts.newKey(), id)));
  }
}
