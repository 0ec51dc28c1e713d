package vn.hopso.meeting;

/** A participant's answer to the invitation. */
public enum InvitationResponse {
  PENDING,
  ACCEPTED,
  TENTATIVE,
  DECLINED
}
