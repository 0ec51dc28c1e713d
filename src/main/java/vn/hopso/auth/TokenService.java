package vn.hopso.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * Issues and checks access tokens (HS256 JWTs); opaque tokens and their hashes: {@link
 * vn.hopso.common.Tokens}.
 */
@ApplicationScoped
public class TokenService {
  static final String ISSUER = "hopso";
  static final String AUDIENCE = "hopso-api";

  @Inject SigningKeyStore keys;
  @Inject AuthConfig config;
  @Inject Clock clock;

  /** What a valid access token says. */
  public record AccessClaims(long personId, String username, String sessionId) {}

  public String issueAccessToken(long personId, String username, String sessionId) {
    Instant now = clock.instant();
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(ISSUER);
    claims.setAudience(AUDIENCE);
    claims.setSubject(Long.toString(personId));
    claims.setClaim("upn", username);
    claims.setClaim("sid", sessionId);
    claims.setJwtId(UUID.randomUUID().toString());
    claims.setIssuedAt(NumericDate.fromMilliseconds(now.toEpochMilli()));
    claims.setExpirationTime(
        NumericDate.fromMilliseconds(now.plus(config.accessTokenTtl()).toEpochMilli()));
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setKey(new HmacKey(keys.key()));
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
    try {
      return jws.getCompactSerialization();
    } catch (JoseException e) {
      throw new IllegalStateException("cannot sign access token", e);
    }
  }

  /** The token's claims, or null when it is malformed, forged, expired or not ours. */
  public AccessClaims verify(String token) {
    JwtConsumer consumer =
        new JwtConsumerBuilder()
            .setRequireExpirationTime()
            .setRequireSubject()
            .setAllowedClockSkewInSeconds(30)
            .setExpectedIssuer(ISSUER)
            .setExpectedAudience(AUDIENCE)
            .setEvaluationTime(NumericDate.fromMilliseconds(clock.millis()))
            .setVerificationKey(new HmacKey(keys.key()))
            .setJwsAlgorithmConstraints(
                AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.HMAC_SHA256)
            .build();
    try {
      JwtClaims claims = consumer.processToClaims(token);
      String sid = claims.getStringClaimValue("sid");
      String upn = claims.getStringClaimValue("upn");
      if (sid == null || upn == null) {
        return null;
      }
      return new AccessClaims(Long.parseLong(claims.getSubject()), upn, sid);
    } catch (InvalidJwtException | MalformedClaimException | NumberFormatException e) {
      return null;
    }
  }
}
