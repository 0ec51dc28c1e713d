package vn.hopso.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import vn.hopso.common.Texts;

/**
 * Sends an SMS through the configured HTTP gateway: POST of JSON {"to","from","text"} with basic or
 * bearer credentials. Any answer other than 2xx (or no answer in time) is a failure.
 */
@ApplicationScoped
public class SmsGateway {
  @Inject NotifyConfig config;
  @Inject ObjectMapper json;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(5)).build();

  public void send(String to, String text) throws IOException, InterruptedException {
    NotifyConfig.Sms sms = config.sms();
    String url = sms.url().orElseThrow(() -> new IOException("hopso.notify.sms.url is not set"));
    String body = json.writeValueAsString(Map.of("to", to, "from", sms.sender(), "text", text));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(sms.timeout())
            .header("Content-Type", "application/json; charset=UTF-8")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (sms.token().isPresent()) {
      request.header("Authorization", "Bearer " + sms.token().get());
    } else if (sms.username().isPresent()) {
      String basic = sms.username().get() + ":" + sms.password().orElse("");
      request.header(
          "Authorization",
          "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      String answer = response.body() == null ? "" : response.body();
      throw new IOException(
          "gateway answered " + response.statusCode() + " " + Texts.cut(answer, 200));
    }
  }
}
