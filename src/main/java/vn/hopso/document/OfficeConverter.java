package vn.hopso.document;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Converts office documents (DOCX, DOC, ODT, XLSX, XLS, ODS, PPTX, PPT, ODP) to PDF with
 * LibreOffice run headless, one conversion at a time per process.
 *
 * <p>Each conversion works in a private temporary folder: the document is copied there under an
 * ASCII name (LibreOffice and some file systems mishandle Vietnamese file names), LibreOffice runs
 * with a private user profile ({@code -env:UserInstallation}) so it never touches a person's
 * profile and never collides with a LibreOffice already running on the machine, and the folder is
 * deleted afterwards. The profile is kept between conversions (the first conversion creates it,
 * which takes a few seconds) and thrown away after a conversion that had to be killed, and at
 * shutdown.
 *
 * <p>Configuration: {@code hopso.documents.office.command} (the {@code soffice} executable; by
 * default {@code soffice} or {@code libreoffice} on the PATH, then the usual install folders) and
 * {@code hopso.documents.office.timeout} (default 120 s), which bounds both the wait for the
 * previous conversion and the conversion itself.
 */
@ApplicationScoped
public class OfficeConverter {
  private static final Logger LOG = Logger.getLogger(OfficeConverter.class);

  /** The file extensions converted (lower case). */
  public static final Set<String> EXTENSIONS =
      Set.of("docx", "doc", "odt", "xlsx", "xls", "ods", "pptx", "ppt", "odp");

  /** Zip containers: Office Open XML and OpenDocument. */
  private static final Set<String> ZIP_FORMATS =
      Set.of("docx", "xlsx", "pptx", "odt", "ods", "odp");

  /** Where LibreOffice is looked for when it is not on the PATH. */
  static final List<String> KNOWN_LOCATIONS =
      List.of(
          "/usr/bin/soffice",
          "/usr/lib/libreoffice/program/soffice",
          "/opt/libreoffice/program/soffice",
          "/Applications/LibreOffice.app/Contents/MacOS/soffice");

  private static final int LOG_TAIL_BYTES = 2000;
  private static final Duration VERSION_TIMEOUT = Duration.ofSeconds(30);

  private final Optional<String> command;
  private final Duration timeout;
  private final Semaphore turn = new Semaphore(1, true);

  /** The reused LibreOffice profile folder; only touched while holding {@link #turn}. */
  private Path profileRoot;

  private volatile String versionText;
  private volatile Path versionOf;

  /**
   * @param command the LibreOffice executable (a path, or a name looked up on the PATH); empty to
   *     look for {@code soffice} or {@code libreoffice}
   * @param timeout how long a conversion, and the wait for the one before it, may take
   */
  @Inject
  public OfficeConverter(
      @ConfigProperty(name = "hopso.documents.office.command") Optional<String> command,
      @ConfigProperty(name = "hopso.documents.office.timeout", defaultValue = "120S")
          Duration timeout) {
    this.command = command.map(String::strip).filter(c -> !c.isEmpty());
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("hopso.documents.office.timeout must be positive");
    }
    this.timeout = timeout;
  }

  /** True when {@code extension} (without the dot, any case) is a format this converter takes. */
  public static boolean supports(String extension) {
    return extension != null && EXTENSIONS.contains(extension.toLowerCase(Locale.ROOT));
  }

  /**
   * True when a LibreOffice executable was found (the configured one, or one on the PATH or in a
   * usual install folder). Looks again on every call, so an installation made while the server runs
   * is seen. Does not start LibreOffice.
   */
  public boolean available() {
    return executable().isPresent();
  }

  /**
   * One line for logs and health checks: the LibreOffice version and executable, or why there is
   * none. Runs {@code soffice --version} once per executable (cached).
   */
  public String describe() {
    Optional<Path> exe = executable();
    if (exe.isEmpty()) {
      return command
          .map(c -> "LibreOffice not found at " + c + " (hopso.documents.office.command)")
          .orElse(
              "LibreOffice not found: install libreoffice-writer-nogui or set"
                  + " hopso.documents.office.command");
    }
    return version(exe.get()) + " (" + exe.get() + "), timeout " + timeout.toSeconds() + " s";
  }

  /**
   * Converts an office document to PDF. The PDF is written into {@code outDir} (created when
   * missing) as the document's name with ".pdf" in place of its extension, replacing a file of that
   * name, and its path is returned. The input is not changed. Waits for a conversion already
   * running in this process, at most the configured timeout; the conversion then has the timeout
   * again, after which LibreOffice and every process it started are killed.
   *
   * @throws ConversionException UNAVAILABLE when no LibreOffice is installed; TIMEOUT when the wait
   *     or the conversion took too long; FAILED when the file is not a supported office document
   *     (by its extension and its first bytes), cannot be read, or LibreOffice produced no PDF (the
   *     message then ends with LibreOffice's output)
   */
  public Path convert(Path input, Path outDir) {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(outDir, "outDir");
    String name = input.getFileName() == null ? "" : input.getFileName().toString();
    String extension = extension(name);
    if (!EXTENSIONS.contains(extension)) {
      throw new ConversionException(
          ConversionException.Reason.FAILED, "not an office document: " + name);
    }
    checkContent(input, name, extension);
    Path exe =
        executable()
            .orElseThrow(
                () -> new ConversionException(ConversionException.Reason.UNAVAILABLE, describe()));
    try {
      if (!turn.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new ConversionException(
            ConversionException.Reason.TIMEOUT,
            "another conversion was still running after " + timeout.toSeconds() + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConversionException(
          ConversionException.Reason.FAILED, "interrupted while waiting to convert " + name, e);
    }
    try {
      return run(exe, input, name, extension, outDir);
    } finally {
      turn.release();
    }
  }

  /** Deletes the LibreOffice profile (at shutdown; a later conversion makes a new one). */
  @PreDestroy
  public void close() {
    turn.acquireUninterruptibly();
    try {
      discardProfile();
    } finally {
      turn.release();
    }
  }

  private Path run(Path exe, Path input, String name, String extension, Path outDir) {
    Path work = null;
    long started = System.nanoTime();
    try {
      work = Files.createTempDirectory("hopso-office-");
      Path source = work.resolve("document." + extension);
      Files.copy(input, source);
      Path out = Files.createDirectory(work.resolve("out"));
      Path log = work.resolve("soffice.log");
      if (profileRoot == null || !Files.isDirectory(profileRoot)) {
        profileRoot = Files.createTempDirectory("hopso-office-profile-");
      }
      List<String> cmd =
          List.of(
              exe.toString(),
              "-env:UserInstallation=" + profileRoot.resolve("user").toUri(),
              "--headless",
              "--invisible",
              "--nodefault",
              "--nofirststartwizard",
              "--nolockcheck",
              "--nologo",
              "--norestore",
              "--convert-to",
              "pdf",
              "--outdir",
              out.toString(),
              source.toString());
      Process process =
          new ProcessBuilder(cmd)
              .directory(work.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      process.getOutputStream().close();
      boolean finished;
      try {
        finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        killTree(process);
        discardProfile();
        Thread.currentThread().interrupt();
        throw new ConversionException(
            ConversionException.Reason.FAILED, "interrupted while converting " + name, e);
      }
      if (!finished) {
        killTree(process);
        discardProfile();
        throw new ConversionException(
            ConversionException.Reason.TIMEOUT,
            "LibreOffice did not convert "
                + name
                + " in "
                + timeout.toSeconds()
                + " s; killed. Output: "
                + tail(log));
      }
      Path pdf = out.resolve("document.pdf");
      int exit = process.exitValue();
      if (exit != 0 || !isPdf(pdf)) {
        if (exit != 0) {
          discardProfile();
        }
        throw new ConversionException(
            ConversionException.Reason.FAILED,
            "LibreOffice could not convert " + name + " (exit " + exit + "). Output: " + tail(log));
      }
      Files.createDirectories(outDir);
      Path target = outDir.resolve(baseName(name) + ".pdf");
      Files.move(pdf, target, StandardCopyOption.REPLACE_EXISTING);
      LOG.debugf("converted %s to PDF in %d ms", name, (System.nanoTime() - started) / 1_000_000);
      return target;
    } catch (IOException | InvalidPathException e) {
      throw new ConversionException(
          ConversionException.Reason.FAILED, "cannot convert " + name + ": " + e, e);
    } finally {
      if (work != null) {
        deleteRecursively(work);
      }
    }
  }

  /**
   * Refuses a file whose first bytes do not fit its extension, before LibreOffice sees it (which
   * would import anything it does not recognize as plain text and "convert" it): Office Open XML
   * and OpenDocument are zip files; DOC, XLS and PPT are OLE2 compound files, or RTF, HTML or XML
   * saved under those names, which LibreOffice reads too.
   */
  private static void checkContent(Path input, String name, String extension) {
    boolean fits;
    try {
      fits = plausible(input, extension);
    } catch (IOException | InvalidPathException e) {
      throw new ConversionException(
          ConversionException.Reason.FAILED, "cannot read " + name + ": " + e, e);
    }
    if (!fits) {
      throw new ConversionException(
          ConversionException.Reason.FAILED,
          "not a " + extension.toUpperCase(Locale.ROOT) + " document: " + name);
    }
  }

  /**
   * Whether the file's first bytes fit an office extension this converter takes (see {@link
   * #checkContent}); also how an upload is recognised as an office document at all.
   */
  static boolean plausible(Path file, String extension) throws IOException {
    if (!EXTENSIONS.contains(extension)) {
      return false;
    }
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(512);
    }
    return ZIP_FORMATS.contains(extension)
        ? startsWith(head, 0, 'P', 'K', 3, 4)
        : startsWith(head, 0, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)
            || startsWith(head, 0, '{', '\\', 'r', 't', 'f')
            || markup(head);
  }

  private static boolean startsWith(byte[] data, int at, int... expected) {
    if (data.length < at + expected.length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if ((data[at + i] & 0xFF) != expected[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean markup(byte[] head) {
    int i = startsWith(head, 0, 0xEF, 0xBB, 0xBF) ? 3 : 0;
    while (i < head.length
        && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) {
      i++;
    }
    return i < head.length && head[i] == '<';
  }

  private static boolean isPdf(Path pdf) throws IOException {
    if (!Files.isRegularFile(pdf) || Files.size(pdf) < 8) {
      return false;
    }
    try (InputStream in = Files.newInputStream(pdf)) {
      byte[] head = in.readNBytes(5);
      return new String(head, StandardCharsets.US_ASCII).equals("%PDF-");
    }
  }

  static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static String baseName(String name) {
    int dot = name.lastIndexOf('.');
    String base = (dot < 0 ? name : name.substring(0, dot)).strip();
    return base.isEmpty() || base.startsWith(".") ? "document" : base;
  }

  /** The configured executable, else soffice or libreoffice on the PATH, else a known place. */
  Optional<Path> executable() {
    if (command.isPresent()) {
      String c = command.get();
      if (c.contains("/") || c.contains(File.separator)) {
        return runnable(c);
      }
      return onPath(c);
    }
    for (String name : List.of("soffice", "libreoffice")) {
      Optional<Path> found = onPath(name);
      if (found.isPresent()) {
        return found;
      }
    }
    for (String location : KNOWN_LOCATIONS) {
      Optional<Path> found = runnable(location);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static Optional<Path> onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty()) {
        Optional<Path> found = runnable(dir + File.separator + name);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Path> runnable(String location) {
    try {
      Path p = Path.of(location);
      return Files.isRegularFile(p) && Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  /** "LibreOffice 7.4.7.2 …" from {@code --version}, once per executable; "LibreOffice" if mute. */
  private String version(Path exe) {
    if (exe.equals(versionOf) && versionText != null) {
      return versionText;
    }
    String text = "LibreOffice";
    Path scratch = null;
    try {
      scratch = Files.createTempDirectory("hopso-office-version-");
      Path log = scratch.resolve("version.log");
      Process p =
          new ProcessBuilder(
                  exe.toString(),
                  "-env:UserInstallation=" + scratch.resolve("user").toUri(),
                  "--headless",
                  "--version")
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      p.getOutputStream().close();
      if (p.waitFor(VERSION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        text =
            Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .map(String::strip)
                .filter(l -> l.startsWith("LibreOffice") || l.startsWith("Collabora"))
                .findFirst()
                .orElse(text);
      } else {
        killTree(p);
      }
    } catch (IOException | RuntimeException e) {
      LOG.debugf("cannot ask %s for its version: %s", exe, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (scratch != null) {
        deleteRecursively(scratch);
      }
    }
    versionText = text;
    versionOf = exe;
    return text;
  }

  /**
   * Kills a process and everything it started (the soffice script or launcher starts soffice.bin),
   * and waits a little for them to go. The descendants are listed before the parent dies, as they
   * are no longer its descendants afterwards.
   */
  static void killTree(Process process) {
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().collect(Collectors.toList()));
    process.destroyForcibly();
    tree.forEach(ProcessHandle::destroyForcibly);
    process
        .descendants()
        .forEach(
            h -> { // started in the meantime
              tree.add(h);
              h.destroyForcibly();
            });
    try {
      process.waitFor(10, TimeUnit.SECONDS);
      for (ProcessHandle h : tree) {
        h.onExit().get(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.warnf("a LibreOffice process did not end after being killed: %s", e);
    }
  }

  private void discardProfile() {
    if (profileRoot != null) {
      deleteRecursively(profileRoot);
      profileRoot = null;
    }
  }

  private static String tail(Path log) {
    try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
      long length = f.length();
      long from = Math.max(0, length - LOG_TAIL_BYTES);
      byte[] bytes = new byte[(int) (length - from)];
      f.seek(from);
      f.readFully(bytes);
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPLACE)
              .onUnmappableCharacter(CodingErrorAction.REPLACE)
              .decode(ByteBuffer.wrap(bytes))
              .toString()
              .strip();
      return text.isEmpty() ? "(none)" : text.replace('\n', ' ');
    } catch (IOException e) {
      return "(none)";
    }
  }

  static void deleteRecursively(Path root) {
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.deleteIfExists(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
              Files.deleteIfExists(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      LOG.debugf("cannot delete %s: %s", root, e);
    }
  }
}
