import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.UploadObjectArgs;
import io.minio.messages.Item;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;

/**
 * Copies HopSo's document bucket to a folder and back, for deploy/backup/backup.sh and restore.sh.
 * Runs on the MinIO client that the HopSo package carries:
 *
 * <pre>java -cp "quarkus-app/lib/main/*" deploy/backup/Bucket.java download|upload FOLDER</pre>
 *
 * The bucket is the server's: HOPSO_STORAGE_S3_ENDPOINT, _ACCESS_KEY, _SECRET_KEY, _REGION
 * (us-east-1) and _BUCKET (hopso). {@code download} writes every object under FOLDER/objects/ and
 * FOLDER/objects.sha256 (each object's SHA-256 and key, sorted by key); {@code upload} checks every
 * file against that list, then puts them into the bucket (made when missing). Objects are never
 * changed once written (a document version is a new object), so a copy taken after the database's
 * dump holds every object the dump names.
 */
public class Bucket {
  public static void main(String[] args) throws Exception {
    if (args.length != 2 || !List.of("download", "upload").contains(args[0])) {
      System.err.println("usage: Bucket download|upload FOLDER");
      System.exit(2);
    }
    MinioClient client =
        MinioClient.builder()
            .endpoint(env("HOPSO_STORAGE_S3_ENDPOINT", null))
            .region(env("HOPSO_STORAGE_S3_REGION", "us-east-1"))
            .credentials(env("HOPSO_STORAGE_S3_ACCESS_KEY", null), env("HOPSO_STORAGE_S3_SECRET_KEY", null))
            .build();
    String bucket = env("HOPSO_STORAGE_S3_BUCKET", "hopso");
    Path folder = Path.of(args[1]);
    Path objects = folder.resolve("objects");
    Path sums = folder.resolve("objects.sha256");
    if (args[0].equals("download")) {
      Files.createDirectories(objects);
      TreeMap<String, String> listed = new TreeMap<>();
      long bytes = 0;
      for (Result<Item> r :
          client.listObjects(ListObjectsArgs.builder().bucket(bucket).recursive(true).build())) {
        Item item = r.get();
        String key = item.objectName();
        if (item.isDir() || key.endsWith("/")) {
          continue; // a folder marker some S3 servers list (S3Proxy on a file system does)
        }
        Path target = inside(objects, key);
        Files.createDirectories(target.getParent());
        try (InputStream in =
            client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build())) {
          Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        listed.put(key, sha256(target));
        bytes += Files.size(target);
      }
      StringBuilder out = new StringBuilder();
      listed.forEach((k, h) -> out.append(h).append("  ").append(k).append('\n'));
      Files.writeString(sums, out);
      System.out.printf("bucket %s: %d objects, %d bytes copied to %s%n", bucket, listed.size(), bytes, objects);
    } else {
      List<String> lines = Files.readAllLines(sums);
      for (String line : lines) { // everything checked before anything is written
        String hash = line.substring(0, 64);
        String key = line.substring(66);
        if (!sha256(inside(objects, key)).equals(hash)) {
          throw new IllegalStateException("the backup's copy of " + key + " is damaged");
        }
      }
      if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
        client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
      }
      for (String line : lines) {
        String key = line.substring(66);
        client.uploadObject(
            UploadObjectArgs.builder()
                .bucket(bucket)
                .object(key)
                .filename(inside(objects, key).toString())
                .build());
      }
      System.out.printf("bucket %s: %d objects restored from %s%n", bucket, lines.size(), objects);
    }
    // OkHttp's dispatcher threads (under the MinIO client) would keep the JVM for another minute
    System.exit(0);
  }

  /** The file of a key, refusing keys that would leave the folder. */
  static Path inside(Path root, String key) {
    Path p = root.resolve(key).normalize();
    if (!p.startsWith(root.normalize()) || key.isEmpty()) {
      throw new IllegalStateException("unexpected object key " + key);
    }
    return p;
  }

  static String sha256(Path file) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  static String env(String name, String fallback) {
    String v = System.getenv(name);
    if (v == null || v.isBlank()) {
      if (fallback == null) {
        throw new IllegalStateException(name + " is not set");
      }
      return fallback;
    }
    return v;
  }
}
