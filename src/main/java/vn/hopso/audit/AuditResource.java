package vn.hopso.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.time.Instant;
import vn.hopso.common.Page;
import vn.hopso.common.PageRequest;
import vn.hopso.common.Role;

@Path("/api/audit")
@RolesAllowed(Role.Names.ADMIN)
public class AuditResource {
  @Inject AuditService audit;

  /** {@code seq}: the entry's place in the sealed chain, null for a second or two after it. */
  public record AuditView(
      long id,
      Long seq,
      Instant at,
      String actor,
      String action,
      String target,
      String detail,
      String ip) {
    static AuditView of(AuditEntry e) {
      return new AuditView(e.id, e.sealSeq, e.at, e.actor, e.action, e.target, e.detail, e.ip);
    }
  }

  @GET
  public Page<AuditView> list(@Valid @BeanParam PageRequest paging) {
    return audit.list(paging).map(AuditView::of);
  }

  @GET
  @Path("/verify")
  public AuditService.Verification verify() {
    return audit.verify();
  }
}
