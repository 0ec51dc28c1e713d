package vn.hopso.storage;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.http.Method;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;

/** Documents in S3 or MinIO, through the MinIO Java client (the only user of io.minio). */
public class MinioStorage implements DocumentStorage {
  private static final long PART_SIZE = 10L * 1024 * 1024;
  private final MinioClient client;
  private final String bucket;
  private volatile boolean bucketReady;

  public MinioStorage(MinioClient client, String bucket) {
    this.client = client;
    this.bucket = bucket;
  }

  private void ensureBucket() throws Exception {
    if (bucketReady) {
      return;
    }
    if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
      try {
        client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
      } catch (ErrorResponseException e) {
        // another instance created it at the same moment
        if (!"BucketAlreadyOwnedByYou".equals(e.errorResponse().code())
            && !"BucketAlreadyExists".equals(e.errorResponse().code())) {
          throw e;
        }
      }
    }
    bucketReady = true;
  }

  @Override
  public void put(String key, InputStream content, long size, String contentType) {
    try {
      ensureBucket();
      client.putObject(
          PutObjectArgs.builder().bucket(bucket).object(key).stream(
                  content, size, size < 0 ? PART_SIZE : -1)
              .contentType(contentType == null ? "application/octet-stream" : contentType)
              .build());
    } catch (Exception e) {
      throw new StorageException("cannot store document " + key, e);
    }
  }

  @Override
  public Optional<InputStream> get(String key) {
    try {
      ensureBucket();
      return Optional.of(
          client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build()));
    } catch (ErrorResponseException e) {
      if ("NoSuchKey".equals(e.errorResponse().code())) {
        return Optional.empty();
      }
      throw new StorageException("cannot read document " + key, e);
    } catch (Exception e) {
      throw new StorageException("cannot read document " + key, e);
    }
  }

  @Override
  public Optional<InputStream> get(String key, long offset, long length) {
    try {
      ensureBucket();
      return Optional.of(
          client.getObject(
              GetObjectArgs.builder()
                  .bucket(bucket)
                  .object(key)
                  .offset(offset)
                  .length(length)
                  .build()));
    } catch (ErrorResponseException e) {
      if ("NoSuchKey".equals(e.errorResponse().code())) {
        return Optional.empty();
      }
      throw new StorageException("cannot read document " + key, e);
    } catch (Exception e) {
      throw new StorageException("cannot read document " + key, e);
    }
  }

  @Override
  public Optional<Long> size(String key) {
    try {
      ensureBucket();
      return Optional.of(
          client.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build()).size());
    } catch (ErrorResponseException e) {
      if ("NoSuchKey".equals(e.errorResponse().code())) {
        return Optional.empty();
      }
      throw new StorageException("cannot stat document " + key, e);
    } catch (Exception e) {
      throw new StorageException("cannot stat document " + key, e);
    }
  }

  @Override
  public void delete(String key) {
    try {
      client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
    } catch (Exception e) {
      throw new StorageException("cannot delete document " + key, e);
    }
  }

  @Override
  public Optional<String> presignedGet(String key, Duration ttl) {
    try {
      return Optional.of(
          client.getPresignedObjectUrl(
              GetPresignedObjectUrlArgs.builder()
                  .method(Method.GET)
                  .bucket(bucket)
                  .object(key)
                  .expiry((int) Math.max(1, ttl.toSeconds()))
                  .build()));
    } catch (Exception e) {
      throw new StorageException("cannot sign a link for " + key, e);
    }
  }

  @Override
  public Optional<String> presignedGet(
      String key, Duration ttl, String fileName, String contentType, boolean attachment) {
    String ascii = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
    String disposition =
        (attachment ? "attachment" : "inline")
            + "; filename=\""
            + ascii
            + "\"; filename*=UTF-8''"
            + java.net.URLEncoder.encode(fileName, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
    try {
      return Optional.of(
          client.getPresignedObjectUrl(
              GetPresignedObjectUrlArgs.builder()
                  .method(Method.GET)
                  .bucket(bucket)
                  .object(key)
                  .expiry((int) Math.max(1, ttl.toSeconds()))
                  .extraQueryParams(
                      java.util.Map.of(
                          "response-content-disposition",
                          disposition,
                          "response-content-type",
                          contentType))
                  .build()));
    } catch (Exception e) {
      throw new StorageException("cannot sign a link for " + key, e);
    }
  }

  @Override
  public void check() throws Exception {
    bucketReady = false;
    ensureBucket();
  }

  @Override
  public String describe() {
    return "S3 bucket " + bucket;
  }
}
