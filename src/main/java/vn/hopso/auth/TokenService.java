package vn.hopso.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PostConstruct;
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

  /** Seconds of difference between clocks that a token's expiry allows. */
  static final int CLOCK_SKEW_SECONDS = 30;

  /** Tokens remembered as verified at most (a province's tablets and screens, with room). */
  static final int VERIFIED_MAX = 16_384;

  @Inject SigningKeyStore keys;
  @Inject AuthConfig config;
  @Inject Clock clock;

  /** What a valid access token says. */
  public record AccessClaims(long personId, String username, String sessionId) {}

  /** A token that passed {@link #verify}, and the second (epoch) at which it expires. */
  private record Verified(AccessClaims claims, long expiresAt) {}

  /**
   * Tokens this instance has verified, by their exact text, until they expire. Every request
   * carries its token, and jose4j's parse of one costs about 100 KB of garbage (its JSON reader
   * alone allocates a 16,384-character buffer for each): 2,000 tablets fetching a poll as it opens
   * made the young collections that then paused the ballots cast right after (bench/vote.sh). The
   * signature, issuer, audience and subject of a given text do not change, and the key is fixed for
   * the life of the process ({@link SigningKeyStore}), so only the expiry is checked again, as
   * jose4j checks it. Nothing else is remembered: the session and the person are still read on
   * every request ({@link TokenIdentityProvider}), so a sign-out takes effect at once.
   */
  private Cache<String, Verified> verified;

  @PostConstruct
  void init() {
    verified =
        Caffeine.newBuilder()
            .maximumSize(VERIFIED_MAX)
            .expireAfterWrite(config.accessTokenTtl().plusSeconds(CLOCK_SKEW_SECONDS))
            .build();
  }

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
    Verified known = verified.getIfPresent(token);
    if (known != null) {
      // as jose4j: expired once the evaluation second reaches the expiry plus the skew
      if (clock.millis() / 1000 < known.expiresAt() + CLOCK_SKEW_SECONDS) {
        return known.claims();
      }
      verified.invalidate(token);
      return null;
    }
    JwtConsumer consumer =
        new JwtConsumerBuilder()
            .setRequireExpirationTime()
            .setRequireSubject()
            .setAllowedClockSkewInSeconds(CLOCK_SKEW_SECONDS)
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
      AccessClaims valid = new AccessClaims(Long.parseLong(claims.getSubject()), upn, sid);
      verified.put(token, new Verified(valid, claims.getExpirationTime().getValue()));
      return valid;
    } catch (InvalidJwtException | MalformedClaimException | NumberFormatException e) {
      return null;
    }
  }
}
