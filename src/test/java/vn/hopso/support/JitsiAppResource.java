package vn.hopso.support;

import java.util.HashMap;
import java.util.Map;

/**
 * The packaged application of {@link EmbeddedAppResource}, with a Jitsi deployment configured at
 * {@link #DOMAIN}. No Jitsi server runs here: the browser tests serve a stand-in of its
 * external_api.js for that host (see VideoBrowserIT), a contract test of HopSo's side only.
 */
public class JitsiAppResource extends EmbeddedAppResource {
  public static final String DOMAIN = "meet.hopso.test";
  public static final String SECRET = "hopso-it-jitsi-secret-0123456789abcdefgh";

  @Override
  public Map<String, String> start() {
    Map<String, String> config = new HashMap<>(super.start());
    config.put("hopso.jitsi.domain", DOMAIN);
    config.put("hopso.jitsi.app-id", "hopso-it");
    config.put("hopso.jitsi.secret", SECRET);
    // a stage of 4 seats: a meeting of the chair, the secretary, two delegates and two rooms is
    // "large", and its rooms watch as visitors until they come on stage (VideoBrowserIT)
    config.put("hopso.jitsi.stage-max", "4");
    return config;
  }
}
