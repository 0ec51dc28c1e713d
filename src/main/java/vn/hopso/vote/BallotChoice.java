package vn.hopso.vote;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one ballot records, in one canonical text form (stored, published with its receipt, and
 * hashed into the meeting's record): {@code YES}, {@code S:31,32} (the candidates a ballot keeps,
 * ascending), {@code R:31=HIGH,32=LOW} (each person's rating, by ascending id).
 */
public record BallotChoice(YesNo value, List<Long> selected, Map<Long, Rating> ratings) {

  public static BallotChoice of(YesNo value) {
    return new BallotChoice(value, null, null);
  }

  public static BallotChoice selecting(List<Long> ids) {
    return new BallotChoice(null, List.copyOf(new TreeSet<>(ids)), null);
  }

  public static BallotChoice rating(Map<Long, Rating> ratings) {
    return new BallotChoice(null, null, Map.copyOf(ratings));
  }

  public String encode() {
    if (value != null) {
      return value.name();
    }
    StringBuilder b = new StringBuilder();
    if (selected != null) {
      b.append("S:");
      new TreeSet<>(selected).forEach(id -> b.append(b.length() > 2 ? "," : "").append(id));
      return b.toString();
    }
    b.append("R:");
    new TreeMap<>(ratings)
        .forEach((id, r) -> b.append(b.length() > 2 ? "," : "").append(id).append('=').append(r));
    return b.toString();
  }

  public static BallotChoice decode(String text) {
    if (text.startsWith("S:")) {
      List<Long> ids = new ArrayList<>();
      for (String id : text.substring(2).split(",")) {
        if (!id.isEmpty()) {
          ids.add(Long.parseLong(id));
        }
      }
      return new BallotChoice(null, List.copyOf(ids), null);
    }
    if (text.startsWith("R:")) {
      Map<Long, Rating> ratings = new TreeMap<>();
      for (String pair : text.substring(2).split(",")) {
        if (!pair.isEmpty()) {
          int eq = pair.indexOf('=');
          ratings.put(
              Long.parseLong(pair.substring(0, eq)), Rating.valueOf(pair.substring(eq + 1)));
        }
      }
      return new BallotChoice(null, null, Map.copyOf(ratings));
    }
    return of(YesNo.valueOf(text));
  }
}
