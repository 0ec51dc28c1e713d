package vn.hopso.minutes;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import vn.hopso.auth.AppSecret;

/**
 * The organisation's signing key for signing the minutes on the server: the configured PKCS#12
 * file, or (when {@code hopso.minutes.signing.demo} allows it) a self-signed demonstration
 * certificate made once and kept with the generated secrets, shared by every instance. Also the
 * time-stamping server, when one is configured.
 */
@ApplicationScoped
public class OrgSigner {
  static final String DEMO_SECRET = "minutes-demo-signer";

  /** The demonstration PKCS#12 is protected by the database it is stored in, not by this. */
  private static final char[] DEMO_PASSWORD = "hopso-demo".toCharArray();

  static final String DEMO_SUBJECT = "CN=HopSo demo (không có giá trị pháp lý), O=HopSo, C=VN";

  @Inject MinutesConfig config;
  @Inject Clock clock;

  private volatile Pades.KeyMaterial key;

  /** Whether signing on the server is possible here. */
  public boolean available() {
    return config.signing().keystore().isPresent() || config.signing().demo();
  }

  /** Whether the key is the demonstration one. */
  public boolean demo() {
    return config.signing().keystore().isEmpty();
  }

  public Pades.KeyMaterial key() {
    Pades.KeyMaterial k = key;
    if (k == null) {
      synchronized (this) {
        if (key == null) {
          key = load();
        }
        k = key;
      }
    }
    return k;
  }

  /** The configured time-stamping server, or null. */
  public Pades.TimestampSource tsa() {
    Optional<String> url = config.tsaUrl();
    return url.isEmpty() || url.get().isBlank()
        ? null
        : new Pades.HttpTsa(URI.create(url.get().trim()), config.tsaTimeout());
  }

  private Pades.KeyMaterial load() {
    Optional<String> file = config.signing().keystore();
    if (file.isPresent()) {
      char[] password = config.signing().password().orElse("").toCharArray();
      return Pades.KeyMaterial.fromPkcs12(Path.of(file.get()), password);
    }
    if (!config.signing().demo()) {
      throw new IllegalStateException("no organisation certificate configured");
    }
    String stored = QuarkusTransaction.requiringNew().call(this::storedOrNew);
    return fromBytes(Base64.getDecoder().decode(stored), DEMO_PASSWORD);
  }

  private String storedOrNew() {
    AppSecret existing = AppSecret.findById(DEMO_SECRET);
    if (existing != null) {
      return existing.value;
    }
    AppSecret secret = new AppSecret();
    secret.name = DEMO_SECRET;
    secret.value = Base64.getEncoder().encodeToString(demoPkcs12());
    secret.persist();
    return secret.value;
  }

  private byte[] demoPkcs12() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
      KeyPair pair = g.generateKeyPair();
      Instant now = clock.instant();
      X500Name subject = new X500Name(DEMO_SUBJECT);
      JcaX509v3CertificateBuilder b =
          new JcaX509v3CertificateBuilder(
              subject,
              new BigInteger(64, new SecureRandom()),
              Date.from(now.minus(Duration.ofDays(1))),
              Date.from(now.plus(Duration.ofDays(3650))),
              subject,
              pair.getPublic());
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      b.addExtension(
          Extension.keyUsage,
          true,
          new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
      X509Certificate cert =
          new JcaX509CertificateConverter()
              .getCertificate(
                  b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setKeyEntry("demo", pair.getPrivate(), DEMO_PASSWORD, new Certificate[] {cert});
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ks.store(out, DEMO_PASSWORD);
      return out.toByteArray();
    } catch (Exception e) {
      throw new IllegalStateException("cannot make the demonstration certificate", e);
    }
  }

  private static Pades.KeyMaterial fromBytes(byte[] p12, char[] password) {
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(new ByteArrayInputStream(p12), password);
      String alias = ks.aliases().nextElement();
      PrivateKey k = (PrivateKey) ks.getKey(alias, password);
      Certificate[] chain = ks.getCertificateChain(alias);
      X509Certificate[] x509 = new X509Certificate[chain.length];
      for (int i = 0; i < chain.length; i++) {
        x509[i] = (X509Certificate) chain[i];
      }
      return new Pades.KeyMaterial(k, x509);
    } catch (Exception e) {
      throw new IllegalStateException("cannot read the demonstration certificate", e);
    }
  }
}
