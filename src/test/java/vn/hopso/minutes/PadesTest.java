package vn.hopso.minutes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hopso.minutes.Pades.KeyMaterial;
import vn.hopso.minutes.Pades.PadesException;
import vn.hopso.minutes.Pades.Prepared;
import vn.hopso.minutes.Pades.SignMeta;
import vn.hopso.minutes.Pades.SignatureCheck;
import vn.hopso.minutes.Pades.Verification;
import vn.hopso.minutes.Pades.Visible;

/** PAdES signatures of the minutes: made, embedded, verified, and refused when they should be. */
class PadesTest {
  static final String TITLE = "HopSo test minutes";
  static final String SECRETARY = "Nguyễn Văn An";
  static final String CHAIR = "Trần Thị Bình";

  /** The JDK's PKCS#12 key store takes ASCII passwords only. */
  static final char[] PASSWORD = "mat-khau-123".toCharArray();

  static TestPki pki;
  static byte[] minutes;

  @TempDir Path dir;

  @BeforeAll
  static void setUp() {
    pki = TestPki.create();
    minutes = minutesPdf(3, false);
  }

  // --- the two signatures of the minutes -------------------------------------------------------

  @Test
  void secretaryOnTheServerThenChairByHashBothVerify() throws Exception {
    Instant t1 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Instant t2 = t1.plusSeconds(90);
    byte[] once = signAsSecretary(minutes, t1);

    // The chair signs by hash, as a USB token would: prepare, the token signs the digest, embed
    // from the prepared bytes alone (as a later request would).
    KeyMaterial chair = pki.person(CHAIR);
    Prepared prepared =
        Pades.prepare(
            once, new SignMeta(CHAIR, "Chủ tọa", "Hà Nội", t2, null), Pades.DEFAULT_RESERVED);
    assertEquals(32, prepared.digest().length);
    byte[] cms = Pades.cmsForDigest(prepared.digest(), chair.key(), chair.chain(), t2, null);
    byte[] twice = Pades.embed(prepared.pdf(), cms);
    assertEquals(prepared.pdf().length, twice.length, "the CMS fills the placeholder in place");

    Verification v = Pades.verify(twice);
    assertEquals(2, v.signatures().size());
    assertTrue(v.unchangedAfterLastSignature());
    SignatureCheck first = v.signatures().get(0);
    SignatureCheck second = v.signatures().get(1);
    assertTrue(first.intact(), first.problem());
    assertTrue(second.intact(), second.problem());
    assertFalse(first.coversWholeDocument());
    assertTrue(second.coversWholeDocument());
    assertNull(first.problem());
    assertEquals(SECRETARY, first.name());
    assertEquals("Thư ký", first.reason());
    assertEquals("Hà Nội", first.location());
    assertEquals(t1, first.signingTime());
    assertEquals(t2, second.signingTime());
    assertEquals("CN=" + SECRETARY + ",O=HopSo test,C=VN", first.subject());
    assertEquals("CN=" + CHAIR + ",O=HopSo test,C=VN", second.subject());
    assertEquals("CN=HopSo Test Root CA,O=HopSo test,C=VN", second.issuer());
    assertEquals(
        PdfSignatures.hex(sha256(chair.certificate().getEncoded())), second.certificateSha256());
    assertEquals(chair.certificate().getSerialNumber().toString(16), second.serial());
    assertEquals("ETSI.CAdES.detached", first.subFilter());
    assertFalse(first.timestamped());
    assertNull(first.timestampTime());
    assertTrue(first.signedBytes() > 0 && first.signedBytes() < second.signedBytes());

    // Independently of Pades: every byte range in the file, its hole's CMS, checked with BC.
    List<long[]> ranges = PdfSignatures.byteRanges(twice);
    assertEquals(2, ranges.size());
    List<String> signers = new ArrayList<>();
    for (long[] range : ranges) {
      CMSSignedData signed = PdfSignatures.cms(twice, range);
      assertTrue(signed.isDetachedSignature());
      SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
      X509CertificateHolder cert =
          (X509CertificateHolder)
              signed.getCertificates().getMatches(signer.getSID()).iterator().next();
      assertTrue(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(cert)));
      // PAdES baseline B-B: signing-certificate-v2 naming this certificate, no signing-time.
      AttributeTable attributes = signer.getSignedAttributes();
      assertNull(attributes.get(CMSAttributes.signingTime));
      Attribute essV2 = attributes.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
      assertNotNull(essV2);
      SigningCertificateV2 sc =
          SigningCertificateV2.getInstance(essV2.getAttrValues().getObjectAt(0));
      assertArrayEquals(sha256(cert.getEncoded()), sc.getCerts()[0].getCertHash());
      // The chain is in the CMS and the signer's certificate chains to the root.
      assertEquals(2, signed.getCertificates().getMatches(null).size());
      new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter()
          .getCertificate(cert)
          .verify(pki.root().getPublicKey());
      signers.add(cert.getSubject().toString());
    }
    assertTrue(signers.get(0).contains(SECRETARY), signers.toString());
    assertTrue(signers.get(1).contains(CHAIR), signers.toString());
    assertTrue(ranges.get(1)[2] + ranges.get(1)[3] == twice.length);
    assertTrue(ranges.get(0)[2] + ranges.get(0)[3] < twice.length);
  }

  @Test
  void serverSigningFromPkcs12UsesTheFilesKey() {
    KeyMaterial secretary = pki.person(SECRETARY);
    Path p12 = TestPki.writePkcs12(dir.resolve("secretary.p12"), PASSWORD, secretary);
    KeyMaterial loaded = KeyMaterial.fromPkcs12(p12, PASSWORD);
    assertEquals(secretary.certificate(), loaded.certificate());
    assertEquals(2, loaded.chain().length);
    assertEquals(
        loaded.certificate(), KeyMaterial.fromPkcs12(p12, PASSWORD, "signer").certificate());
    PadesException wrong =
        assertThrows(PadesException.class, () -> KeyMaterial.fromPkcs12(p12, "sai".toCharArray()));
    assertEquals("bad-pkcs12", wrong.code);
    assertEquals(
        "bad-pkcs12",
        assertThrows(PadesException.class, () -> KeyMaterial.fromPkcs12(p12, PASSWORD, "nobody"))
            .code);
  }

  // --- changes after signing --------------------------------------------------------------------

  @Test
  void aChangedByteInTheFirstRevisionBreaksEverySignatureOverIt() {
    byte[] twice = signBoth(minutes);
    byte[] title = TITLE.getBytes(StandardCharsets.US_ASCII);
    int at = indexOf(twice, title);
    List<long[]> ranges = PdfSignatures.byteRanges(twice);
    assertTrue(at > 0 && at < ranges.get(0)[1], "the title is inside the first signed range");
    byte[] tampered = twice.clone();
    tampered[at + 6] = 'T'; // "HopSo test" -> "HopSo Test"

    Verification v = Pades.verify(tampered);
    assertEquals(2, v.signatures().size());
    for (SignatureCheck s : v.signatures()) {
      assertFalse(s.intact(), s.field());
      assertTrue(s.problem().contains("digest"), s.problem());
      assertEquals(SECRETARY.equals(s.name()) ? SECRETARY : CHAIR, s.name());
    }
    assertTrue(v.unchangedAfterLastSignature(), "nothing was appended, only changed");
  }

  @Test
  void aChangedByteInTheSecondRevisionBreaksOnlyTheSecond() {
    byte[] twice = signBoth(minutes);
    List<long[]> ranges = PdfSignatures.byteRanges(twice);
    long firstEnd = ranges.get(0)[2] + ranges.get(0)[3];
    long secondHole = ranges.get(1)[1];
    // A byte of the second increment before its /Contents: the chair's /Name is there as text,
    // so change one of the spaces of the increment instead (a harmless whitespace byte).
    byte[] tampered = twice.clone();
    int at = -1;
    for (int i = (int) firstEnd + 20; i < secondHole; i++) {
      if (tampered[i] == ' ') {
        at = i;
        break;
      }
    }
    assertTrue(at > 0);
    tampered[at] = '\n';
    Verification v = Pades.verify(tampered);
    assertTrue(v.signatures().get(0).intact());
    assertFalse(v.signatures().get(1).intact());
  }

  @Test
  void anIncrementalUpdateThatIsNoSignatureIsSeen() throws IOException {
    byte[] twice = signBoth(minutes);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PDDocument doc = Loader.loadPDF(twice)) {
      doc.getDocumentInformation().setTitle("Biên bản đã sửa");
      doc.getDocumentInformation().getCOSObject().setNeedToBeUpdated(true);
      doc.saveIncremental(out);
    }
    byte[] changed = out.toByteArray();
    assertTrue(changed.length > twice.length);
    assertArrayEquals(twice, java.util.Arrays.copyOf(changed, twice.length));

    Verification v = Pades.verify(changed);
    assertEquals(2, v.signatures().size());
    assertFalse(v.unchangedAfterLastSignature());
    for (SignatureCheck s : v.signatures()) {
      assertTrue(s.intact(), "the signed revisions themselves are untouched");
      assertFalse(s.coversWholeDocument());
    }
  }

  // --- refusals --------------------------------------------------------------------------------

  @Test
  void embedRefusesACmsForAnotherDigest() {
    KeyMaterial chair = pki.person(CHAIR);
    Prepared prepared = Pades.prepare(minutes, meta(CHAIR, null), Pades.DEFAULT_RESERVED);
    byte[] other = sha256("another document".getBytes(StandardCharsets.UTF_8));
    byte[] cms = Pades.cmsForDigest(other, chair.key(), chair.chain(), Instant.now(), null);
    assertCode("digest-mismatch", () -> Pades.embed(prepared, cms));
    assertCode("digest-mismatch", () -> Pades.embed(prepared.pdf(), cms));
  }

  @Test
  void embedRefusesACmsLargerThanThePlaceholder() {
    KeyMaterial chair = pki.person(CHAIR);
    Prepared prepared = Pades.prepare(minutes, meta(CHAIR, null), 1024);
    byte[] cms =
        Pades.cmsForDigest(prepared.digest(), chair.key(), chair.chain(), Instant.now(), null);
    assertTrue(cms.length > 1024, "a CMS with two RSA certificates: " + cms.length);
    assertCode("too-large", () -> Pades.embed(prepared, cms));
  }

  @Test
  void embedRefusesGarbageABadSignatureAndAChangedPreparedPdf() {
    KeyMaterial chair = pki.person(CHAIR);
    Prepared prepared = Pades.prepare(minutes, meta(CHAIR, null), Pades.DEFAULT_RESERVED);
    assertCode(
        "bad-cms", () -> Pades.embed(prepared, "not a CMS".getBytes(StandardCharsets.UTF_8)));

    byte[] cms =
        Pades.cmsForDigest(prepared.digest(), chair.key(), chair.chain(), Instant.now(), null);
    byte[] broken = cms.clone();
    broken[broken.length - 1] ^= 0x01; // the last byte of the RSA signature value
    assertCode("bad-signature", () -> Pades.embed(prepared, broken));

    byte[] changedPdf = prepared.pdf().clone();
    int at = indexOf(changedPdf, TITLE.getBytes(StandardCharsets.US_ASCII));
    changedPdf[at] = 'h';
    Prepared changed = new Prepared(changedPdf, prepared.byteRange(), prepared.digest());
    assertCode("bad-prepared", () -> Pades.embed(changed, cms));
    assertCode("bad-prepared", () -> Pades.embed(minutes, cms));
    assertCode("digest-mismatch", () -> Pades.embed(changedPdf, cms));

    // The real one still goes in.
    assertTrue(Pades.verify(Pades.embed(prepared, cms)).signatures().get(0).intact());
  }

  @Test
  void cmsForDigestRefusesAnExpiredCertificateAndAForeignKey() {
    Instant now = Instant.now();
    KeyMaterial expired =
        pki.person(
            "Phạm Văn Cũ",
            TestPki.KeyType.RSA,
            now.minus(Duration.ofDays(800)),
            now.minus(Duration.ofDays(1)));
    byte[] digest = sha256(minutes);
    assertCode(
        "certificate-not-valid",
        () -> Pades.cmsForDigest(digest, expired.key(), expired.chain(), now, null));
    KeyMaterial chair = pki.person(CHAIR);
    KeyMaterial secretary = pki.person(SECRETARY);
    assertCode(
        "bad-key", () -> Pades.cmsForDigest(digest, secretary.key(), chair.chain(), now, null));
    // A signature claiming a time before its certificate was issued is not intact.
    Prepared prepared =
        Pades.prepare(
            minutes,
            new SignMeta(CHAIR, null, null, now.minus(Duration.ofDays(10)), null),
            Pades.DEFAULT_RESERVED);
    byte[] signed =
        Pades.embed(
            prepared, Pades.cmsForDigest(prepared.digest(), chair.key(), chair.chain(), now, null));
    SignatureCheck check = Pades.verify(signed).signatures().get(0);
    assertFalse(check.intact());
    assertTrue(check.problem().contains("not valid"), check.problem());
  }

  @Test
  void verifyTellsGarbageFromAnUnsignedPdf() {
    assertCode("not-pdf", () -> Pades.verify("hello".getBytes(StandardCharsets.UTF_8)));
    assertCode("not-pdf", () -> Pades.verify(new byte[0]));
    assertCode(
        "not-pdf", () -> Pades.verify("%PDF-1.7\ngarbage".getBytes(StandardCharsets.US_ASCII)));
    Verification v = Pades.verify(minutes);
    assertTrue(v.signatures().isEmpty());
    assertFalse(v.unchangedAfterLastSignature());
    assertCode("not-pdf", () -> Pades.prepare(new byte[10], meta(CHAIR, null), 12_000));
  }

  // --- time-stamps, keys, appearance ----------------------------------------------------------

  @Test
  void aTimestampedSignatureCarriesAValidToken() throws Exception {
    KeyMaterial secretary = pki.person(SECRETARY);
    byte[] signed;
    Instant before = Instant.now().minusSeconds(1);
    try (TestTsa tsa = TestTsa.start(pki)) {
      signed = Pades.signWithKey(minutes, meta(SECRETARY, null), secretary, tsa.source());
      assertEquals(1, tsa.requests());

      SignatureCheck check = Pades.verify(signed).signatures().get(0);
      assertTrue(check.intact(), check.problem());
      assertTrue(check.timestamped());
      assertNotNull(check.timestampTime());
      assertFalse(check.timestampTime().isBefore(before.truncatedTo(ChronoUnit.SECONDS)));
      assertFalse(check.timestampTime().isAfter(Instant.now().plusSeconds(1)));

      // Independently: the token over the signature value verifies with the TSA's certificate.
      CMSSignedData cms = PdfSignatures.cms(signed, PdfSignatures.byteRanges(signed).get(0));
      SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
      Attribute attribute =
          signer.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
      TimeStampToken token =
          new TimeStampToken(
              new CMSSignedData(
                  attribute.getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded()));
      token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsa.certificate()));
      assertArrayEquals(
          sha256(signer.getSignature()), token.getTimeStampInfo().getMessageImprintDigest());
      assertEquals(TestTsa.POLICY, token.getTimeStampInfo().getPolicy());
      assertEquals(check.timestampTime(), token.getTimeStampInfo().getGenTime().toInstant());
      System.out.println("CMS with a time-stamp: " + cms.getEncoded().length + " bytes");
    }
  }

  @Test
  void aDocumentTimestampAfterTheSignaturesIsVerifiedToo() throws IOException {
    byte[] twice = signBoth(minutes);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TestTsa tsa = TestTsa.start(pki);
        PDDocument doc = Loader.loadPDF(twice);
        SignatureOptions options = new SignatureOptions()) {
      PDSignature stamp = new PDSignature();
      stamp.setType(COSName.DOC_TIME_STAMP);
      stamp.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
      stamp.setSubFilter(COSName.getPDFName("ETSI.RFC3161"));
      options.setPreferredSignatureSize(Pades.DEFAULT_RESERVED);
      doc.addSignature(stamp, options);
      ExternalSigningSupport external = doc.saveIncrementalForExternalSigning(out);
      byte[] content = external.getContent().readAllBytes();
      external.setSignature(tsa.source().timestampToken(content));
    }
    Verification v = Pades.verify(out.toByteArray());
    assertEquals(3, v.signatures().size());
    assertTrue(v.unchangedAfterLastSignature());
    SignatureCheck stamp = v.signatures().get(2);
    assertTrue(stamp.intact(), stamp.problem());
    assertTrue(stamp.timestamped());
    assertTrue(stamp.coversWholeDocument());
    assertEquals("ETSI.RFC3161", stamp.subFilter());
    assertEquals("CN=HopSo Test TSA,O=HopSo test,C=VN", stamp.subject());
    assertEquals(stamp.timestampTime(), stamp.signingTime());
    assertTrue(v.signatures().get(0).intact() && v.signatures().get(1).intact());
  }

  @Test
  void aMisbehavingOrAbsentTsaFailsTheSigning() {
    KeyMaterial secretary = pki.person(SECRETARY);
    Pades.TimestampSource source;
    try (TestTsa tsa = TestTsa.start(pki)) {
      source = tsa.source();
      for (TestTsa.Behaviour b :
          List.of(
              TestTsa.Behaviour.REJECT,
              TestTsa.Behaviour.WRONG_NONCE,
              TestTsa.Behaviour.HTTP_ERROR)) {
        tsa.behave(b);
        PadesException e =
            assertThrows(
                PadesException.class,
                () -> Pades.signWithKey(minutes, meta(SECRETARY, null), secretary, source),
                b.name());
        assertEquals("tsa-failed", e.code, b + ": " + e.getMessage());
      }
    }
    assertCode(
        "tsa-failed", () -> Pades.signWithKey(minutes, meta(SECRETARY, null), secretary, source));
  }

  @Test
  void anEcKeySignsWithEcdsa() throws Exception {
    KeyMaterial ec = pki.personEc("Lê Văn Cường");
    byte[] signed = Pades.signWithKey(minutes, meta("Lê Văn Cường", null), ec, null);
    SignatureCheck check = Pades.verify(signed).signatures().get(0);
    assertTrue(check.intact(), check.problem());
    assertTrue(check.subject().contains("Lê Văn Cường"));
    CMSSignedData cms = PdfSignatures.cms(signed, PdfSignatures.byteRanges(signed).get(0));
    SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
    assertEquals(X9ObjectIdentifiers.ecdsa_with_SHA256.getId(), signer.getEncryptionAlgOID());
  }

  @Test
  void aVisibleSignatureIsAWidgetOnTheRequestedPage() throws IOException {
    Visible visible =
        new Visible(
            1,
            320,
            90,
            220,
            56,
            List.of("Ký bởi: " + CHAIR, "Chức vụ: Chủ tọa", "Thời gian: 23/11/2026 09:15"));
    byte[] signed = Pades.signWithKey(minutes, meta(CHAIR, visible), pki.person(CHAIR), null);
    SignatureCheck check = Pades.verify(signed).signatures().get(0);
    assertTrue(check.intact(), check.problem());

    try (PDDocument doc = Loader.loadPDF(signed)) {
      PDSignatureField field = doc.getSignatureFields().get(0);
      PDAnnotationWidget widget = field.getWidgets().get(0);
      PDRectangle rect = widget.getRectangle();
      assertEquals(320, rect.getLowerLeftX(), 0.01);
      assertEquals(90, rect.getLowerLeftY(), 0.01);
      assertEquals(220, rect.getWidth(), 0.01);
      assertEquals(56, rect.getHeight(), 0.01);
      PDPage page = doc.getPage(1);
      assertEquals(page.getCOSObject(), widget.getPage().getCOSObject());
      boolean onPage = false;
      for (PDAnnotation a : page.getAnnotations()) {
        onPage |= a.getCOSObject() == widget.getCOSObject();
      }
      assertTrue(onPage, "the widget is in the page's /Annots");
      for (PDAnnotation a : doc.getPage(0).getAnnotations()) {
        assertFalse(a.getCOSObject() == widget.getCOSObject());
      }
      assertTrue(widget.isPrinted());
      PDAppearanceStream ap = widget.getNormalAppearanceStream();
      assertNotNull(ap);
      assertEquals(220, ap.getBBox().getWidth(), 0.01);
      boolean serif = false;
      for (COSName font : ap.getResources().getFontNames()) {
        serif |= ap.getResources().getFont(font).getName().contains("LiberationSerif");
      }
      assertTrue(serif, "the appearance uses Liberation Serif");
      assertTrue(ap.getContentStream().toByteArray().length > 50);
    }
  }

  @Test
  void aVisibleSignatureOnAMissingPageIsRefused() {
    Visible visible = new Visible(7, 10, 10, 100, 40, List.of("Ký bởi: " + CHAIR));
    assertCode(
        "bad-page", () -> Pades.prepare(minutes, meta(CHAIR, visible), Pades.DEFAULT_RESERVED));
  }

  @Test
  void aCompressedPdfIsSignedTwiceToo() {
    byte[] compressed = minutesPdf(2, true);
    byte[] twice = signBoth(compressed);
    Verification v = Pades.verify(twice);
    assertEquals(2, v.signatures().size());
    assertTrue(v.signatures().get(0).intact(), v.signatures().get(0).problem());
    assertTrue(v.signatures().get(1).intact(), v.signatures().get(1).problem());
    assertTrue(v.unchangedAfterLastSignature());
  }

  // --- helpers ----------------------------------------------------------------------------------

  static SignMeta meta(String name, Visible visible) {
    return new SignMeta(name, "Ký biên bản", "Hà Nội", Instant.now(), visible);
  }

  byte[] signAsSecretary(byte[] pdf, Instant time) {
    Path p12 = TestPki.writePkcs12(dir.resolve("secretary.p12"), PASSWORD, pki.person(SECRETARY));
    KeyMaterial km = KeyMaterial.fromPkcs12(p12, PASSWORD);
    return Pades.signWithKey(
        pdf, new SignMeta(SECRETARY, "Thư ký", "Hà Nội", time, null), km, null);
  }

  byte[] signBoth(byte[] pdf) {
    byte[] once = signAsSecretary(pdf, Instant.now());
    KeyMaterial chair = pki.person(CHAIR);
    Prepared prepared = Pades.prepare(once, meta(CHAIR, null), Pades.DEFAULT_RESERVED);
    byte[] cms =
        Pades.cmsForDigest(prepared.digest(), chair.key(), chair.chain(), Instant.now(), null);
    return Pades.embed(prepared, cms);
  }

  /** A few pages of text with a title in the document information. */
  static byte[] minutesPdf(int pages, boolean compressed) {
    try (PDDocument doc = new PDDocument()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (int i = 0; i < pages; i++) {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
          cs.beginText();
          cs.setFont(font, 12);
          cs.newLineAtOffset(72, 770);
          cs.showText("Minutes of the meeting, page " + (i + 1) + " of " + pages);
          cs.endText();
        }
      }
      doc.getDocumentInformation().setTitle(TITLE);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(
          out,
          compressed ? CompressParameters.DEFAULT_COMPRESSION : CompressParameters.NO_COMPRESSION);
      return out.toByteArray();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static void assertCode(String code, org.junit.jupiter.api.function.Executable call) {
    PadesException e = assertThrows(PadesException.class, call);
    assertEquals(code, e.code, e.getMessage());
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static int indexOf(byte[] data, byte[] what) {
    outer:
    for (int i = 0; i + what.length <= data.length; i++) {
      for (int j = 0; j < what.length; j++) {
        if (data[i + j] != what[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
