package vn.hopso.common;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Client-side routes of the web app (/admin/units …) are not files: a browser GET for such a path
 * (HTML accepted, no file extension, not an API or operations path) is answered with index.html, so
 * deep links survive a reload.
 */
@ApplicationScoped
public class SpaRouting {
  void install(@Observes Router router) {
    router
        .get()
        .order(-100)
        .handler(
            rc -> {
              String path = rc.normalizedPath();
              String accept = rc.request().getHeader("Accept");
              boolean appRoute =
                  !path.equals("/")
                      && !path.startsWith("/api/")
                      && !path.startsWith("/q/")
                      && !path.startsWith("/ws/")
                      && !path.startsWith("/assets/")
                      && !path.substring(path.lastIndexOf('/') + 1).contains(".")
                      && accept != null
                      && accept.contains("text/html");
              if (appRoute) {
                rc.reroute("/index.html");
              } else {
                rc.next();
              }
            });
  }
}
