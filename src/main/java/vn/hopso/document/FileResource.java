package vn.hopso.document;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

/**
 * Bytes behind links HopSo signed (the local document folder, thumbnails). No sign-in: the token is
 * the authorization (bound to a person and a version, valid for minutes), so that a PDF reader or
 * an image tag can fetch it like any URL.
 */
@Path("/api/files/{token}")
@PermitAll
public class FileResource {
  @Inject FileService files;

  @GET
  @Produces({"application/pdf", "image/png", "application/octet-stream", "application/json"})
  public Response get(
      @PathParam("token") String token,
      @HeaderParam("Range") String range,
      @HeaderParam("If-Range") String ifRange) {
    return files.serve(token, range, ifRange);
  }
}
