package vn.hopso.minutes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerIdentifier;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertID;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificate;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.cms.CMSVerifierCertificateNotValidException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.util.Store;

/**
 * PAdES baseline signatures (ETSI EN 319 142-1, SubFilter ETSI.CAdES.detached) on the minutes of a
 * meeting, and their verification.
 *
 * <p>There is one signing path for every kind of signer: {@link #prepare} adds a signature
 * dictionary with an empty /Contents placeholder as an incremental update and gives the SHA-256
 * digest of the signed byte range; a detached CMS over that digest is made, on the server with a
 * key ({@link #cmsForDigest}) or by an external signer (a USB token, a remote signing service);
 * {@link #embed} writes it into the placeholder without re-serialising the PDF. The prepared bytes
 * alone are enough to embed, so the two steps may happen in different requests or processes. {@link
 * #signWithKey} is the three steps in one call.
 *
 * <p>Every signature is its own incremental update, so a second signature leaves the first one
 * valid. Following PAdES baseline, the claimed signing time is the signature dictionary's /M and
 * the CMS carries no signing-time attribute; it carries the ESS signing-certificate-v2 attribute,
 * and optionally a signature time-stamp (RFC 3161) as an unsigned attribute.
 *
 * <p>Failures the caller can act on are {@link PadesException}s with a stable {@link
 * PadesException#code}. Stateless and thread-safe.
 */
public final class Pades {
  /** A reservation that fits a CMS with a signer's chain of a few certificates. */
  public static final int DEFAULT_RESERVED = 12_000;

  /** A reservation that also fits a signature time-stamp token and the TSA's certificates. */
  public static final int RESERVED_WITH_TIMESTAMP = 20_000;

  /** The visible signature's font: Liberation Serif has every Vietnamese letter. */
  static final String FONT = "/liberation/LiberationSerif-Regular.ttf";

  private static final int MIN_RESERVED = 256;
  private static final int MAX_RESERVED = 1_000_000;
  private static final String SUBFILTER_RFC3161 = "ETSI.RFC3161";
  private static final HexFormat HEX = HexFormat.of().withUpperCase();
  private static final SecureRandom RANDOM = new SecureRandom();

  private Pades() {}

  // --- types -----------------------------------------------------------------------------------

  /**
   * What a signature says of itself, written into its signature dictionary: /Name, /Reason,
   * /Location and /M (the claimed signing time; now when null). Text fields may be null. {@code
   * visible} null makes an invisible signature.
   */
  public record SignMeta(
      String name, String reason, String location, Instant time, Visible visible) {}

  /**
   * A visible appearance: a thin frame with lines of text (e.g. "Ký bởi: Nguyễn Văn An", "Thời
   * gian: 23/11/2026 09:15") in the rectangle at ({@code x}, {@code y}) of {@code width} × {@code
   * height} PDF points on the 0-based {@code page}, in the page's unrotated coordinates. The text
   * is set in Liberation Serif, as large as fits, at most 10 points.
   */
  public record Visible(int page, float x, float y, float width, float height, List<String> lines) {
    public Visible {
      if (!(width > 0) || !(height > 0)) {
        throw new IllegalArgumentException("a visible signature needs a positive width and height");
      }
      lines = List.copyOf(lines);
    }
  }

  /**
   * A PDF with an empty signature placeholder: {@code byteRange} is the signature's /ByteRange
   * (offset and length of the part before the /Contents hex string, offset and length of the part
   * after it; the second part ends at the end of the file) and {@code digest} the SHA-256 of those
   * bytes, which is what the CMS must sign.
   */
  public record Prepared(byte[] pdf, long[] byteRange, byte[] digest) {}

  /** A private key and its certificate chain, the signer's own certificate first. */
  public record KeyMaterial(PrivateKey key, X509Certificate[] chain) {
    public KeyMaterial {
      Objects.requireNonNull(key, "key");
      if (chain == null || chain.length == 0) {
        throw new IllegalArgumentException("a certificate chain is needed");
      }
      chain = chain.clone();
    }

    /** The signer's own certificate. */
    public X509Certificate certificate() {
      return chain[0];
    }

    /** The first key entry of a PKCS#12 file. */
    public static KeyMaterial fromPkcs12(Path p12, char[] password) {
      return fromPkcs12(p12, password, null);
    }

    /**
     * The key entry {@code alias} (the first key entry when null) of a PKCS#12 file, whose key is
     * protected by the file's password.
     *
     * @throws PadesException bad-pkcs12 when the file cannot be read, the password is wrong or
     *     there is no such key entry
     */
    public static KeyMaterial fromPkcs12(Path p12, char[] password, String alias) {
      try (InputStream in = Files.newInputStream(p12)) {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(in, password);
        String chosen = alias;
        if (chosen == null) {
          for (Enumeration<String> e = ks.aliases(); e.hasMoreElements(); ) {
            String a = e.nextElement();
            if (ks.isKeyEntry(a)) {
              chosen = a;
              break;
            }
          }
        }
        if (chosen == null || !ks.isKeyEntry(chosen)) {
          throw new PadesException("bad-pkcs12", "no key entry in " + p12.getFileName());
        }
        if (!(ks.getKey(chosen, password) instanceof PrivateKey key)) {
          throw new PadesException("bad-pkcs12", "the entry " + chosen + " holds no private key");
        }
        Certificate[] certs = ks.getCertificateChain(chosen);
        if (certs == null || certs.length == 0) {
          throw new PadesException("bad-pkcs12", "the entry " + chosen + " has no certificate");
        }
        X509Certificate[] chain = new X509Certificate[certs.length];
        for (int i = 0; i < certs.length; i++) {
          if (!(certs[i] instanceof X509Certificate x)) {
            throw new PadesException("bad-pkcs12", "not an X.509 certificate in " + chosen);
          }
          chain[i] = x;
        }
        return new KeyMaterial(key, chain);
      } catch (IOException | GeneralSecurityException e) {
        throw new PadesException(
            "bad-pkcs12", "cannot read the PKCS#12 file: " + e.getMessage(), e);
      }
    }
  }

  /** A time-stamping authority: the DER TimeStampToken (RFC 3161) over SHA-256 of {@code data}. */
  public interface TimestampSource {
    byte[] timestampToken(byte[] data);
  }

  /**
   * An RFC 3161 time-stamping authority over HTTP: a SHA-256 request with a random nonce and the
   * TSA's certificate asked for; the answer must be granted and match the request (status, imprint,
   * nonce, certificate). Any failure is a {@link PadesException} tsa-failed.
   */
  public static final class HttpTsa implements TimestampSource {
    private static final int MAX_RESPONSE = 1 << 20;
    private final URI url;
    private final Duration timeout;
    private final HttpClient client;

    public HttpTsa(URI url, Duration timeout) {
      this.url = Objects.requireNonNull(url, "url");
      this.timeout = Objects.requireNonNull(timeout, "timeout");
      this.client =
          HttpClient.newBuilder()
              .connectTimeout(timeout)
              .followRedirects(HttpClient.Redirect.NEVER)
              .build();
    }

    @Override
    public byte[] timestampToken(byte[] data) {
      try {
        TimeStampRequestGenerator gen = new TimeStampRequestGenerator();
        gen.setCertReq(true);
        BigInteger nonce = new BigInteger(63, RANDOM);
        TimeStampRequest request = gen.generate(TSPAlgorithms.SHA256, sha256(data), nonce);
        HttpRequest http =
            HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/timestamp-query")
                .header("Accept", "application/timestamp-reply")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded()))
                .build();
        HttpResponse<InputStream> answer =
            client.send(http, HttpResponse.BodyHandlers.ofInputStream());
        byte[] body;
        try (InputStream in = answer.body()) {
          body = in.readNBytes(MAX_RESPONSE + 1);
        }
        if (answer.statusCode() != 200) {
          throw new PadesException("tsa-failed", "the TSA answered HTTP " + answer.statusCode());
        }
        if (body.length > MAX_RESPONSE) {
          throw new PadesException("tsa-failed", "the TSA's answer is too large");
        }
        TimeStampResponse response = new TimeStampResponse(body);
        int status = response.getStatus();
        if (status != 0 && status != 1) { // granted, granted with modifications
          throw new PadesException(
              "tsa-failed",
              "the TSA refused: status "
                  + status
                  + " "
                  + Objects.toString(response.getStatusString(), ""));
        }
        if (response.getTimeStampToken() == null) {
          throw new PadesException("tsa-failed", "the TSA granted but sent no token");
        }
        response.validate(request);
        return response.getTimeStampToken().getEncoded();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new PadesException("tsa-failed", "interrupted while asking the TSA", e);
      } catch (IOException | TSPException | RuntimeException e) {
        if (e instanceof PadesException p) {
          throw p;
        }
        throw new PadesException("tsa-failed", "time-stamping failed: " + e.getMessage(), e);
      }
    }
  }

  /**
   * One signature as found in a PDF.
   *
   * @param field the signature field's fully qualified name
   * @param name the signature dictionary's /Name
   * @param reason its /Reason
   * @param location its /Location
   * @param signingTime the claimed signing time (/M, to the second; or the CMS signing-time
   *     attribute without /M)
   * @param subject the signer certificate's subject (RFC 2253), null when no certificate was found
   * @param issuer its issuer
   * @param serial its serial number, hexadecimal
   * @param certificateSha256 SHA-256 of the certificate's DER, hexadecimal
   * @param intact the byte range is well formed (starts at 0, its hole is exactly the /Contents hex
   *     string) and the CMS verifies over it: its message digest equals the range's digest, its
   *     signature verifies with the signer's certificate, which was valid at the signing time (the
   *     time-stamp's time when there is a valid one, else the claimed time)
   * @param coversWholeDocument the byte range reaches the end of the file
   * @param timestamped a signature time-stamp (or, for a document time-stamp, the token itself)
   *     that matches the signature and verifies with the TSA's certificate in it
   * @param timestampTime that time-stamp's time
   * @param subFilter the signature dictionary's /SubFilter
   * @param signedBytes how many bytes the byte range covers
   * @param problem why the signature is not intact or its time-stamp not valid; null when neither
   */
  public record SignatureCheck(
      String field,
      String name,
      String reason,
      String location,
      Instant signingTime,
      String subject,
      String issuer,
      String serial,
      Instant notBefore,
      Instant notAfter,
      String certificateSha256,
      boolean intact,
      boolean coversWholeDocument,
      boolean timestamped,
      Instant timestampTime,
      String subFilter,
      long signedBytes,
      String problem) {}

  /**
   * The signatures of a PDF, in the order they were made (by where their byte range ends), and
   * whether the file ends exactly where the last signature's byte range ends, i.e. nothing but
   * later signatures was appended after each signature. False when there is no signature. Trust in
   * the certificates (a chain to a trusted root, revocation) is not judged here.
   */
  public record Verification(List<SignatureCheck> signatures, boolean unchangedAfterLastSignature) {
    public Verification {
      signatures = List.copyOf(signatures);
    }
  }

  /** A failure the caller can act on, with a stable code. */
  public static final class PadesException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * One of not-pdf, encrypted, bad-page, bad-prepared, bad-cms, digest-mismatch, bad-signature,
     * certificate-not-valid, too-large, bad-key, bad-pkcs12, tsa-failed.
     */
    public final String code;

    public PadesException(String code, String message) {
      super(message);
      this.code = code;
    }

    public PadesException(String code, String message, Throwable cause) {
      super(message, cause);
      this.code = code;
    }
  }

  // --- signing -------------------------------------------------------------------------------

  /**
   * Signs on the server: {@link #prepare}, {@link #cmsForDigest} with the key, {@link #embed}.
   * Reserves {@link #DEFAULT_RESERVED} bytes, {@link #RESERVED_WITH_TIMESTAMP} with a TSA.
   */
  public static byte[] signWithKey(byte[] pdf, SignMeta meta, KeyMaterial km, TimestampSource tsa) {
    Instant time = meta.time() == null ? Instant.now() : meta.time();
    SignMeta timed =
        new SignMeta(meta.name(), meta.reason(), meta.location(), time, meta.visible());
    Prepared prepared =
        prepare(pdf, timed, tsa == null ? DEFAULT_RESERVED : RESERVED_WITH_TIMESTAMP);
    byte[] cms = cmsForDigest(prepared.digest(), km.key(), km.chain(), time, tsa);
    return embed(prepared, cms);
  }

  /**
   * Appends to {@code pdf} an incremental update holding a new signature field and its signature
   * dictionary (Filter Adobe.PPKLite, SubFilter ETSI.CAdES.detached, /M, /Name, /Reason, /Location)
   * whose /Contents is a placeholder of {@code reservedBytes} zero bytes, and, when {@code
   * meta.visible()} is set, a widget with its appearance on the given page.
   *
   * @param reservedBytes the room for the CMS in bytes (twice that in hex digits in the file)
   * @throws PadesException not-pdf, encrypted, bad-page
   */
  public static Prepared prepare(byte[] pdf, SignMeta meta, int reservedBytes) {
    Objects.requireNonNull(meta, "meta");
    if (reservedBytes < MIN_RESERVED || reservedBytes > MAX_RESERVED) {
      throw new IllegalArgumentException("reservedBytes out of range: " + reservedBytes);
    }
    checkHeader(pdf);
    ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * reservedBytes + 8192);
    PDSignature signature = new PDSignature();
    try (PDDocument doc = load(pdf);
        SignatureOptions options = new SignatureOptions()) {
      signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
      signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
      if (meta.name() != null) {
        signature.setName(meta.name());
      }
      if (meta.reason() != null) {
        signature.setReason(meta.reason());
      }
      if (meta.location() != null) {
        signature.setLocation(meta.location());
      }
      Calendar when = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
      when.setTimeInMillis((meta.time() == null ? Instant.now() : meta.time()).toEpochMilli());
      signature.setSignDate(when);

      options.setPreferredSignatureSize(reservedBytes);
      Visible visible = meta.visible();
      if (visible != null) {
        if (visible.page() < 0 || visible.page() >= doc.getNumberOfPages()) {
          throw new PadesException(
              "bad-page", "the PDF has no page " + visible.page() + " (0-based)");
        }
        options.setPage(visible.page());
      }
      doc.addSignature(signature, options);
      if (visible != null) {
        appear(doc, signature, visible);
      }
      ExternalSigningSupport external = doc.saveIncrementalForExternalSigning(out);
      // Nothing is signed yet: the placeholder is written out as it was reserved, all zeros. The
      // range's digest is computed below from the written bytes themselves.
      external.setSignature(new byte[0]);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the PDF for signing", e);
    }
    byte[] prepared = out.toByteArray();
    int[] range = signature.getByteRange();
    long[] byteRange = {range[0], range[1], range[2], range[3]};
    checkPlaceholder(prepared, byteRange);
    return new Prepared(prepared, byteRange, rangeDigest(prepared, byteRange));
  }

  /**
   * Writes a CMS into the placeholder of a PDF made by {@link #prepare}. The CMS must be a detached
   * SignedData with one signer that signed with SHA-256, whose message digest is the range's
   * SHA-256, whose signature verifies with the certificate it carries, which must be valid now.
   * Nothing else of the PDF changes.
   *
   * @throws PadesException bad-prepared (not a placeholder, or the bytes do not match the digest),
   *     bad-cms, digest-mismatch, bad-signature, certificate-not-valid, too-large
   */
  public static byte[] embed(Prepared prepared, byte[] cmsDer) {
    byte[] pdf = prepared.pdf();
    long[] range = prepared.byteRange();
    checkPlaceholder(pdf, range);
    if (!MessageDigest.isEqual(rangeDigest(pdf, range), prepared.digest())) {
      throw new PadesException("bad-prepared", "the prepared PDF does not match its digest");
    }
    return write(pdf, range, cmsDer);
  }

  /**
   * {@link #embed(Prepared, byte[])} from the prepared PDF's bytes alone: the placeholder is the
   * signature whose /Contents is all zeros and whose byte range ends at the end of the file.
   */
  public static byte[] embed(byte[] preparedPdf, byte[] cmsDer) {
    checkHeader(preparedPdf);
    long[] found = null;
    try (PDDocument doc = load(preparedPdf)) {
      for (PDSignature sig : doc.getSignatureDictionaries()) {
        long[] range = byteRange(sig);
        if (range != null && isPlaceholder(preparedPdf, range)) {
          found = range;
        }
      }
    } catch (IOException e) {
      throw new PadesException("not-pdf", "cannot read the prepared PDF", e);
    }
    if (found == null) {
      throw new PadesException("bad-prepared", "the PDF has no empty signature placeholder");
    }
    return write(preparedPdf, found, cmsDer);
  }

  /**
   * A detached CMS SignedData (PAdES baseline B-B, or B-T with a TSA) over a SHA-256 {@code
   * digest}: SHA256withRSA or SHA256withECDSA as the key is; signed attributes content-type,
   * message-digest and ESS signing-certificate-v2 (no signing-time: PAdES puts the claimed time in
   * /M); the certificates of {@code chain}; with {@code tsa}, an unsigned
   * signature-time-stamp-token attribute over the signature value.
   *
   * @param time the signing time, at which the certificate must be valid
   * @throws PadesException certificate-not-valid, bad-key (an unsupported key, or one that does not
   *     match the certificate), tsa-failed
   */
  public static byte[] cmsForDigest(
      byte[] digest, PrivateKey key, X509Certificate[] chain, Instant time, TimestampSource tsa) {
    if (digest == null || digest.length != 32) {
      throw new IllegalArgumentException("a SHA-256 digest of 32 bytes is needed");
    }
    if (chain == null || chain.length == 0) {
      throw new IllegalArgumentException("a certificate chain is needed");
    }
    X509Certificate cert = chain[0];
    try {
      cert.checkValidity(Date.from(time));
    } catch (CertificateException e) {
      throw new PadesException(
          "certificate-not-valid", "the certificate is not valid at " + time, e);
    }
    String algorithm =
        switch (key.getAlgorithm()) {
          case "RSA" -> "SHA256withRSA";
          case "EC", "ECDSA" -> "SHA256withECDSA";
          default ->
              throw new PadesException(
                  "bad-key", "unsupported key algorithm " + key.getAlgorithm());
        };
    try {
      AlgorithmIdentifier digestAlgorithm =
          new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256);
      ASN1EncodableVector attributes = new ASN1EncodableVector();
      attributes.add(
          new Attribute(CMSAttributes.contentType, new DERSet(CMSObjectIdentifiers.data)));
      attributes.add(
          new Attribute(CMSAttributes.messageDigest, new DERSet(new DEROctetString(digest))));
      attributes.add(
          new Attribute(
              PKCSObjectIdentifiers.id_aa_signingCertificateV2,
              new DERSet(
                  new SigningCertificateV2(
                      new ESSCertIDv2(sha256(cert.getEncoded()), issuerSerial(cert))))));
      ASN1Set signedAttributes = new DERSet(attributes);

      ContentSigner signer = new JcaContentSignerBuilder(algorithm).build(key);
      try (OutputStream o = signer.getOutputStream()) {
        o.write(signedAttributes.getEncoded(ASN1Encoding.DER));
      }
      byte[] signatureValue = signer.getSignature();
      Signature check = Signature.getInstance(algorithm);
      check.initVerify(cert.getPublicKey());
      check.update(signedAttributes.getEncoded(ASN1Encoding.DER));
      if (!check.verify(signatureValue)) {
        throw new PadesException("bad-key", "the key does not match the certificate");
      }

      ASN1Set unsigned = null;
      if (tsa != null) {
        byte[] token = timestamp(tsa, signatureValue);
        unsigned =
            new DERSet(
                new Attribute(
                    PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                    new DERSet(ContentInfo.getInstance(ASN1Primitive.fromByteArray(token)))));
      }
      SignerInfo signerInfo =
          new SignerInfo(
              new SignerIdentifier(
                  new IssuerAndSerialNumber(
                      org.bouncycastle.asn1.x509.Certificate.getInstance(cert.getEncoded()))),
              digestAlgorithm,
              signedAttributes,
              signer.getAlgorithmIdentifier(),
              new DEROctetString(signatureValue),
              unsigned);
      ASN1EncodableVector certificates = new ASN1EncodableVector();
      for (X509Certificate c : chain) {
        certificates.add(org.bouncycastle.asn1.x509.Certificate.getInstance(c.getEncoded()));
      }
      SignedData signedData =
          new SignedData(
              new DERSet(digestAlgorithm),
              new ContentInfo(CMSObjectIdentifiers.data, null),
              new DERSet(certificates),
              null,
              new DERSet(signerInfo));
      return new ContentInfo(CMSObjectIdentifiers.signedData, signedData)
          .getEncoded(ASN1Encoding.DER);
    } catch (OperatorCreationException | GeneralSecurityException e) {
      throw new PadesException("bad-key", "cannot sign with this key: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A time-stamp token over {@code signatureValue}, checked to match it and to verify. */
  private static byte[] timestamp(TimestampSource tsa, byte[] signatureValue) {
    byte[] token;
    try {
      token = tsa.timestampToken(signatureValue);
    } catch (PadesException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new PadesException("tsa-failed", "time-stamping failed: " + e.getMessage(), e);
    }
    String problem = checkToken(token, signatureValue);
    if (problem != null) {
      throw new PadesException("tsa-failed", "the time-stamp token is not usable: " + problem);
    }
    return token;
  }

  private static IssuerSerial issuerSerial(X509Certificate cert) {
    X500Name issuer = X500Name.getInstance(cert.getIssuerX500Principal().getEncoded());
    return new IssuerSerial(new GeneralNames(new GeneralName(issuer)), cert.getSerialNumber());
  }

  /** Checks the CMS against the range of a placeholder and writes it in as hex digits. */
  private static byte[] write(byte[] pdf, long[] range, byte[] cmsDer) {
    int room = (int) (range[2] - range[1] - 2);
    if (cmsDer == null || cmsDer.length == 0) {
      throw new PadesException("bad-cms", "no CMS");
    }
    if (2L * cmsDer.length > room) {
      throw new PadesException(
          "too-large",
          "the CMS has " + cmsDer.length + " bytes, the placeholder room for " + room / 2);
    }
    CMSSignedData signed = parseCms(cmsDer);
    if (!signed.isDetachedSignature()) {
      throw new PadesException("bad-cms", "the CMS is not detached");
    }
    Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
    if (signers.size() != 1) {
      throw new PadesException("bad-cms", "the CMS has " + signers.size() + " signers, not one");
    }
    SignerInformation signer = signers.iterator().next();
    if (!NISTObjectIdentifiers.id_sha256.getId().equals(signer.getDigestAlgOID())) {
      throw new PadesException("bad-cms", "the CMS was not made with SHA-256");
    }
    byte[] messageDigest = messageDigest(signer);
    if (messageDigest == null) {
      throw new PadesException("bad-cms", "the CMS has no message-digest attribute");
    }
    if (!MessageDigest.isEqual(messageDigest, rangeDigest(pdf, range))) {
      throw new PadesException("digest-mismatch", "the CMS was made for another document");
    }
    X509CertificateHolder holder = signerCertificate(signed, signer);
    if (holder == null) {
      throw new PadesException("bad-cms", "the CMS does not carry the signer's certificate");
    }
    if (!holder.isValidOn(new Date())) {
      throw new PadesException(
          "certificate-not-valid", "the signer's certificate is not valid now");
    }
    String failure = verifySigner(pdf, range, cmsDer, holder);
    if (failure != null) {
      throw new PadesException(
          failure.startsWith("digest") ? "digest-mismatch" : "bad-signature", failure);
    }
    byte[] out = pdf.clone();
    byte[] hex = HEX.formatHex(cmsDer).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(hex, 0, out, (int) range[1] + 1, hex.length);
    return out;
  }

  // --- verification -------------------------------------------------------------------------

  /**
   * The signatures of a PDF and whether each is intact (see {@link SignatureCheck}). An unsigned
   * PDF gives an empty list; a bad signature is reported, never thrown.
   *
   * @throws PadesException not-pdf (not a PDF, or one that cannot be read), encrypted
   */
  public static Verification verify(byte[] pdf) {
    checkHeader(pdf);
    List<SignatureCheck> checks = new ArrayList<>();
    List<Long> ends = new ArrayList<>();
    try (PDDocument doc = load(pdf)) {
      for (PDSignatureField field : doc.getSignatureFields()) {
        PDSignature sig = field.getSignature();
        if (sig == null) {
          continue; // an empty field, waiting for a signature
        }
        long[] range = byteRange(sig);
        checks.add(check(pdf, field.getFullyQualifiedName(), sig, range));
        ends.add(range == null ? -1L : range[2] + range[3]);
      }
    } catch (IOException e) {
      throw new PadesException("not-pdf", "cannot read the PDF: " + e.getMessage(), e);
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < checks.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingLong(ends::get));
    List<SignatureCheck> sorted = order.stream().map(checks::get).toList();
    long lastEnd = ends.stream().mapToLong(Long::longValue).max().orElse(-1);
    return new Verification(sorted, lastEnd == pdf.length);
  }

  private static SignatureCheck check(byte[] pdf, String field, PDSignature sig, long[] range) {
    String subFilter = sig.getSubFilter();
    Instant claimed = sig.getSignDate() == null ? null : sig.getSignDate().toInstant();
    boolean covers = range != null && range[2] + range[3] == pdf.length;
    long signedBytes = range == null ? 0 : range[1] + range[3];
    Result r = new Result();
    r.signingTime = claimed;
    try {
      byte[] cmsDer = wellFormedContents(pdf, range, sig);
      if (SUBFILTER_RFC3161.equals(subFilter)) {
        checkDocumentTimestamp(pdf, range, cmsDer, r);
      } else {
        checkCms(pdf, range, cmsDer, r);
      }
    } catch (Problem p) {
      r.intact = false;
      r.problem = p.getMessage();
    } catch (RuntimeException e) {
      r.intact = false;
      r.problem = "cannot check the signature: " + e;
    }
    return new SignatureCheck(
        field,
        sig.getName(),
        sig.getReason(),
        sig.getLocation(),
        r.signingTime,
        r.cert == null ? null : r.cert.getSubjectX500Principal().getName(),
        r.cert == null ? null : r.cert.getIssuerX500Principal().getName(),
        r.cert == null ? null : r.cert.getSerialNumber().toString(16),
        r.cert == null ? null : r.cert.getNotBefore().toInstant(),
        r.cert == null ? null : r.cert.getNotAfter().toInstant(),
        r.cert == null ? null : certificateSha256(r.cert),
        r.intact,
        covers,
        r.timestamped,
        r.timestampTime,
        subFilter,
        signedBytes,
        r.problem);
  }

  /** What is learnt of one signature while checking it. */
  private static final class Result {
    Instant signingTime;
    X509Certificate cert;
    boolean intact;
    boolean timestamped;
    Instant timestampTime;
    String problem;
  }

  /** Why a signature is not intact. */
  private static final class Problem extends Exception {
    private static final long serialVersionUID = 1L;

    Problem(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * The DER of the CMS in the byte range's hole, after checking the range is well formed and the
   * hole is exactly this dictionary's /Contents hex string.
   */
  private static byte[] wellFormedContents(byte[] pdf, long[] range, PDSignature sig)
      throws Problem {
    if (range == null) {
      throw new Problem("the byte range is missing or not four numbers");
    }
    if (range[0] != 0
        || range[1] <= 0
        || range[2] < range[1] + 2
        || range[3] < 0
        || range[2] + range[3] > pdf.length) {
      throw new Problem("the byte range is malformed: " + Arrays.toString(range));
    }
    int start = (int) range[1];
    int end = (int) range[2]; // exclusive
    if (pdf[start] != '<' || pdf[end - 1] != '>') {
      throw new Problem("the byte range's hole is not a hex string");
    }
    for (int i = start + 1; i < end - 1; i++) {
      if (Character.digit(pdf[i], 16) < 0) {
        throw new Problem("the byte range's hole is not a hex string");
      }
    }
    int k = start - 1;
    while (k >= 0 && isWhite(pdf[k])) {
      k--;
    }
    byte[] key = "/Contents".getBytes(StandardCharsets.US_ASCII);
    if (k + 1 < key.length || !Arrays.equals(pdf, k + 1 - key.length, k + 1, key, 0, key.length)) {
      throw new Problem("the byte range's hole is not the /Contents value");
    }
    String hex = new String(pdf, start + 1, end - start - 2, StandardCharsets.US_ASCII);
    if (hex.length() % 2 != 0) {
      hex = hex + "0";
    }
    byte[] contents = HexFormat.of().parseHex(hex);
    if (!Arrays.equals(contents, sig.getContents())) {
      throw new Problem("the byte range's hole is not this signature's /Contents");
    }
    return contents;
  }

  private static void checkCms(byte[] pdf, long[] range, byte[] contents, Result r) throws Problem {
    CMSSignedData signed;
    try {
      signed = parseCms(contents);
    } catch (PadesException e) {
      throw new Problem(e.getMessage());
    }
    Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
    if (signers.size() != 1) {
      throw new Problem("the CMS has " + signers.size() + " signers, not one");
    }
    SignerInformation signer = signers.iterator().next();
    X509CertificateHolder holder = signerCertificate(signed, signer);
    if (holder == null) {
      throw new Problem("the CMS does not carry the signer's certificate");
    }
    r.cert = toX509(holder);
    if (r.signingTime == null) {
      r.signingTime = cmsSigningTime(signer);
    }
    // The signature time-stamp, reported even when the signature itself is not intact.
    String tsProblem = null;
    Attribute tsAttribute =
        signer.getUnsignedAttributes() == null
            ? null
            : signer
                .getUnsignedAttributes()
                .get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
    if (tsAttribute != null) {
      try {
        byte[] token = tsAttribute.getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded();
        tsProblem = checkToken(token, signer.getSignature());
        if (tsProblem == null) {
          r.timestamped = true;
          r.timestampTime = tokenTime(token);
        }
      } catch (IOException | RuntimeException e) {
        tsProblem = "the time-stamp cannot be read";
      }
    }
    if (signed.getSignedContent() != null) {
      throw new Problem("the CMS is not detached");
    }
    String failure = verifySigner(pdf, range, contents, holder);
    if (failure != null) {
      throw new Problem(failure);
    }
    String certProblem = signingCertificateProblem(signer, holder);
    if (certProblem != null) {
      throw new Problem(certProblem);
    }
    Instant at = r.timestampTime != null ? r.timestampTime : r.signingTime;
    if (at == null) {
      at = Instant.now();
    }
    if (!holder.isValidOn(Date.from(at))) {
      throw new Problem("the signer's certificate was not valid at " + at);
    }
    r.intact = true;
    if (tsProblem != null) {
      r.problem = "time-stamp: " + tsProblem;
    }
  }

  /** A document time-stamp (ETSI.RFC3161): the token's imprint is the range's digest. */
  private static void checkDocumentTimestamp(byte[] pdf, long[] range, byte[] contents, Result r)
      throws Problem {
    TimeStampToken token;
    try {
      token = new TimeStampToken(parseCms(contents));
    } catch (TSPException | IOException | PadesException e) {
      throw new Problem("the time-stamp token cannot be read");
    }
    X509CertificateHolder holder = tokenCertificate(token);
    if (holder != null) {
      r.cert = toX509(holder);
    }
    r.signingTime = token.getTimeStampInfo().getGenTime().toInstant();
    ASN1ObjectIdentifier alg = token.getTimeStampInfo().getMessageImprintAlgOID();
    byte[] expected = rangeDigest(pdf, range, digestName(alg));
    if (!MessageDigest.isEqual(expected, token.getTimeStampInfo().getMessageImprintDigest())) {
      throw new Problem("digest mismatch: the time-stamp was made for other bytes");
    }
    String problem = validateToken(token);
    if (problem != null) {
      throw new Problem(problem);
    }
    r.timestamped = true;
    r.timestampTime = r.signingTime;
    r.intact = true;
  }

  /**
   * Verifies the signer over the range with its certificate; null when it verifies, else why not (a
   * message starting with "digest" for a message-digest mismatch).
   */
  private static String verifySigner(
      byte[] pdf, long[] range, byte[] cmsDer, X509CertificateHolder holder) {
    try {
      CMSSignedData withContent =
          new CMSSignedData(new RangeContent(pdf, range), ContentInfo.getInstance(readDer(cmsDer)));
      SignerInformation signer = withContent.getSignerInfos().getSigners().iterator().next();
      SignerInformationVerifier verifier = new JcaSimpleSignerInfoVerifierBuilder().build(holder);
      return signer.verify(verifier) ? null : "the signature does not verify with its certificate";
    } catch (CMSSignerDigestMismatchException e) {
      return "digest mismatch: the signed bytes changed";
    } catch (CMSVerifierCertificateNotValidException e) {
      return "the signer's certificate was not valid at the signing time";
    } catch (CMSException | OperatorCreationException | CertificateException | IOException e) {
      return "the signature cannot be verified: " + e.getMessage();
    } catch (RuntimeException e) {
      return "the signature cannot be verified: " + e;
    }
  }

  /** A mismatch between the ESS signing-certificate attribute (v2 or v1) and the certificate. */
  private static String signingCertificateProblem(
      SignerInformation signer, X509CertificateHolder holder) {
    AttributeTable attributes = signer.getSignedAttributes();
    if (attributes == null) {
      return "the CMS has no signed attributes";
    }
    try {
      byte[] der = holder.getEncoded();
      Attribute v2 = attributes.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
      if (v2 != null) {
        SigningCertificateV2 sc =
            SigningCertificateV2.getInstance(v2.getAttrValues().getObjectAt(0));
        ESSCertIDv2 id = sc.getCerts()[0];
        String name = digestName(id.getHashAlgorithm().getAlgorithm());
        byte[] hash = MessageDigest.getInstance(name).digest(der);
        return MessageDigest.isEqual(hash, id.getCertHash())
            ? null
            : "the signing-certificate attribute names another certificate";
      }
      Attribute v1 = attributes.get(PKCSObjectIdentifiers.id_aa_signingCertificate);
      if (v1 != null) {
        SigningCertificate sc = SigningCertificate.getInstance(v1.getAttrValues().getObjectAt(0));
        ESSCertID id = sc.getCerts()[0];
        byte[] hash = MessageDigest.getInstance("SHA-1").digest(der);
        return MessageDigest.isEqual(hash, id.getCertHash())
            ? null
            : "the signing-certificate attribute names another certificate";
      }
      return null;
    } catch (IOException | NoSuchAlgorithmException | RuntimeException e) {
      return "the signing-certificate attribute cannot be read";
    }
  }

  /**
   * Why a time-stamp token does not fit {@code signed} (its imprint is not the digest of those
   * bytes, or it does not verify with the TSA certificate it carries); null when it fits.
   */
  private static String checkToken(byte[] tokenDer, byte[] signed) {
    try {
      TimeStampToken token = new TimeStampToken(parseCms(tokenDer));
      ASN1ObjectIdentifier alg = token.getTimeStampInfo().getMessageImprintAlgOID();
      byte[] expected = MessageDigest.getInstance(digestName(alg)).digest(signed);
      if (!MessageDigest.isEqual(expected, token.getTimeStampInfo().getMessageImprintDigest())) {
        return "its imprint is not that of the signature value";
      }
      return validateToken(token);
    } catch (TSPException | IOException | NoSuchAlgorithmException | RuntimeException e) {
      return "it cannot be read: " + e.getMessage();
    }
  }

  private static String validateToken(TimeStampToken token) {
    X509CertificateHolder holder = tokenCertificate(token);
    if (holder == null) {
      return "the token does not carry the TSA's certificate";
    }
    try {
      token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(holder));
      return null;
    } catch (TSPException | OperatorCreationException | CertificateException e) {
      return "the token does not verify: " + e.getMessage();
    }
  }

  private static X509CertificateHolder tokenCertificate(TimeStampToken token) {
    @SuppressWarnings("unchecked")
    Collection<X509CertificateHolder> matches = token.getCertificates().getMatches(token.getSID());
    return matches.isEmpty() ? null : matches.iterator().next();
  }

  private static Instant tokenTime(byte[] tokenDer) throws IOException {
    try {
      return new TimeStampToken(parseCms(tokenDer)).getTimeStampInfo().getGenTime().toInstant();
    } catch (TSPException e) {
      throw new IOException(e);
    }
  }

  // --- helpers ---------------------------------------------------------------------------------

  private static PDDocument load(byte[] pdf) throws IOException {
    try {
      return Loader.loadPDF(pdf);
    } catch (InvalidPasswordException e) {
      throw new PadesException("encrypted", "the PDF is protected by a password", e);
    } catch (IOException e) {
      throw new PadesException("not-pdf", "not a readable PDF: " + e.getMessage(), e);
    }
  }

  private static void checkHeader(byte[] pdf) {
    Objects.requireNonNull(pdf, "pdf");
    byte[] magic = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    int limit = Math.min(pdf.length - magic.length, 1024);
    for (int i = 0; i <= limit; i++) {
      if (Arrays.equals(pdf, i, i + magic.length, magic, 0, magic.length)) {
        return;
      }
    }
    throw new PadesException("not-pdf", "not a PDF");
  }

  /** The /ByteRange as four longs; null when it is missing or not four numbers. */
  private static long[] byteRange(PDSignature sig) {
    COSBase base = sig.getCOSObject().getDictionaryObject(COSName.BYTERANGE);
    if (!(base instanceof COSArray array) || array.size() != 4) {
      return null;
    }
    long[] range = new long[4];
    for (int i = 0; i < 4; i++) {
      if (!(array.getObject(i) instanceof COSNumber n)) {
        return null;
      }
      range[i] = n.longValue();
    }
    return range;
  }

  /** The range starts at 0, ends at the end of the file, and its hole is {@code <00…0>}. */
  private static boolean isPlaceholder(byte[] pdf, long[] range) {
    if (range.length != 4
        || range[0] != 0
        || range[1] <= 0
        || range[2] < range[1] + 2
        || range[3] < 0
        || range[2] + range[3] != pdf.length) {
      return false;
    }
    int start = (int) range[1];
    int end = (int) range[2];
    if (pdf[start] != '<' || pdf[end - 1] != '>') {
      return false;
    }
    for (int i = start + 1; i < end - 1; i++) {
      if (pdf[i] != '0') {
        return false;
      }
    }
    return true;
  }

  private static void checkPlaceholder(byte[] pdf, long[] range) {
    if (pdf == null || range == null || !isPlaceholder(pdf, range)) {
      throw new PadesException(
          "bad-prepared", "the byte range is not an empty placeholder at the end of the PDF");
    }
  }

  private static byte[] rangeDigest(byte[] pdf, long[] range) {
    return rangeDigest(pdf, range, "SHA-256");
  }

  private static byte[] rangeDigest(byte[] pdf, long[] range, String algorithm) {
    try {
      MessageDigest md = MessageDigest.getInstance(algorithm);
      md.update(pdf, (int) range[0], (int) range[1]);
      md.update(pdf, (int) range[2], (int) range[3]);
      return md.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String certificateSha256(X509Certificate cert) {
    try {
      return HexFormat.of().formatHex(sha256(cert.getEncoded()));
    } catch (CertificateEncodingException e) {
      return null;
    }
  }

  /** The JCA name of a digest algorithm OID (those a PAdES signature may use). */
  private static String digestName(ASN1ObjectIdentifier oid) {
    if (NISTObjectIdentifiers.id_sha256.equals(oid)) {
      return "SHA-256";
    } else if (NISTObjectIdentifiers.id_sha384.equals(oid)) {
      return "SHA-384";
    } else if (NISTObjectIdentifiers.id_sha512.equals(oid)) {
      return "SHA-512";
    } else if (OIWObjectIdentifiers.idSHA1.equals(oid)) {
      return "SHA-1";
    }
    throw new IllegalArgumentException("unsupported digest algorithm " + oid);
  }

  /** One DER object from the start of {@code bytes}; trailing bytes (zero padding) are ignored. */
  private static ASN1Primitive readDer(byte[] bytes) throws IOException {
    try (ASN1InputStream in = new ASN1InputStream(bytes)) {
      ASN1Primitive object = in.readObject();
      if (object == null) {
        throw new IOException("empty");
      }
      return object;
    }
  }

  private static CMSSignedData parseCms(byte[] der) {
    try {
      ContentInfo info = ContentInfo.getInstance(readDer(der));
      if (!CMSObjectIdentifiers.signedData.equals(info.getContentType())) {
        throw new PadesException("bad-cms", "the CMS is not SignedData");
      }
      return new CMSSignedData(info);
    } catch (IOException | CMSException | IllegalArgumentException | IllegalStateException e) {
      throw new PadesException("bad-cms", "the CMS cannot be read: " + e.getMessage(), e);
    }
  }

  private static X509CertificateHolder signerCertificate(
      CMSSignedData signed, SignerInformation signer) {
    Store<X509CertificateHolder> store = signed.getCertificates();
    Collection<X509CertificateHolder> matches = store.getMatches(signer.getSID());
    return matches.isEmpty() ? null : matches.iterator().next();
  }

  private static X509Certificate toX509(X509CertificateHolder holder) throws Problem {
    try {
      return new JcaX509CertificateConverter().getCertificate(holder);
    } catch (CertificateException e) {
      throw new Problem("the signer's certificate cannot be read");
    }
  }

  private static byte[] messageDigest(SignerInformation signer) {
    AttributeTable attributes = signer.getSignedAttributes();
    Attribute a = attributes == null ? null : attributes.get(CMSAttributes.messageDigest);
    if (a == null || a.getAttrValues().size() != 1) {
      return null;
    }
    ASN1Encodable value = a.getAttrValues().getObjectAt(0);
    return value instanceof ASN1OctetString o ? o.getOctets() : null;
  }

  private static Instant cmsSigningTime(SignerInformation signer) {
    AttributeTable attributes = signer.getSignedAttributes();
    Attribute a = attributes == null ? null : attributes.get(CMSAttributes.signingTime);
    if (a == null || a.getAttrValues().size() != 1) {
      return null;
    }
    try {
      return Time.getInstance(a.getAttrValues().getObjectAt(0)).getDate().toInstant();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static boolean isWhite(byte b) {
    return b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == '\f' || b == 0;
  }

  /** The two parts of a byte range, written without copying them together. */
  private record RangeContent(byte[] pdf, long[] range) implements CMSTypedData {
    @Override
    public ASN1ObjectIdentifier getContentType() {
      return CMSObjectIdentifiers.data;
    }

    @Override
    public void write(OutputStream out) throws IOException {
      out.write(pdf, (int) range[0], (int) range[1]);
      out.write(pdf, (int) range[2], (int) range[3]);
    }

    @Override
    public Object getContent() {
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      try {
        write(all);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return all.toByteArray();
    }
  }

  // --- appearance ------------------------------------------------------------------------------

  private static final float MAX_FONT_SIZE = 10f;
  private static final float LEADING = 1.25f;
  private static final float PADDING = 4f;

  /** Gives the new signature's widget the rectangle and appearance of {@code visible}. */
  private static void appear(PDDocument doc, PDSignature signature, Visible visible)
      throws IOException {
    PDSignatureField field = null;
    for (PDSignatureField f : doc.getSignatureFields()) {
      if (f.getCOSObject().getDictionaryObject(COSName.V) == signature.getCOSObject()) {
        field = f;
      }
    }
    if (field == null) {
      throw new IllegalStateException("the new signature field was not found");
    }
    PDAnnotationWidget widget = field.getWidgets().get(0);
    float w = visible.width();
    float h = visible.height();
    widget.setRectangle(new PDRectangle(visible.x(), visible.y(), w, h));

    PDAppearanceStream stream = new PDAppearanceStream(doc);
    stream.setBBox(new PDRectangle(w, h));
    stream.setResources(new PDResources());
    PDType0Font font;
    try (InputStream in = Pades.class.getResourceAsStream(FONT)) {
      if (in == null) {
        throw new IllegalStateException("font " + FONT + " is not on the class path");
      }
      font = PDType0Font.load(doc, in, true);
    }
    List<String> lines = new ArrayList<>();
    for (String line : visible.lines()) {
      lines.add(printable(font, line));
    }
    float size = MAX_FONT_SIZE;
    if (!lines.isEmpty()) {
      size = Math.min(size, (h - 2 * PADDING) / (lines.size() * LEADING));
      float widest = 0;
      for (String line : lines) {
        widest = Math.max(widest, font.getStringWidth(line) / 1000f);
      }
      if (widest > 0) {
        size = Math.min(size, (w - 2 * PADDING) / widest);
      }
      size = Math.max(size, 1f);
    }
    try (PDPageContentStream cs = new PDPageContentStream(doc, stream)) {
      cs.setStrokingColor(0.1f, 0.2f, 0.5f);
      cs.setLineWidth(0.75f);
      cs.addRect(0.5f, 0.5f, w - 1f, h - 1f);
      cs.stroke();
      if (!lines.isEmpty()) {
        cs.setNonStrokingColor(0f, 0f, 0f);
        cs.beginText();
        cs.setFont(font, size);
        cs.setLeading(size * LEADING);
        cs.newLineAtOffset(PADDING, h - PADDING - size);
        for (String line : lines) {
          cs.showText(line);
          cs.newLine();
        }
        cs.endText();
      }
    }
    PDAppearanceDictionary appearance = new PDAppearanceDictionary();
    appearance.setNormalAppearance(stream);
    widget.setAppearance(appearance);
  }

  /** The line in NFC without control characters, a letter the font lacks shown as "?". */
  private static String printable(PDType0Font font, String line) {
    String nfc = Normalizer.normalize(line == null ? "" : line, Normalizer.Form.NFC);
    StringBuilder out = new StringBuilder(nfc.length());
    nfc.codePoints()
        .forEach(
            cp -> {
              if (Character.isISOControl(cp)) {
                out.append(' ');
                return;
              }
              String s = new String(Character.toChars(cp));
              try {
                font.encode(s);
                out.append(s);
              } catch (IOException | IllegalArgumentException e) {
                out.append('?');
              }
            });
    return out.toString();
  }
}
