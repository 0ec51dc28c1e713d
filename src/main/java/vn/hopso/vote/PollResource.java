package vn.hopso.vote;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import vn.hopso.common.ApiException;
import vn.hopso.common.CommonMsg;
import vn.hopso.common.CurrentUser;
import vn.hopso.vote.PollViews.BallotAck;
import vn.hopso.vote.PollViews.BallotBatch;
import vn.hopso.vote.PollViews.BallotInput;
import vn.hopso.vote.PollViews.CountInput;
import vn.hopso.vote.PollViews.PollInput;
import vn.hopso.vote.PollViews.PollView;
import vn.hopso.vote.PollViews.ReceiptList;
import vn.hopso.vote.PollViews.Voters;

/** One poll: its life (open, close, publish), ballots, analog figures, receipts and voters. */
@Path("/api/polls/{pollId}")
@RolesAllowed("**")
public class PollResource {
  @Inject PollService polls;
  @Inject BallotDesk desk;
  @Inject CurrentUser current;

  /** The poll; its result once published (to managers and the chair once closed). */
  @GET
  public PollView get(@PathParam("pollId") long pollId) {
    return polls.get(pollId);
  }

  /** A draft's new content ({@code version} from the draft guards against a lost update). */
  @PUT
  public PollView update(@PathParam("pollId") long pollId, @Valid @NotNull PollInput body) {
    return polls.update(pollId, body);
  }

  @DELETE
  public void delete(@PathParam("pollId") long pollId) {
    polls.delete(pollId);
  }

  @POST
  @Path("/open")
  public PollView open(@PathParam("pollId") long pollId) {
    return polls.open(pollId);
  }

  @POST
  @Path("/close")
  public PollView close(@PathParam("pollId") long pollId) {
    polls.close(pollId); // committed here: the event is on its way before the answer is made
    return polls.get(pollId);
  }

  @POST
  @Path("/publish")
  public PollView publish(@PathParam("pollId") long pollId) {
    polls.publish(pollId);
    return polls.get(pollId);
  }

  /**
   * Casts one ballot; the answer comes once it is committed. Sent again with the same {@code
   * ballotId}, it answers the same receipt and counts once.
   */
  @POST
  @Path("/ballots")
  public BallotAck cast(@PathParam("pollId") long pollId, @Valid @NotNull BallotInput body) {
    return desk.await(desk.submit(caller(), pollId, body));
  }

  /** A proxy holder's ballots at once (each principal's separately, with its own receipt). */
  @POST
  @Path("/ballots/batch")
  public List<BallotAck> castAll(
      @PathParam("pollId") long pollId, @Valid @NotNull BallotBatch body) {
    return desk.await(desk.submitAll(caller(), pollId, body.ballots()));
  }

  /** Figures of a show of hands or paper ballots, from the hall or one room. */
  @PUT
  @Path("/counts")
  public PollView counts(@PathParam("pollId") long pollId, @Valid @NotNull CountInput body) {
    return polls.enterCounts(pollId, body);
  }

  /** The published list: every receipt with its choice, the tally recounted from it. */
  @GET
  @Path("/receipts")
  public ReceiptList receipts(@PathParam("pollId") long pollId) {
    return polls.receipts(pollId);
  }

  /** Who may vote and who has (managers and the chair). */
  @GET
  @Path("/voters")
  public Voters voters(@PathParam("pollId") long pollId) {
    return polls.voters(pollId);
  }

  private BallotDesk.Caller caller() {
    Long me = current.personId();
    if (me == null) {
      throw ApiException.unauthorized(CommonMsg.UNAUTHORIZED);
    }
    return new BallotDesk.Caller(me, current.address(), 0);
  }
}
