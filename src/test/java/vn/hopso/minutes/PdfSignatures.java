package vn.hopso.minutes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;

/** Reading signatures straight from a file's bytes, without Pades. */
final class PdfSignatures {
  private PdfSignatures() {}

  private static final Pattern BYTE_RANGE =
      Pattern.compile("/ByteRange\\s*\\[\\s*(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s*\\]");

  /** Every distinct /ByteRange written in the file, in the order they end. */
  static List<long[]> byteRanges(byte[] pdf) {
    Matcher m = BYTE_RANGE.matcher(new String(pdf, StandardCharsets.ISO_8859_1));
    Set<String> seen = new LinkedHashSet<>();
    List<long[]> ranges = new ArrayList<>();
    while (m.find()) {
      if (seen.add(m.group())) {
        ranges.add(
            new long[] {
              Long.parseLong(m.group(1)),
              Long.parseLong(m.group(2)),
              Long.parseLong(m.group(3)),
              Long.parseLong(m.group(4))
            });
      }
    }
    ranges.sort((a, b) -> Long.compare(a[2] + a[3], b[2] + b[3]));
    return ranges;
  }

  /** The CMS in the range's hole, over the bytes of the range. */
  static CMSSignedData cms(byte[] pdf, long[] range) throws Exception {
    int start = (int) range[1];
    int end = (int) range[2];
    assertEquals('<', pdf[start]);
    assertEquals('>', pdf[end - 1]);
    byte[] der =
        HexFormat.of()
            .parseHex(new String(pdf, start + 1, end - start - 2, StandardCharsets.US_ASCII));
    ContentInfo info;
    try (ASN1InputStream in = new ASN1InputStream(der)) {
      info = ContentInfo.getInstance(in.readObject());
    }
    ByteArrayOutputStream signed = new ByteArrayOutputStream();
    signed.write(pdf, (int) range[0], (int) range[1]);
    signed.write(pdf, (int) range[2], (int) range[3]);
    return new CMSSignedData(new CMSProcessableByteArray(signed.toByteArray()), info);
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  /** How many signatures in the file verify, each over its byte range, with its own certificate. */
  static int validCount(byte[] pdf) throws Exception {
    int valid = 0;
    for (long[] range : byteRanges(pdf)) {
      CMSSignedData cms = cms(pdf, range);
      for (SignerInformation si : cms.getSignerInfos().getSigners()) {
        X509CertificateHolder cert =
            (X509CertificateHolder) cms.getCertificates().getMatches(si.getSID()).iterator().next();
        if (si.verify(new JcaSimpleSignerInfoVerifierBuilder().build(cert))) {
          valid++;
        }
      }
    }
    return valid;
  }
}
