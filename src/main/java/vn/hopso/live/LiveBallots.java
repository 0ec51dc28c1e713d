package vn.hopso.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import vn.hopso.common.ApiException;
import vn.hopso.common.CommonMsg;
import vn.hopso.common.StrictInput;
import vn.hopso.vote.BallotDesk;
import vn.hopso.vote.PollMsg;
import vn.hopso.vote.PollViews.BallotAck;
import vn.hopso.vote.PollViews.BallotInput;

/**
 * Ballots sent on a meeting's live socket, the way tablets vote: the socket is signed in already,
 * so a ballot costs one small frame each way instead of an HTTP request with its sign-in check. The
 * ballot goes to the same {@link BallotDesk} as the API's, under the same input policy ({@link
 * StrictInput}) and the same rules; the answer comes once it is committed:
 *
 * <pre>
 * → {"type":"ballot","ref":"r1","pollId":12,"ballot":{"ballotId":"…","value":"YES"}}
 * → {"type":"ballot","ref":"r2","pollId":12,"ballots":[{…},{…}]}     (a proxy holder's, all or none)
 * ← {"type":"ballot.ack","ref":"r1","acks":[{"ballotId":"…","receipt":"…",…}]}
 * ← {"type":"ballot.refused","ref":"r1","problem":{…problem+json in the client's language…}}
 * </pre>
 *
 * A client that hears nothing (the socket dropped) sends the same ballot id again, here or to
 * {@code POST /api/polls/{id}/ballots}: it counts once and answers the same receipt.
 */
@ApplicationScoped
public class LiveBallots {
  /** Ballot messages one socket may have waiting for their commit; more are refused (429). */
  static final int MAX_IN_FLIGHT = 8;

  /** A reference the answer echoes: a short plain token. */
  private static final java.util.regex.Pattern REF =
      java.util.regex.Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  @Inject BallotDesk desk;
  @Inject StrictInput input;
  @Inject ObjectMapper json;

  /**
   * The message: exactly one of {@code ballot} and {@code ballots}. {@code type} is read by the
   * socket to route the message, and is named here so that the strict reader accepts it.
   */
  public record BallotMessage(
      @NotNull String type,
      @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:-]*") String ref,
      @NotNull Long pollId,
      @Valid BallotInput ballot,
      @Size(min = 1, max = 100) List<@NotNull @Valid BallotInput> ballots) {}

  void cast(LiveConnection c, JsonNode node) {
    String ref = ref(node);
    CompletableFuture<List<BallotAck>> done;
    try {
      if (c.meetingId == 0) {
        throw ApiException.conflict(PollMsg.NOT_OPEN); // the personal socket carries no ballots
      }
      BallotMessage m = input.read(node, BallotMessage.class);
      if (m.ballot() == null && m.ballots() == null) {
        throw ApiException.invalid("ballot", CommonMsg.REQUIRED);
      }
      if (m.ballot() != null && m.ballots() != null) {
        throw ApiException.invalid("ballots", CommonMsg.ONE_OF, "fields", "ballot, ballots");
      }
      if (c.ballotsInFlight.incrementAndGet() > MAX_IN_FLIGHT) {
        c.ballotsInFlight.decrementAndGet();
        throw ApiException.tooManyRequests(PollMsg.DESK_BUSY, 1);
      }
      BallotDesk.Caller caller = new BallotDesk.Caller(c.personId, c.ip, c.meetingId);
      done =
          m.ballot() != null
              ? desk.submit(caller, m.pollId(), m.ballot()).thenApply(List::of)
              : desk.submitAll(caller, m.pollId(), m.ballots());
    } catch (ApiException refused) {
      refuse(c, ref, refused);
      return;
    }
    // answered on the socket's own event loop: the desk's writer goes straight back to its queue
    done.whenCompleteAsync(
        (acks, failure) -> {
          c.ballotsInFlight.decrementAndGet();
          if (failure == null) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("type", "ballot.ack");
            out.put("ref", ref);
            out.put("acks", acks);
            c.send(write(out));
            return;
          }
          Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
          refuse(
              c,
              ref,
              cause instanceof ApiException api
                  ? api
                  : ApiException.internal(cause, "a ballot on a live socket failed"));
        },
        c.loop);
  }

  private void refuse(LiveConnection c, String ref, ApiException refused) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("type", "ballot.refused");
    out.put("ref", ref);
    out.put("problem", refused.toProblem(c.lang));
    c.send(write(out));
  }

  /** The client's reference, echoed only when it is a short plain token (else null). */
  private static String ref(JsonNode node) {
    JsonNode r = node.get("ref");
    return r != null && r.isTextual() && REF.matcher(r.asText()).matches() ? r.asText() : null;
  }

  private String write(Map<String, Object> out) {
    try {
      return json.writeValueAsString(out);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
