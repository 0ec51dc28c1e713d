package vn.hopso.minutes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import vn.hopso.minutes.Pades.KeyMaterial;

/**
 * A tiny RFC 3161 time-stamping authority for tests, on 127.0.0.1 (a free port), signing with the
 * TSA key of a {@link TestPki}. It answers POSTs of application/timestamp-query at {@link #uri()};
 * {@link #behave} makes it misbehave to test the client's checks.
 *
 * <pre>{@code
 * try (TestTsa tsa = TestTsa.start(pki)) {
 *   byte[] signed = Pades.signWithKey(pdf, meta, km, tsa.source());
 * }
 * }</pre>
 */
public final class TestTsa implements AutoCloseable {
  /** What the TSA does with the next requests. */
  public enum Behaviour {
    /** A granted token for the request. */
    GRANT,
    /** A refusal (status rejection, bad request). */
    REJECT,
    /** A granted token for another nonce than the request's. */
    WRONG_NONCE,
    /** HTTP 500 without a body. */
    HTTP_ERROR
  }

  /** The TSA policy OID written into the tokens (under the example arc 2.999). */
  public static final ASN1ObjectIdentifier POLICY = new ASN1ObjectIdentifier("2.999.3161.1");

  private final HttpServer server;
  private final KeyMaterial km;
  private final TimeStampTokenGenerator tokens;
  private final AtomicInteger requests = new AtomicInteger();
  private volatile Behaviour behaviour = Behaviour.GRANT;
  private BigInteger serial = BigInteger.ONE;

  private TestTsa(KeyMaterial km) throws IOException {
    this.km = km;
    try {
      tokens =
          new TimeStampTokenGenerator(
              new JcaSimpleSignerInfoGeneratorBuilder()
                  .build("SHA256withRSA", km.key(), km.certificate()),
              new JcaDigestCalculatorProviderBuilder()
                  .build()
                  .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
              POLICY);
      tokens.addCertificates(new JcaCertStore(Arrays.asList(km.chain())));
    } catch (OperatorCreationException | GeneralSecurityException | TSPException e) {
      throw new IllegalStateException(e);
    }
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/tsa", this::handle);
    server.start();
  }

  /** Starts a TSA with the TSA key of {@code pki}. */
  public static TestTsa start(TestPki pki) {
    try {
      return new TestTsa(pki.tsa());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where to POST the requests. */
  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tsa");
  }

  /** The TSA's certificate, which its tokens verify with. */
  public X509Certificate certificate() {
    return km.certificate();
  }

  /** A client of this TSA, as the application would make it. */
  public Pades.TimestampSource source() {
    return new Pades.HttpTsa(uri(), Duration.ofSeconds(10));
  }

  /** What to do with the next requests. */
  public void behave(Behaviour b) {
    behaviour = b;
  }

  /** How many requests have been received. */
  public int requests() {
    return requests.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      requests.incrementAndGet();
      if (!"POST".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] body = exchange.getRequestBody().readAllBytes();
      Behaviour now = behaviour;
      if (now == Behaviour.HTTP_ERROR) {
        exchange.sendResponseHeaders(500, -1);
        return;
      }
      byte[] answer;
      try {
        answer = answer(new TimeStampRequest(body), now);
      } catch (IOException | TSPException | RuntimeException e) {
        exchange.sendResponseHeaders(400, -1);
        return;
      }
      exchange.getResponseHeaders().set("Content-Type", "application/timestamp-reply");
      exchange.sendResponseHeaders(200, answer.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer);
      }
    }
  }

  private synchronized byte[] answer(TimeStampRequest request, Behaviour now)
      throws TSPException, IOException {
    TimeStampResponseGenerator responses =
        new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
    serial = serial.add(BigInteger.ONE);
    TimeStampResponse response =
        switch (now) {
          case REJECT ->
              responses.generateFailResponse(
                  PKIStatus.REJECTION, PKIFailureInfo.badRequest, "refused by the test TSA");
          case WRONG_NONCE -> {
            TimeStampRequestGenerator g = new TimeStampRequestGenerator();
            g.setCertReq(true);
            BigInteger nonce = request.getNonce() == null ? BigInteger.TEN : request.getNonce();
            TimeStampRequest other =
                g.generate(
                    request.getMessageImprintAlgOID(),
                    request.getMessageImprintDigest(),
                    nonce.add(BigInteger.ONE));
            yield responses.generate(other, serial, new Date());
          }
          default -> responses.generate(request, serial, new Date());
        };
    return response.getEncoded();
  }
}
