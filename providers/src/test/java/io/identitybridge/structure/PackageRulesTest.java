package io.identitybridge.structure;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientProvider;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.RepresentationToModel;
import org.keycloak.services.managers.ClientManager;

import java.nio.file.Path;
import java.util.List;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The package rules of docs/ARCHITECTURE.md, checked on the provider jar's compiled classes. */
class PackageRulesTest {

    private static final String OURS = "io.identitybridge..";
    /** Features a user or a client reaches from outside: each stands alone on the shared packages below it. */
    private static final List<String> ENDPOINTS = List.of("io.identitybridge.creatioapi.clients..",
            "io.identitybridge.creatioapi.ownedresources..", "io.identitybridge.creatioapi.serviceinfo..",
            "io.identitybridge.creatioapi.unserved..", "io.identitybridge.seed.admin..", "io.identitybridge.console..");
    /** What seeding offers the rest of the bundle: its stage types and its one door, nothing of its machinery. */
    private static final List<String> SEED_DOOR = List.of("Seeder", "SeedText", "DesiredState", "DesiredClient", "SeedReview",
            "SeedPlan", "SeedResult", "SeedStatus", "SeedInputException", "ClientChange", "AllowedScopes", "ClientAttributeRules");

    private static JavaClasses jar;

    @BeforeAll
    static void importJarClasses() {
        // The module's own output only: the test classpath also holds the migration tool's classes.
        jar = new ClassFileImporter().importPath(Path.of("target", "classes"));
        assertTrue(jar.size() > 100, "the jar's classes were not found under target/classes: " + jar.size());
    }

    @Test
    void everyNameTheRulesAllowExists() {
        for (String name : SEED_DOOR) {
            assertTrue(jar.contain("io.identitybridge.seed." + name), "no seed class " + name);
        }
    }

    @Test
    void aPackageUsesOnlyItsOwnRowAndTheRowsBelow() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("boot").definedBy("io.identitybridge.boot..")
                .layer("endpoints").definedBy(ENDPOINTS.toArray(String[]::new))
                .layer("features").definedBy("io.identitybridge.seed", "io.identitybridge.ownedresources..",
                        "io.identitybridge.compat..", "io.identitybridge.secrets..", "io.identitybridge.browsertokens..",
                        "io.identitybridge.queryparams..", "io.identitybridge.signingkey..")
                .layer("shared").definedBy("io.identitybridge.creatioapi", "io.identitybridge.rest..",
                        "io.identitybridge.jsonbody..", "io.identitybridge.spi..", "io.identitybridge.audit..")
                .layer("config").definedBy("io.identitybridge.config..")
                .layer("metrics").definedBy("io.identitybridge.metrics..")
                .layer("vocabulary").definedBy("io.identitybridge.vocabulary..")
                .whereLayer("boot").mayNotBeAccessedByAnyLayer()
                .whereLayer("endpoints").mayOnlyBeAccessedByLayers("boot")
                .whereLayer("features").mayOnlyBeAccessedByLayers("boot", "endpoints")
                .whereLayer("shared").mayOnlyBeAccessedByLayers("boot", "endpoints", "features")
                .whereLayer("config").mayOnlyBeAccessedByLayers("boot", "endpoints", "features", "shared")
                .whereLayer("metrics").mayOnlyBeAccessedByLayers("boot", "endpoints", "features", "shared", "config")
                .whereLayer("vocabulary").mayOnlyBeAccessedByLayers("boot", "endpoints", "features", "shared", "config", "metrics")
                .check(jar);
    }

    @Test
    void noPackageCycles() {
        slices().matching("io.identitybridge.(**)").should().beFreeOfCycles().check(jar);
    }

    @Test
    void theVocabularyDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("io.identitybridge.vocabulary..").should().dependOnClassesThat(
                resideInAPackage(OURS).and(resideOutsideOfPackage("io.identitybridge.vocabulary.."))).check(jar);
    }

    @Test
    void metricsDependOnNothingOfOursButTheVocabulary() {
        noClasses().that().resideInAPackage("io.identitybridge.metrics..").should().dependOnClassesThat(
                resideInAPackage(OURS).and(resideOutsideOfPackage("io.identitybridge.metrics.."))
                        .and(resideOutsideOfPackage("io.identitybridge.vocabulary.."))).check(jar);
    }

    @Test
    void configHoldsSettingsOnly() {
        noClasses().that().resideInAPackage("io.identitybridge.config..").should().dependOnClassesThat(
                resideInAPackage(OURS).and(resideOutsideOfPackage("io.identitybridge.config.."))
                        .and(resideOutsideOfPackage("io.identitybridge.vocabulary.."))).check(jar);
    }

    @Test
    void nothingDependsOnTheBootHub() {
        noClasses().that().resideOutsideOfPackage("io.identitybridge.boot..").should()
                .dependOnClassesThat().resideInAPackage("io.identitybridge.boot..").check(jar);
    }

    @Test
    void endpointsDoNotReachIntoEachOther() {
        for (String endpoint : ENDPOINTS) {
            DescribedPredicate<JavaClass> others = resideInAPackage("no.such.package");
            for (String other : ENDPOINTS) {
                if (!other.equals(endpoint) && !other.startsWith(endpoint.replace("..", "."))) {
                    others = others.or(resideInAPackage(other));
                }
            }
            noClasses().that().resideInAPackage(endpoint).should().dependOnClassesThat(others).check(jar);
        }
    }

    @Test
    void outsideSeedingOnlyItsDoorAndStagesAreUsed() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("io.identitybridge.seed").should().dependOnClassesThat(
                resideInAPackage("io.identitybridge.seed").and(DescribedPredicate.describe("not one of " + SEED_DOOR,
                        c -> !SEED_DOOR.contains(c.getName().substring(c.getPackageName().length() + 1).replaceAll("\\$.*", "")))));
        rule.check(jar);
    }

    @Test
    void aClientIsWrittenOnlyThroughSeeding() {
        clientWritesOutsideSeeding().check(jar);
    }

    @Test
    void theOneDoorRuleCatchesACallAndAMethodReference() {
        JavaClasses fixture = new ClassFileImporter().importClasses(ClientWriteFixture.class);
        AssertionError e = assertThrows(AssertionError.class, () -> clientWritesOutsideSeeding().check(fixture));
        assertTrue(e.getMessage().contains("(2 times)"), e.getMessage());
    }

    /** Calls and method references that write a client's own fields (its not-before and its scope links aside). */
    private static ArchRule clientWritesOutsideSeeding() {
        DescribedPredicate<JavaAccess<?>> writesAClient = DescribedPredicate.describe("writes a client's own fields", access -> {
            String name = access.getName();
            JavaClass owner = access.getTargetOwner();
            if (owner.isAssignableTo(ClientModel.class)) {
                return name.matches("set(?!NotBefore).*|removeAttribute|updateClient|(add|remove)(RedirectUri|WebOrigin)"
                        + "|(add|remove|update)ProtocolMapper");
            }
            return owner.isAssignableTo(ClientManager.class) && name.equals("createClient")
                    || owner.isAssignableTo(RepresentationToModel.class) && name.matches("createClient|updateClient")
                    || (owner.isAssignableTo(RealmModel.class) || owner.isAssignableTo(ClientProvider.class)) && name.equals("addClient");
        });
        return noClasses().that().resideOutsideOfPackage("io.identitybridge.seed").should().accessTargetWhere(writesAClient);
    }

    @Test
    void noClassOfOursPosesAsKeycloak() {
        classes().should().resideInAPackage(OURS).check(jar);
    }
}
