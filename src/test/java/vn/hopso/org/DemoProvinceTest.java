package vn.hopso.org;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.hopso.support.Api;

@QuarkusTest
class DemoProvinceTest {
  @Inject DemoProvince demo;

  @Test
  void seedsTheThreeTierProvinceOf2021OnceWith356Endpoints() {
    QuarkusTransaction.requiringNew().call(() -> demo.seed(DemoProvince.Shape.THREE_TIER_2021));
    DemoProvince.Stats again =
        QuarkusTransaction.requiringNew().call(() -> demo.seed(DemoProvince.Shape.THREE_TIER_2021));
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
    // names read as people's: no given name repeating the middle name ("Trần Đức Đức")
    List<String> names =
        Api.as(admin)
            .queryParam("size", 500)
            .queryParam("q", "demo.hopso.vn")
            .get("/api/people")
            .then()
            .extract()
            .jsonPath()
            .getList("items.fullName");
    assertTrue(names.size() >= 100, "demo people: " + names.size());
    for (String n : names) {
      String[] w = n.split(" ");
      assertTrue(w.length >= 3 && !w[w.length - 1].equals(w[w.length - 2]), n);
    }
    // the people list opens on people, not on the rooms' device accounts
    Api.as(admin)
        .queryParam("size", 500)
        .get("/api/people")
        .then()
        .body(
            "items.roles.flatten()",
            org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("ENDPOINT")));
    // Demo delegates sign in with the demo password.
    Api.login("daibieu001", "hopso-demo-2026");
    Api.login("chutich", "hopso-demo-2026");
  }

  @Test
  void seedsTheTwoTierProvinceOf2025WithCommunesUnderTheProvince() {
    DemoProvince.Stats first =
        QuarkusTransaction.requiringNew().call(() -> demo.seed(DemoProvince.Shape.TWO_TIER_2025));
    DemoProvince.Stats again =
        QuarkusTransaction.requiringNew().call(() -> demo.seed(DemoProvince.Shape.TWO_TIER_2025));
    assertEquals(0, again.units() + again.endpoints() + again.people(), "idempotent");
    long rooms =
        QuarkusTransaction.requiringNew().call(() -> Endpoint.count("code like 'DC-T25-%'"));
    assertEquals(DemoProvince.ENDPOINTS_2025, rooms);
    long districts =
        QuarkusTransaction.requiringNew()
            .call(() -> Unit.count("code like 'T25-%' and level = ?1", UnitLevel.DISTRICT));
    assertEquals(0, districts, "no districts since July 2025");
    long communes =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    Unit.count(
                        "code like 'T25-%' and level = ?1 and parent.code = ?2",
                        UnitLevel.COMMUNE, DemoProvince.PROVINCE_2025));
    assertEquals(166, communes, "147 communes and 19 wards under the province");
    assertTrue(first.units() + again.units() >= 0);
  }
}
