package vn.hopso.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A live-channel client on the JDK's own WebSocket, for what the Jakarta client does not report
 * exactly: the close code the server sent (the Jakarta client in the test runtime reports some
 * application codes as 1001).
 */
public final class RawLiveClient implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  public final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
  public final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
  private WebSocket ws;

  public static RawLiveClient connect(String url) {
    RawLiveClient c = new RawLiveClient();
    StringBuilder partial = new StringBuilder();
    c.ws =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(
                URI.create(url),
                new WebSocket.Listener() {
                  @Override
                  public CompletionStage<?> onText(
                      WebSocket webSocket, CharSequence data, boolean last) {
                    partial.append(data);
                    if (last) {
                      try {
                        c.messages.add(JSON.readTree(partial.toString()));
                      } catch (Exception e) {
                        c.messages.add(
                            JSON.createObjectNode().put("unparsable", partial.toString()));
                      }
                      partial.setLength(0);
                    }
                    webSocket.request(1);
                    return null;
                  }

                  @Override
                  public CompletionStage<?> onClose(
                      WebSocket webSocket, int statusCode, String reason) {
                    c.closeCode.complete(statusCode);
                    return null;
                  }

                  @Override
                  public void onError(WebSocket webSocket, Throwable error) {
                    c.closeCode.completeExceptionally(error);
                  }
                })
            .join();
    return c;
  }

  /** The next message of this type within {@code seconds}, skipping others. */
  public JsonNode next(String type, int seconds) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < end) {
      JsonNode m = messages.poll(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (m != null && type.equals(m.path("type").asText())) {
        return m;
      }
    }
    throw new AssertionError("no " + type + " within " + seconds + " s");
  }

  /** The next event of this name within {@code seconds}, skipping others. */
  public JsonNode nextEvent(String event, int seconds) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < end) {
      JsonNode m = next("event", Math.max(1, (int) ((end - System.nanoTime()) / 1_000_000_000L)));
      if (event.equals(m.path("event").asText())) {
        return m;
      }
    }
    throw new AssertionError("no event " + event + " within " + seconds + " s");
  }

  public int closedWith(int seconds) throws Exception {
    return closeCode.get(seconds, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    ws.abort();
  }
}
