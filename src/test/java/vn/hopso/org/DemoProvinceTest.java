package vn.hopso.org;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.hopso.support.Api;

@QuarkusTest
class DemoProvinceTest {
  @Inject DemoProvince demo;

  @Test
  void seedsTheProvinceOnceWith356Endpoints() {
    QuarkusTransaction.requiringNew().call(demo::seed);
    DemoProvince.Stats again = QuarkusTransaction.requiringNew().call(demo::seed);
    assertEquals(0, again.units() + again.endpoints() + again.people(), "idempotent");

    long endpoints =
        QuarkusTransaction.requiringNew().call(() -> Endpoint.count("code like 'DC-TH-%'"));
    assertEquals(356, endpoints);
    long communeRooms =
        QuarkusTransaction.requiringNew()
            .call(
                () -> Endpoint.count("code like 'DC-TH-%' and unit.level = ?1", UnitLevel.COMMUNE));
    assertEquals(316, communeRooms);
    long partyRooms =
        QuarkusTransaction.requiringNew()
            .call(() -> Endpoint.count("code like 'DC-TH-%' and unit.level = ?1", UnitLevel.PARTY));
    assertEquals(8, partyRooms);

    String admin = Api.admin();
    Api.as(admin)
        .queryParam("q", "thieu hoa")
        .queryParam("level", "DISTRICT")
        .get("/api/units")
        .then()
        .body("items[0].name", equalTo("Huyện Thiệu Hóa"));
    Api.as(admin)
        .queryParam("role", "DELEGATE")
        .queryParam("size", 1)
        .get("/api/people")
        .then()
        .body("total", greaterThanOrEqualTo(100));
    // Demo delegates sign in with the demo password.
    Api.login("daibieu001", "hopso-demo-2026");
    Api.login("chutich", "hopso-demo-2026");
  }
}
