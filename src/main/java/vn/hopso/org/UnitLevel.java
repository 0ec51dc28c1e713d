package vn.hopso.org;

/**
 * Levels of the administrative tree. Three-tier provinces have DISTRICT between PROVINCE and
 * COMMUNE; since mid-2025 two-tier provinces hang communes directly under the province.
 */
public enum UnitLevel {
  PROVINCE,
  DISTRICT,
  COMMUNE,
  AGENCY,
  PARTY
}
