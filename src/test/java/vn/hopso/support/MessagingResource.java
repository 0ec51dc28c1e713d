package vn.hopso.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Real messaging peers for the tests: GreenMail (an SMTP server in this JVM) and a small HTTP
 * server standing in for the SMS gateway, which records each request and can be told to fail.
 */
public class MessagingResource implements QuarkusTestResourceLifecycleManager {
  public static GreenMail mail;
  public static final List<SmsRequest> SMS = new CopyOnWriteArrayList<>();
  public static final AtomicBoolean SMS_FAILS = new AtomicBoolean(false);
  private static HttpServer gateway;

  public record SmsRequest(String authorization, String body) {}

  @Override
  public Map<String, String> start() {
    try {
      int smtp = freePort();
      mail = new GreenMail(new ServerSetup(smtp, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      mail.start();
      gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      gateway.createContext(
          "/sms",
          exchange -> {
            String body =
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            SMS.add(new SmsRequest(exchange.getRequestHeaders().getFirst("Authorization"), body));
            byte[] answer =
                (SMS_FAILS.get() ? "{\"error\":\"down\"}" : "{\"id\":\"ok\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(SMS_FAILS.get() ? 503 : 200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
          });
      gateway.start();
      return Map.of(
          "quarkus.mailer.host", "127.0.0.1",
          "quarkus.mailer.port", Integer.toString(smtp),
          "hopso.notify.sms.url", "http://127.0.0.1:" + gateway.getAddress().getPort() + "/sms",
          "hopso.notify.sms.username", "hopso",
          "hopso.notify.sms.password", "sms-secret");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Override
  public void stop() {
    if (mail != null) {
      mail.stop();
    }
    if (gateway != null) {
      gateway.stop(0);
    }
  }
}
