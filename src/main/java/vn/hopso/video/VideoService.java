package vn.hopso.video;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;
import vn.hopso.auth.AppSecret;
import vn.hopso.common.ApiException;
import vn.hopso.common.CurrentUser;
import vn.hopso.common.DomainEvent;
import vn.hopso.meeting.Meeting;
import vn.hopso.meeting.MeetingAccess;
import vn.hopso.meeting.MeetingAccess.Access;
import vn.hopso.meeting.MeetingEndpoint;
import vn.hopso.meeting.MeetingMsg;
import vn.hopso.meeting.MeetingOp;
import vn.hopso.org.Person;
import vn.hopso.video.VideoViews.StageRole;
import vn.hopso.video.VideoViews.VideoJoin;

/**
 * Tokens for the meeting's Jitsi conference, following Jitsi's token rules (prosody's token
 * authentication): {@code iss} the app id, {@code aud}, {@code sub} the domain, {@code room} the
 * meeting's own room (never "*"), {@code nbf} and {@code exp} within 5 minutes, {@code
 * context.user} with {@code id}, {@code name}, {@code email} where known and {@code affiliation}
 * ("owner" for the chair and the host room's device, "member" otherwise), all strings, and {@code
 * role: "visitor"} for who is not on the stage of a large meeting ({@link StageService}). Only
 * those who may join ({@link MeetingOp#JOIN_VIDEO}: participants, the chair and invited rooms,
 * while the meeting runs or from 30 minutes before) get one.
 *
 * <p>The room name is an HMAC of the meeting id under a key kept in the database (generated once,
 * the same on every instance): unguessable, and the same for everyone in the meeting.
 *
 * <p>No Jitsi server runs in the tests: they check the tokens with another JWT library (Nimbus),
 * and the browser's side against a stand-in of external_api.js (HopSo's side of the contract only).
 */
@ApplicationScoped
public class VideoService {
  static final String ROOM_KEY = "video-room-hmac";

  /** Jitsi's limit on what HopSo asks for: a token lives 5 minutes at most. */
  static final java.time.Duration MAX_TTL = java.time.Duration.ofMinutes(5);

  @Inject VideoConfig config;
  @Inject MeetingAccess access;
  @Inject Clock clock;
  @Inject CurrentUser current;
  @Inject Event<DomainEvent> events;
  @Inject StageService stage;

  private volatile byte[] roomKey;
  private volatile Key signingKey;

  /** Whether a Jitsi deployment is configured (domain, app id, and a secret or a private key). */
  public boolean configured() {
    return config.domain().isPresent()
        && config.appId().isPresent()
        && (config.secret().isPresent() || config.privateKey().isPresent());
  }

  /** What the caller needs to join the meeting's conference, or {@code configured: false}. */
  @Transactional
  public VideoJoin join(long meetingId) {
    Access a = access.require(meetingId, MeetingOp.JOIN_VIDEO);
    if (!configured()) {
      return VideoJoin.notConfigured();
    }
    Meeting m = a.meeting();
    long me = current.personId();
    Person person = Person.findById(me);
    List<MeetingEndpoint> rooms =
        a.mine() == null && !a.relation().chair() ? MeetingEndpoint.operatedBy(m, me) : List.of();
    MeetingEndpoint room = rooms.isEmpty() ? null : rooms.get(0);
    boolean owner =
        a.relation().chair()
            || (room != null
                && m.hostEndpoint != null
                && room.endpoint.id.equals(m.hostEndpoint.id));
    String id = room != null ? "room:" + room.endpoint.id : "person:" + person.id;
    String name = room != null ? room.endpoint.name : person.fullName;
    String email = room != null ? null : person.email;
    StageRole role =
        stage.onStage(stage.of(m), me, room != null ? room.endpoint.id : null)
            ? StageRole.PARTICIPANT
            : StageRole.VISITOR;
    Instant now = clock.instant();
    Instant expires = now.plus(ttl());
    String roomName = roomName(m.id);
    String affiliation = owner ? "owner" : "member";
    return new VideoJoin(
        true,
        config.domain().get(),
        roomName,
        sign(roomName, id, name, email, affiliation, role, now, expires),
        expires,
        name,
        affiliation,
        role,
        room != null ? room.endpoint.id : null,
        room != null ? null : person.id);
  }

  /**
   * The chair's command to the conference ({@link MeetingOp#COMMAND_VIDEO}): checked, audited, and
   * told to every client of the meeting ({@code video.command}); the chair's own Jitsi client does
   * what needs a moderator (mute everyone, the lobby, removing a participant, follow-me) and each
   * room's screen does what concerns it (its microphone, the spotlight, leaving).
   */
  @Transactional
  public VideoViews.VideoCommandView command(long meetingId, VideoViews.VideoCommand c) {
    Meeting m = access.require(meetingId, MeetingOp.COMMAND_VIDEO).meeting();
    String roomName = null;
    String jitsiId = null;
    Long endpointId = null;
    if (c.action().needsRoom()) {
      if (c.endpointId() == null) {
        throw vn.hopso.common.ApiException.invalid(
            "endpointId", vn.hopso.common.CommonMsg.REQUIRED);
      }
      MeetingEndpoint room =
          MeetingEndpoint.find(
                  "from MeetingEndpoint x join fetch x.endpoint e where x.meeting = ?1 and e.id = ?2",
                  m,
                  c.endpointId())
              .firstResult();
      if (room == null) {
        throw ApiException.notFound(MeetingMsg.MEETING_ENDPOINT, c.endpointId());
      }
      endpointId = room.endpoint.id;
      roomName = room.endpoint.name;
      RoomStatusRow status = RoomStatusRow.findById(new RoomStatusRow.Key(m.id, room.endpoint.id));
      jitsiId = status == null || !status.connected ? null : status.jitsiId;
    }
    VideoViews.VideoCommandView view =
        new VideoViews.VideoCommandView(c.action(), endpointId, roomName, jitsiId);
    events.fire(new VideoEvents.Commanded(m, view));
    return view;
  }

  private java.time.Duration ttl() {
    java.time.Duration t = config.tokenTtl();
    return t.isNegative() || t.isZero() || t.compareTo(MAX_TTL) > 0 ? MAX_TTL : t;
  }

  String sign(
      String room,
      String userId,
      String name,
      String email,
      String affiliation,
      StageRole role,
      Instant now,
      Instant expires) {
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(config.appId().get());
    claims.setAudience(config.audience());
    claims.setSubject(config.domain().get());
    claims.setClaim("room", room);
    claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
    // a little slack for the bridge's clock; the token is good from now, for at most 5 minutes
    claims.setNotBefore(NumericDate.fromSeconds(now.getEpochSecond() - 10));
    claims.setExpirationTime(NumericDate.fromSeconds(expires.getEpochSecond()));
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("id", userId);
    user.put("name", name);
    if (email != null && !email.isBlank()) {
      user.put("email", email);
    }
    user.put("affiliation", affiliation);
    if (role == StageRole.VISITOR) {
      // jitsi-meet's own claim for "join as a visitor" (its client asks jicofo for a visitor node)
      user.put("role", "visitor");
    }
    claims.setClaim("context", Map.of("user", user));
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setHeader("typ", "JWT");
    if (config.secret().isPresent()) {
      jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
    } else {
      jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
      config.keyId().ifPresent(jws::setKeyIdHeaderValue);
    }
    jws.setKey(signingKey());
    try {
      return jws.getCompactSerialization();
    } catch (JoseException e) {
      throw new IllegalStateException("the video token could not be signed", e);
    }
  }

  private Key signingKey() {
    Key k = signingKey;
    if (k == null) {
      k = signingKey = loadSigningKey();
    }
    return k;
  }

  private Key loadSigningKey() {
    if (config.secret().isPresent()) {
      byte[] secret = config.secret().get().getBytes(StandardCharsets.UTF_8);
      if (secret.length < 32) {
        throw new IllegalStateException("hopso.jitsi.secret must be at least 32 characters");
      }
      return new HmacKey(secret);
    }
    try {
      String pem = Files.readString(Path.of(config.privateKey().get()));
      String body = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
      return KeyFactory.getInstance("RSA")
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    } catch (java.io.IOException | GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "hopso.jitsi.private-key must name a PKCS#8 PEM RSA private key", e);
    }
  }

  /** The meeting's conference room: an HMAC of its id, lower-case letters and digits. */
  String roomName(long meetingId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(roomKey(), "HmacSHA256"));
      byte[] h = mac.doFinal(("meeting:" + meetingId).getBytes(StandardCharsets.UTF_8));
      StringBuilder b = new StringBuilder("hopso");
      for (int i = 0; i < 12; i++) {
        b.append(String.format(Locale.ROOT, "%02x", h[i]));
      }
      return b.toString();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private byte[] roomKey() {
    byte[] k = roomKey;
    if (k == null) {
      try {
        k = QuarkusTransaction.requiringNew().call(VideoService::storedOrNewRoomKey);
      } catch (RuntimeException raced) {
        // another instance stored its key first: use that one
        k = QuarkusTransaction.requiringNew().call(VideoService::storedOrNewRoomKey);
      }
      roomKey = k;
    }
    return k;
  }

  private static byte[] storedOrNewRoomKey() {
    AppSecret existing = AppSecret.findById(ROOM_KEY);
    if (existing == null) {
      byte[] fresh = new byte[32];
      new SecureRandom().nextBytes(fresh);
      existing = new AppSecret();
      existing.name = ROOM_KEY;
      existing.value = Base64.getEncoder().encodeToString(fresh);
      existing.persist();
    }
    return Base64.getDecoder().decode(existing.value);
  }
}
