package vn.hopso.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import jakarta.ws.rs.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The feature boundaries of HopSo (README, "Architecture"): feature packages never depend on each
 * other in circles, each may use only the features below it, and a few rules that keep the layers
 * honest. Features react to each other through domain events, not calls.
 */
class ArchitectureTest {
  /** The application's classes (tests excluded), imported once. */
  static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("vn.hopso");

  /** Which other features each feature may use (common is open to all). */
  static final Map<String, Set<String>> ALLOWED =
      Map.ofEntries(
          Map.entry("common", Set.of()),
          Map.entry("storage", Set.of()),
          Map.entry("audit", Set.of()),
          Map.entry("org", Set.of()),
          Map.entry("auth", Set.of("org", "audit")),
          Map.entry("meeting", Set.of("org")),
          Map.entry("agenda", Set.of("meeting", "org")),
          Map.entry("notify", Set.of("meeting", "agenda", "org")),
          Map.entry("speaker", Set.of("meeting", "agenda", "org")),
          Map.entry("document", Set.of("meeting", "agenda", "org", "notify", "auth", "storage")),
          Map.entry("vote", Set.of("meeting", "agenda", "org")),
          Map.entry("video", Set.of("meeting", "agenda", "speaker", "org", "auth")),
          Map.entry(
              "minutes",
              Set.of(
                  "meeting",
                  "agenda",
                  "org",
                  "vote",
                  "speaker",
                  "document",
                  "audit",
                  "storage",
                  "notify",
                  "auth")),
          Map.entry(
              "live",
              Set.of(
                  "meeting",
                  "agenda",
                  "speaker",
                  "notify",
                  "auth",
                  "org",
                  "document",
                  "vote",
                  "video",
                  "minutes")));

  static final ArchRule noCyclesBetweenFeatures =
      slices().matching("vn.hopso.(*)..").should().beFreeOfCycles();

  static final ArchRule featuresUseOnlyWhatTheyMay =
      classes()
          .that()
          .resideInAPackage("vn.hopso..")
          .should(useOnlyAllowedFeatures())
          .because("features depend one way; reactions go through domain events");

  static final ArchRule onlyStorageTalksToMinio =
      noClasses()
          .that()
          .resideOutsideOfPackage("vn.hopso.storage..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.minio..");

  static final ArchRule resourcesNeverReturnEntities =
      classes()
          .that()
          .areAnnotatedWith(Path.class)
          .should(
              new ArchCondition<JavaClass>("return no entity from an HTTP method") {
                @Override
                public void check(JavaClass resource, ConditionEvents events) {
                  for (JavaMethod m : resource.getMethods()) {
                    JavaClass type = m.getRawReturnType();
                    if (type.isAnnotatedWith(Entity.class)) {
                      events.add(
                          SimpleConditionEvent.violated(
                              m, m.getFullName() + " returns the entity " + type.getName()));
                    }
                  }
                }
              });

  static final ArchRule resourcesDoNotOpenTransactions =
      noClasses()
          .that()
          .areAnnotatedWith(Path.class)
          .and()
          .resideOutsideOfPackages("vn.hopso.notify..", "vn.hopso.audit..")
          .should()
          .dependOnClassesThat()
          .haveFullyQualifiedName("jakarta.persistence.EntityManager")
          .because("resources translate HTTP; rules and transactions live in services");

  /**
   * Case changes depend on the machine's locale without one (a Turkish server lower-cases "I" to a
   * dotless "ı", and usernames stop matching): every call names {@code Locale.ROOT}.
   */
  static final ArchRule caseChangesNameTheirLocale =
      noClasses()
          .that()
          .resideInAPackage("vn.hopso..")
          .should()
          .callMethod(String.class, "toLowerCase")
          .orShould()
          .callMethod(String.class, "toUpperCase")
          .because("the default locale changes the result; use toLowerCase(Locale.ROOT)");

  @Test
  void checkCaseChangesNameTheirLocale() {
    caseChangesNameTheirLocale.check(CLASSES);
  }

  @Test
  void checkNoCyclesBetweenFeatures() {
    noCyclesBetweenFeatures.check(CLASSES);
  }

  @Test
  void checkFeaturesUseOnlyWhatTheyMay() {
    featuresUseOnlyWhatTheyMay.check(CLASSES);
  }

  @Test
  void checkOnlyStorageTalksToMinio() {
    onlyStorageTalksToMinio.check(CLASSES);
  }

  @Test
  void checkResourcesNeverReturnEntities() {
    resourcesNeverReturnEntities.check(CLASSES);
  }

  @Test
  void checkResourcesDoNotOpenTransactions() {
    resourcesDoNotOpenTransactions.check(CLASSES);
  }

  private static ArchCondition<JavaClass> useOnlyAllowedFeatures() {
    return new ArchCondition<>("depend only on allowed features") {
      @Override
      public void check(JavaClass item, ConditionEvents events) {
        String own = feature(item.getPackageName());
        if (own == null) {
          return;
        }
        Set<String> allowed = ALLOWED.get(own);
        if (allowed == null) {
          events.add(
              SimpleConditionEvent.violated(
                  item, "feature '" + own + "' is not listed in ArchitectureTest.ALLOWED"));
          return;
        }
        item.getDirectDependenciesFromSelf()
            .forEach(
                d -> {
                  String target = feature(d.getTargetClass().getPackageName());
                  if (target != null
                      && !target.equals(own)
                      && !target.equals("common")
                      && !allowed.contains(target)) {
                    events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                  }
                });
      }
    };
  }

  /** "vn.hopso.meeting.x" → "meeting"; null outside vn.hopso. */
  static String feature(String pkg) {
    if (!pkg.startsWith("vn.hopso.")) {
      return null;
    }
    String rest = pkg.substring("vn.hopso.".length());
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }
}
