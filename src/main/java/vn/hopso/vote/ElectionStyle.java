package vn.hopso.vote;

/**
 * How an election's ballot is shown: ticking up to N names, or striking names as on a Vietnamese
 * paper ballot. Both count the same way: a candidate's votes are the ballots that keep them.
 */
public enum ElectionStyle {
  CHOOSE,
  STRIKE
}
