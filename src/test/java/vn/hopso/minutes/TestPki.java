package vn.hopso.minutes;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import vn.hopso.minutes.Pades.KeyMaterial;

/**
 * A throw-away PKI for tests that sign: a root CA ("CN=HopSo Test Root CA, O=HopSo test, C=VN", RSA
 * 2048) issuing certificates for persons (RSA 2048 or EC P-256, digitalSignature and
 * nonRepudiation) and one for a time-stamping authority (extended key usage id-kp-timeStamping,
 * critical), all made in memory with BouncyCastle. Keys are generated when first asked for and
 * kept: the same name gives the same key material within one {@code TestPki}.
 *
 * <pre>{@code
 * TestPki pki = TestPki.create();
 * KeyMaterial secretary = pki.person("Nguyễn Văn An");
 * Path p12 = TestPki.writePkcs12(dir.resolve("secretary.p12"), "secret".toCharArray(), secretary);
 * try (TestTsa tsa = TestTsa.start(pki)) { ... tsa.source() ... }
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class TestPki {
  public static final String ORGANIZATION = "HopSo test";
  public static final String COUNTRY = "VN";

  /** The kind of key a certificate is made for. */
  public enum KeyType {
    RSA,
    EC
  }

  private static final SecureRandom RANDOM = new SecureRandom();
  private final AtomicLong serials = new AtomicLong(RANDOM.nextInt(1 << 20) + 1000L);
  private final KeyPair rootKeys;
  private final X509Certificate root;
  private final Map<String, KeyMaterial> issued = new HashMap<>();

  private TestPki() {
    rootKeys = keyPair(KeyType.RSA);
    Instant now = Instant.now();
    root =
        certificate(
            name("HopSo Test Root CA"),
            rootKeys,
            now.minus(Duration.ofDays(1)),
            now.plus(Duration.ofDays(3650)),
            Role.CA);
  }

  /** A new root CA with its own key. */
  public static TestPki create() {
    return new TestPki();
  }

  /** The root CA's certificate, the anchor every certificate of this PKI chains to. */
  public X509Certificate root() {
    return root;
  }

  /**
   * A person's RSA 2048 key and certificate ("CN={@code cn}, O=HopSo test, C=VN", valid from a day
   * ago for two years), chain [person, root]; the same for the same name.
   */
  public synchronized KeyMaterial person(String cn) {
    return issued.computeIfAbsent("RSA:" + cn, k -> issue(cn, KeyType.RSA, null, null));
  }

  /** Like {@link #person(String)} with an EC P-256 key. */
  public synchronized KeyMaterial personEc(String cn) {
    return issued.computeIfAbsent("EC:" + cn, k -> issue(cn, KeyType.EC, null, null));
  }

  /**
   * A new person's key and certificate valid from {@code notBefore} to {@code notAfter} (e.g. an
   * expired one), never kept.
   */
  public KeyMaterial person(String cn, KeyType type, Instant notBefore, Instant notAfter) {
    return issue(cn, type, notBefore, notAfter);
  }

  /** The time-stamping authority's RSA key and certificate, chain [TSA, root]; always the same. */
  public synchronized KeyMaterial tsa() {
    return issued.computeIfAbsent(
        "TSA",
        k -> {
          KeyPair keys = keyPair(KeyType.RSA);
          Instant now = Instant.now();
          X509Certificate cert =
              certificate(
                  name("HopSo Test TSA"),
                  keys,
                  now.minus(Duration.ofDays(1)),
                  now.plus(Duration.ofDays(730)),
                  Role.TSA);
          return new KeyMaterial(keys.getPrivate(), new X509Certificate[] {cert, root});
        });
  }

  /**
   * Writes {@code km} as the only key entry (alias "signer") of a PKCS#12 file protected by {@code
   * password}, and returns the file.
   */
  public static Path writePkcs12(Path file, char[] password, KeyMaterial km) {
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setKeyEntry("signer", km.key(), password, km.chain());
      try (OutputStream out = Files.newOutputStream(file)) {
        ks.store(out, password);
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  // --- making certificates ----------------------------------------------------------------------

  private enum Role {
    CA,
    PERSON,
    TSA
  }

  private KeyMaterial issue(String cn, KeyType type, Instant notBefore, Instant notAfter) {
    KeyPair keys = keyPair(type);
    Instant now = Instant.now();
    X509Certificate cert =
        certificate(
            name(cn),
            keys,
            notBefore == null ? now.minus(Duration.ofDays(1)) : notBefore,
            notAfter == null ? now.plus(Duration.ofDays(730)) : notAfter,
            Role.PERSON);
    return new KeyMaterial(keys.getPrivate(), new X509Certificate[] {cert, root});
  }

  /**
   * "CN=cn, O=HopSo test, C=VN", encoded country first as a directory name should be, so the JDK
   * prints it as "CN=…,O=…,C=VN".
   */
  private static X500Name name(String cn) {
    return new X500NameBuilder(BCStyle.INSTANCE)
        .addRDN(BCStyle.C, COUNTRY)
        .addRDN(BCStyle.O, ORGANIZATION)
        .addRDN(BCStyle.CN, cn)
        .build();
  }

  private static KeyPair keyPair(KeyType type) {
    try {
      if (type == KeyType.EC) {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return g.generateKeyPair();
      }
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048, RANDOM);
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private X509Certificate certificate(
      X500Name subject, KeyPair keys, Instant notBefore, Instant notAfter, Role role) {
    try {
      boolean selfSigned = role == Role.CA;
      X500Name issuer =
          selfSigned ? subject : X500Name.getInstance(root.getSubjectX500Principal().getEncoded());
      PrivateKey issuerKey = selfSigned ? keys.getPrivate() : rootKeys.getPrivate();
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder b =
          new JcaX509v3CertificateBuilder(
              issuer,
              BigInteger.valueOf(serials.incrementAndGet()),
              Date.from(notBefore),
              Date.from(notAfter),
              subject,
              keys.getPublic());
      b.addExtension(
          Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
      b.addExtension(
          Extension.authorityKeyIdentifier,
          false,
          ext.createAuthorityKeyIdentifier(selfSigned ? keys.getPublic() : rootKeys.getPublic()));
      switch (role) {
        case CA -> {
          b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
          b.addExtension(
              Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        }
        case PERSON -> {
          b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
          b.addExtension(
              Extension.keyUsage,
              true,
              new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        }
        case TSA -> {
          b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
          b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
          b.addExtension(
              Extension.extendedKeyUsage,
              true,
              new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
        }
      }
      return new JcaX509CertificateConverter()
          .getCertificate(b.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException(e);
    }
  }
}
