package vn.hopso.minutes;

import vn.hopso.common.Localized;

/** Who signs the minutes: the secretary (left block) and the chair (right block). */
public enum SignerRole implements Localized {
  SECRETARY("thư ký", "secretary", "THƯ KÝ", "Thư ký ký biên bản"),
  CHAIR("chủ tọa", "chair", "CHỦ TỌA", "Chủ tọa ký biên bản");

  private final String vi;
  private final String en;

  /** The block's heading in the PDF. */
  public final String heading;

  /** The signature's reason. */
  public final String reason;

  SignerRole(String vi, String en, String heading, String reason) {
    this.vi = vi;
    this.en = en;
    this.heading = heading;
    this.reason = reason;
  }

  @Override
  public String vi() {
    return vi;
  }

  @Override
  public String en() {
    return en;
  }
}
