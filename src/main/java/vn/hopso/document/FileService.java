package vn.hopso.document;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.hopso.common.ApiException;
import vn.hopso.common.CommonMsg;
import vn.hopso.storage.DocumentStorage;

/**
 * Serves the bytes behind a link HopSo signed ({@link FileLinks}), with byte ranges, so that a
 * reader shows page 1 before the whole file has arrived. The token is the authorization: it names
 * the person and the version and expires within minutes.
 */
@ApplicationScoped
public class FileService {
  private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

  @Inject FileLinks links;
  @Inject DocumentStorage storage;

  record Target(String key, String fileName, String contentType, long size, String sha256) {}

  public Response serve(String token, String range, String ifRange) {
    FileLinks.Claims c =
        links.verify(token).orElseThrow(() -> ApiException.forbidden(DocumentMsg.LINK_INVALID));
    Target t = QuarkusTransaction.requiringNew().call(() -> target(c));
    if (t == null) {
      throw ApiException.forbidden(DocumentMsg.LINK_INVALID);
    }
    long size = t.size() >= 0 ? t.size() : storage.size(t.key()).orElse(0L);
    long start = 0;
    long end = size - 1;
    boolean partial = false;
    String etag = t.sha256() == null ? null : "\"" + t.sha256() + "\"";
    boolean rangeApplies = ifRange == null || ifRange.equals(etag);
    if (range != null && rangeApplies && !range.contains(",")) {
      Matcher m = RANGE.matcher(range.trim());
      if (m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty())) {
        try {
          if (m.group(1).isEmpty()) {
            long suffix = Long.parseLong(m.group(2));
            start = Math.max(0, size - suffix);
          } else {
            start = Long.parseLong(m.group(1));
            if (!m.group(2).isEmpty()) {
              end = Math.min(end, Long.parseLong(m.group(2)));
            }
          }
        } catch (NumberFormatException e) {
          throw unsatisfiable(size);
        }
        if (start >= size || start > end) {
          throw unsatisfiable(size);
        }
        partial = true;
      }
    }
    long length = end - start + 1;
    long from = start;
    StreamingOutput body =
        out -> {
          try (InputStream in =
              (from == 0 && length == size
                      ? storage.get(t.key())
                      : storage.get(t.key(), from, length))
                  .orElseThrow(() -> new java.io.IOException("missing object " + t.key()))) {
            in.transferTo(out);
          }
        };
    Response.ResponseBuilder r =
        Response.status(partial ? 206 : 200)
            .entity(body)
            .type(t.contentType())
            .header("Accept-Ranges", "bytes")
            .header("Content-Length", length)
            .header("Cache-Control", "private, max-age=300")
            .header("Content-Disposition", disposition(t.fileName(), c.attachment()));
    if (etag != null) {
      r.header("ETag", etag);
    }
    if (partial) {
      r.header("Content-Range", "bytes " + start + "-" + end + "/" + size);
    }
    return r.build();
  }

  private static ApiException unsatisfiable(long size) {
    return ApiException.of(
        416, CommonMsg.TITLE_HTTP, DocumentMsg.BAD_RANGE, ApiException.p("size", size));
  }

  public static String disposition(String fileName, boolean attachment) {
    String ascii = fileName.replaceAll("[^A-Za-z0-9._ -]", "_");
    return (attachment ? "attachment" : "inline")
        + "; filename=\""
        + ascii
        + "\"; filename*=UTF-8''"
        + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static Target target(FileLinks.Claims c) {
    DocumentVersion v = DocumentVersion.findById(c.versionId());
    if (v == null) {
      return null;
    }
    return switch (c.what()) {
      case PDF ->
          v.pdfKey == null
              ? null
              : new Target(
                  v.pdfKey,
                  LinkService.pdfName(v.fileName),
                  "application/pdf",
                  v.pdfSize,
                  v.pdfSha256);
      case ORIGINAL ->
          new Target(v.originalKey, v.fileName, v.contentType, v.originalSize, v.originalSha256);
      case COPY -> {
        DocumentCopy copy = DocumentCopy.findById(new DocumentCopy.Key(v.id, c.personId()));
        yield copy == null
            ? null
            : new Target(
                copy.objectKey,
                LinkService.pdfName(v.fileName),
                "application/pdf",
                copy.size,
                copy.sha256);
      }
      case THUMBNAIL ->
          v.thumbnailKey == null
              ? null
              : new Target(v.thumbnailKey, "trang-1.png", "image/png", -1, null);
    };
  }
}
