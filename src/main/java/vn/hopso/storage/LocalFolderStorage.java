package vn.hopso.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;

/**
 * Documents in a local folder. Writes go to a temporary file that is synced and then moved into
 * place, so a crash never leaves a half-written document under its key.
 */
public class LocalFolderStorage implements DocumentStorage {
  private final Path root;

  public LocalFolderStorage(Path root) {
    this.root = root.toAbsolutePath().normalize();
    try {
      Files.createDirectories(this.root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create document folder " + this.root, e);
    }
  }

  private Path resolve(String key) {
    Path p = root.resolve(key).normalize();
    if (!p.startsWith(root) || key.isBlank()) {
      throw new IllegalArgumentException("invalid object key");
    }
    return p;
  }

  @Override
  public void put(String key, InputStream content, long size, String contentType) {
    Path target = resolve(key);
    try {
      Files.createDirectories(target.getParent());
      Path tmp = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
      try {
        Files.copy(content, tmp, StandardCopyOption.REPLACE_EXISTING);
        try (var channel =
            java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
          channel.force(true);
        }
        try {
          Files.move(
              tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store document " + key, e);
    }
  }

  @Override
  public Optional<InputStream> get(String key) {
    Path p = resolve(key);
    try {
      return Files.isRegularFile(p) ? Optional.of(Files.newInputStream(p)) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Optional<InputStream> get(String key, long offset, long length) {
    Path p = resolve(key);
    try {
      if (!Files.isRegularFile(p)) {
        return Optional.empty();
      }
      java.nio.channels.SeekableByteChannel channel = Files.newByteChannel(p);
      channel.position(offset);
      InputStream in = java.nio.channels.Channels.newInputStream(channel);
      return Optional.of(new BoundedInputStream(in, length));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads at most {@code remaining} bytes of a stream it closes. */
  private static final class BoundedInputStream extends java.io.FilterInputStream {
    private long remaining;

    BoundedInputStream(InputStream in, long remaining) {
      super(in);
      this.remaining = remaining;
    }

    @Override
    public int read() throws IOException {
      if (remaining <= 0) {
        return -1;
      }
      int b = super.read();
      if (b >= 0) {
        remaining--;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (remaining <= 0) {
        return -1;
      }
      int n = super.read(b, off, (int) Math.min(len, remaining));
      if (n > 0) {
        remaining -= n;
      }
      return n;
    }
  }

  @Override
  public Optional<Long> size(String key) {
    Path p = resolve(key);
    try {
      return Files.isRegularFile(p) ? Optional.of(Files.size(p)) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void delete(String key) {
    try {
      Files.deleteIfExists(resolve(key));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Optional<String> presignedGet(String key, Duration ttl) {
    return Optional.empty();
  }

  @Override
  public void check() throws IOException {
    Path probe = Files.createTempFile(root, ".health-", ".tmp");
    Files.delete(probe);
  }

  @Override
  public String describe() {
    return "local folder " + root;
  }
}
