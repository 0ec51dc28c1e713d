package vn.hopso.vote;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of a poll: counted from its ballots' choices, or summed from analog entries. Mutable
 * while counting; {@link Counting} decides from it.
 */
public final class Tally {
  long yes;
  long no;
  long abstain;

  /** Valid ballots (every electronic ballot is valid: an invalid one is refused on entry). */
  long ballots;

  /** Invalid ballots reported for an analog poll. */
  long invalid;

  /** Per option: votes (kept by a ballot), high, medium, low. */
  final Map<Long, long[]> options = new LinkedHashMap<>();

  public Tally(List<Long> optionIds) {
    optionIds.forEach(id -> options.put(id, new long[4]));
  }

  /** Counts one ballot. */
  public void add(BallotChoice c) {
    ballots++;
    if (c.value() != null) {
      switch (c.value()) {
        case YES -> yes++;
        case NO -> no++;
        case ABSTAIN -> abstain++;
      }
    } else if (c.selected() != null) {
      c.selected().forEach(id -> option(id)[0]++);
    } else {
      c.ratings()
          .forEach(
              (id, r) ->
                  option(id)[
                      switch (r) {
                        case HIGH -> 1;
                        case MEDIUM -> 2;
                        case LOW -> 3;
                      }]++);
    }
  }

  /** Adds an analog entry's figures. */
  public void add(long yes, long no, long abstain, long ballots, long invalid) {
    this.yes += yes;
    this.no += no;
    this.abstain += abstain;
    this.ballots += ballots;
    this.invalid += invalid;
  }

  public void addOption(long id, long votes, long high, long medium, long low) {
    long[] o = option(id);
    o[0] += votes;
    o[1] += high;
    o[2] += medium;
    o[3] += low;
  }

  private long[] option(long id) {
    long[] o = options.get(id);
    if (o == null) {
      throw new IllegalArgumentException("no option " + id);
    }
    return o;
  }

  public long yes() {
    return yes;
  }

  public long no() {
    return no;
  }

  public long abstain() {
    return abstain;
  }

  public long ballots() {
    return ballots;
  }

  public long invalid() {
    return invalid;
  }

  /** One option's figures: votes (ballots keeping it), high, medium, low. */
  public long[] counts(long id) {
    return option(id).clone();
  }
}
