package vn.hopso.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A Jakarta WebSocket client of the live channel for tests: collects every message it receives and
 * how the server closed the socket.
 */
public final class LiveClient implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  public final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
  public final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
  public Session session;

  /** Opens ws://host:port/ws/meetings/{id}?ticket=…[&after=…] (or /ws/me). */
  public static LiveClient connect(String wsUrl) throws Exception {
    return connect(wsUrl, Map.of());
  }

  /** As {@link #connect(String)}, with these headers on the handshake (Accept-Language…). */
  public static LiveClient connect(String wsUrl, Map<String, String> headers) throws Exception {
    LiveClient client = new LiveClient();
    WebSocketContainer container = ContainerProvider.getWebSocketContainer();
    client.session =
        container.connectToServer(
            new Endpoint() {
              @Override
              public void onOpen(Session session, EndpointConfig config) {
                session.addMessageHandler(
                    String.class,
                    (MessageHandler.Whole<String>)
                        text -> {
                          try {
                            client.messages.add(JSON.readTree(text));
                          } catch (Exception e) {
                            client.messages.add(JSON.createObjectNode().put("unparsable", text));
                          }
                        });
              }

              @Override
              public void onClose(Session session, CloseReason reason) {
                client.closed.complete(reason);
              }
            },
            ClientEndpointConfig.Builder.create()
                .configurator(
                    new ClientEndpointConfig.Configurator() {
                      @Override
                      public void beforeRequest(Map<String, List<String>> request) {
                        headers.forEach((k, v) -> request.put(k, List.of(v)));
                      }
                    })
                .build(),
            URI.create(wsUrl));
    return client;
  }

  /** The next message, waiting up to {@code seconds}; fails when none comes. */
  public JsonNode next(int seconds) throws InterruptedException {
    JsonNode m = messages.poll(seconds, TimeUnit.SECONDS);
    if (m == null) {
      throw new AssertionError("no message within " + seconds + " s");
    }
    return m;
  }

  /** The next message of this type, skipping others (which are kept in {@code skipped}). */
  public JsonNode next(String type, int seconds, List<JsonNode> skipped)
      throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < end) {
      JsonNode m = messages.poll(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (m != null && type.equals(m.path("type").asText())) {
        return m;
      }
      if (m != null && skipped != null) {
        skipped.add(m);
      }
    }
    throw new AssertionError("no " + type + " within " + seconds + " s");
  }

  /** Events received within {@code millis} (waits the whole time). */
  public List<JsonNode> drain(long millis) throws InterruptedException {
    List<JsonNode> out = new ArrayList<>();
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (System.nanoTime() < end) {
      JsonNode m = messages.poll(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (m != null) {
        out.add(m);
      }
    }
    return out;
  }

  public void send(String text) throws Exception {
    session.getBasicRemote().sendText(text);
  }

  @Override
  public void close() {
    try {
      if (session != null && session.isOpen()) {
        session.close();
      }
    } catch (Exception e) {
      // already closed
    }
  }
}
