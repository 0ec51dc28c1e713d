package vn.hopso.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import vn.hopso.common.ApiException;
import vn.hopso.common.CommonMsg;
import vn.hopso.common.Limits;
import vn.hopso.common.ProblemMappers;
import vn.hopso.storage.DocumentStorage;

/**
 * Turns an uploaded body into stored objects, outside any transaction: the bytes stream to a spool
 * file while they are hashed and counted (never held in memory as a whole), the file's kind is read
 * from its first bytes (not from what the browser claims), Office files are converted to PDF,
 * images are put on PDF pages, the PDF is inspected (pages, page hashes, a thumbnail of page 1),
 * and everything is stored. The caller records the result in its own transaction and calls {@link
 * #discard} when that fails, so nothing stored is left without its row.
 */
@ApplicationScoped
public class Ingest {
  private static final Logger LOG = Logger.getLogger(Ingest.class);

  @Inject DocumentStorage storage;
  @Inject OfficeConverter office;
  @Inject DocumentConfig config;

  /**
   * What an upload may declare as its Content-Type (one list for both upload operations; the kind
   * is read from the bytes whatever it says).
   */
  public static final String UPLOAD_TYPES =
      "application/pdf, application/octet-stream, image/jpeg, image/png,"
          + " application/msword, application/vnd.ms-excel, application/vnd.ms-powerpoint,"
          + " application/vnd.openxmlformats-officedocument.wordprocessingml.document,"
          + " application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,"
          + " application/vnd.openxmlformats-officedocument.presentationml.presentation,"
          + " application/vnd.oasis.opendocument.text,"
          + " application/vnd.oasis.opendocument.spreadsheet,"
          + " application/vnd.oasis.opendocument.presentation";

  /** What a file is, from its first bytes. */
  enum Kind {
    PDF("application/pdf", "pdf"),
    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png"),
    /** Word, Excel, PowerPoint, OpenDocument: by extension and first bytes (OfficeConverter). */
    OFFICE(null, null);

    final String type;
    final String ext;

    Kind(String type, String ext) {
      this.type = type;
      this.ext = ext;
    }
  }

  /** The stored objects of one version and what was learnt of it. */
  public record Result(
      String fileName,
      String contentType,
      String originalKey,
      long size,
      String sha256,
      String pdfKey,
      Long pdfSize,
      String pdfSha256,
      Integer pages,
      List<String> pageHashes,
      String thumbnailKey,
      Conversion conversion) {
    List<String> keys() {
      List<String> keys = new ArrayList<>();
      keys.add(originalKey);
      if (pdfKey != null && !pdfKey.equals(originalKey)) {
        keys.add(pdfKey);
      }
      if (thumbnailKey != null) {
        keys.add(thumbnailKey);
      }
      return keys;
    }
  }

  public boolean officeConversion() {
    return office.available();
  }

  public Result ingest(long meetingId, String fileName, InputStream body) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory(workDir(), "upload-");
      Path original = dir.resolve("original");
      long max = config.maxUploadSize().asLongValue();
      String sha256;
      long size;
      MessageDigest sha = sha256();
      try (InputStream in = new DigestInputStream(body, sha);
          OutputStream out = Files.newOutputStream(original)) {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
          total += n;
          if (total > max) {
            throw ApiException.ofField(
                413,
                CommonMsg.TITLE_TOO_LARGE,
                "file",
                DocumentMsg.FILE_TOO_LARGE,
                "max",
                ProblemMappers.sizeText(max));
          }
          out.write(buffer, 0, n);
        }
        size = total;
      }
      if (size == 0) {
        throw ApiException.invalid("file", DocumentMsg.EMPTY_FILE);
      }
      sha256 = HexFormat.of().formatHex(sha.digest());
      Kind kind = sniff(original, fileName);
      String prefix = "meetings/" + meetingId + "/" + UUID.randomUUID() + "/";
      String ext = extension(fileName, kind);
      String contentType = contentType(kind, ext);
      String originalKey = prefix + "original." + ext;

      Path pdf = null;
      Conversion conversion;
      switch (kind) {
        case PDF -> {
          pdf = original;
          conversion = Conversion.NOT_NEEDED;
        }
        case JPEG, PNG -> {
          pdf = dir.resolve("document.pdf");
          try {
            PdfTools.imagesToPdf(List.of(original), pdf);
          } catch (PdfException e) {
            throw ApiException.invalid("file", DocumentMsg.BAD_IMAGE);
          }
          conversion = Conversion.CONVERTED;
        }
        default -> {
          if (!office.available()) {
            conversion = Conversion.UNAVAILABLE;
          } else {
            Path named = dir.resolve("upload." + ext);
            Files.move(original, named);
            original = named;
            try {
              pdf = office.convert(named, dir);
              conversion = Conversion.CONVERTED;
            } catch (ConversionException e) {
              LOG.warnf("conversion of %s failed: %s", fileName, e.getMessage());
              conversion = Conversion.FAILED;
            }
          }
        }
      }

      Integer pages = null;
      List<String> pageHashes = null;
      String pdfKey = null;
      Long pdfSize = null;
      String pdfSha = null;
      String thumbKey = null;
      List<String> stored = new ArrayList<>();
      try {
        if (pdf != null) {
          PdfTools.Inspection info;
          try {
            info = PdfTools.inspect(pdf);
          } catch (PdfException e) {
            if (kind != Kind.PDF) {
              // a conversion that gave a broken PDF: readers get the original
              LOG.warnf("the PDF made from %s cannot be read: %s", fileName, e.getMessage());
              info = null;
              conversion = Conversion.FAILED;
              pdf = null;
            } else {
              throw ApiException.invalid(
                  "file",
                  e.reason() == PdfException.Reason.ENCRYPTED
                      ? DocumentMsg.ENCRYPTED_PDF
                      : DocumentMsg.BAD_PDF);
            }
          }
          if (info != null) {
            pages = info.pages();
            pageHashes = info.pageHashes();
            if (pdf.equals(original)) {
              pdfKey = originalKey;
              pdfSize = size;
              pdfSha = sha256;
            } else {
              pdfKey = prefix + "document.pdf";
              pdfSize = Files.size(pdf);
              pdfSha = hash(pdf);
              storage.put(pdfKey, pdf, "application/pdf");
              stored.add(pdfKey);
            }
            if (info.thumbnailPng() != null) {
              thumbKey = prefix + "thumbnail.png";
              storage.put(
                  thumbKey,
                  new java.io.ByteArrayInputStream(info.thumbnailPng()),
                  info.thumbnailPng().length,
                  "image/png");
              stored.add(thumbKey);
            }
          }
        }
        storage.put(originalKey, original, contentType);
        stored.add(originalKey);
      } catch (RuntimeException | IOException e) {
        stored.forEach(this::deleteQuietly);
        throw e;
      }
      return new Result(
          cleanName(fileName),
          contentType,
          originalKey,
          size,
          sha256,
          pdfKey,
          pdfSize,
          pdfSha,
          pages,
          pageHashes,
          thumbKey,
          conversion);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (dir != null) {
        deleteTree(dir);
      }
    }
  }

  /** Removes what {@link #ingest} stored (its row could not be written). */
  public void discard(Result r) {
    r.keys().forEach(this::deleteQuietly);
  }

  private void deleteQuietly(String key) {
    try {
      storage.delete(key);
    } catch (RuntimeException e) {
      LOG.warnf("could not remove %s after a failed upload: %s", key, e.getMessage());
    }
  }

  static Kind sniff(Path file, String fileName) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(8);
    }
    if (starts(head, '%', 'P', 'D', 'F')) {
      return Kind.PDF;
    }
    if (starts(head, 0xFF, 0xD8, 0xFF)) {
      return Kind.JPEG;
    }
    if (starts(head, 0x89, 'P', 'N', 'G')) {
      return Kind.PNG;
    }
    if (OfficeConverter.plausible(file, OfficeConverter.extension(fileName))) {
      return Kind.OFFICE;
    }
    throw ApiException.ofField(
        415, CommonMsg.TITLE_UNSUPPORTED_MEDIA, "file", DocumentMsg.UNSUPPORTED_FILE);
  }

  private static boolean starts(byte[] head, int... expected) {
    if (head.length < expected.length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if ((head[i] & 0xff) != expected[i]) {
        return false;
      }
    }
    return true;
  }

  private static String extension(String fileName, Kind kind) {
    return kind.ext != null ? kind.ext : OfficeConverter.extension(fileName);
  }

  static String contentType(Kind kind, String ext) {
    if (kind.type != null) {
      return kind.type;
    }
    return switch (ext) {
      case "docx" -> "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
      case "xlsx" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
      case "pptx" -> "application/vnd.openxmlformats-officedocument.presentationml.presentation";
      case "odt" -> "application/vnd.oasis.opendocument.text";
      case "ods" -> "application/vnd.oasis.opendocument.spreadsheet";
      case "odp" -> "application/vnd.oasis.opendocument.presentation";
      case "doc" -> "application/msword";
      case "xls" -> "application/vnd.ms-excel";
      case "ppt" -> "application/vnd.ms-powerpoint";
      default -> "application/octet-stream";
    };
  }

  /** The file's own name without any folder a browser may have put before it. */
  static String cleanName(String fileName) {
    String name = fileName.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).strip();
    name = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFC);
    return vn.hopso.common.Texts.cut(name.isEmpty() ? "tai-lieu" : name, Limits.NAME);
  }

  static String hash(Path file) throws IOException {
    MessageDigest sha = sha256();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  Path workDir() throws IOException {
    Path dir =
        config
            .workDir()
            .map(Path::of)
            .orElse(Path.of(System.getProperty("java.io.tmpdir"), "hopso-uploads"));
    Files.createDirectories(dir);
    return dir;
  }

  static void deleteTree(Path dir) {
    try (var walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  // a leftover temp file; the OS cleans its temp folder
                }
              });
    } catch (IOException e) {
      // as above
    }
  }
}
