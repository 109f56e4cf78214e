package io.mlformats.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.mlformats.core.RecordReader;
import io.mlformats.core.RecordWriter;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The rules of {@code docs/API.md} that can be stated as code, checked over the library modules (core, libsvm,
 * recordio, jsonlines, parquet). The CLI module hosts the test because it sees every library module.
 */
@AnalyzeClasses(packages = {"io.mlformats.core", "io.mlformats.libsvm", "io.mlformats.recordio",
        "io.mlformats.jsonlines", "io.mlformats.deepar", "io.mlformats.object2vec", "io.mlformats.blazingtext",
        "io.mlformats.manifest", "io.mlformats.parquet"}, importOptions = ImportOption.DoNotIncludeTests.class)
class ApiShapeTest {

    private static final String INTERNAL = "..internal..";
    private static final String[] JSONLINES = {"io.mlformats.jsonlines..", "io.mlformats.deepar..",
            "io.mlformats.object2vec..", "io.mlformats.blazingtext..", "io.mlformats.manifest.."};

    private static final DescribedPredicate<JavaClass> API_CLASS = new DescribedPredicate<>("public API classes") {
        @Override
        public boolean test(JavaClass c) {
            return c.getModifiers().contains(JavaModifier.PUBLIC) && !c.getPackageName().contains(".internal")
                    && !c.getPackageName().contains(".generated")
                    && (c.getEnclosingClass().isEmpty() || c.getEnclosingClass().get().getModifiers()
                    .contains(JavaModifier.PUBLIC));
        }
    };

    @ArchTest
    static final ArchRule readersImplementRecordReader = classes().that(API_CLASS).and().haveSimpleNameEndingWith(
            "Reader").and().areNotInterfaces().should().beAssignableTo(RecordReader.class)
            .because("docs/API.md: every reader is a RecordReader");

    @ArchTest
    static final ArchRule writersImplementRecordWriter = classes().that(API_CLASS).and().haveSimpleNameEndingWith(
            "Writer").and().areNotInterfaces().should().beAssignableTo(RecordWriter.class)
            .because("docs/API.md: every writer is a RecordWriter with commit()/abort()");

    @ArchTest
    static final ArchRule readersAndWritersAreOpened = classes().that(API_CLASS).and().areAssignableTo(
            RecordReader.class).or(API_CLASS.and(JavaClass.Predicates.assignableTo(RecordWriter.class)))
            .and().areNotInterfaces().should(haveOnlyOpenFactories())
            .because("docs/API.md: factories are named open");

    @ArchTest
    static final ArchRule optionsAreNamedByDirection = classes().that(API_CLASS).and().haveSimpleNameEndingWith(
            "Options").should().haveSimpleNameEndingWith("ReadOptions").orShould().haveSimpleNameEndingWith(
            "WriteOptions").orShould().haveSimpleNameEndingWith("ValidatorOptions")
            .because("docs/API.md: options are XxxReadOptions / XxxWriteOptions");

    @ArchTest
    static final ArchRule noPublicSignatureMentionsInternalTypes = methods().that().arePublic().and()
            .areDeclaredInClassesThat(API_CLASS).should(notMentionInternalTypes())
            .because("internal packages are not exported: an API signature that needs one cannot be called");

    @ArchTest
    static final ArchRule apiTypesDoNotExtendInternalTypes = classes().that(API_CLASS).should(
            notExtendInternalTypes());

    @ArchTest
    static final ArchRule coreDependsOnTheJdkOnly = noClasses().that().resideInAPackage("io.mlformats.core..")
            .should().dependOnClassesThat().resideOutsideOfPackages("io.mlformats.core..", "java..", "javax..");

    @ArchTest
    static final ArchRule libsvmDependsOnNoOtherFormat = noClasses().that().resideInAPackage("io.mlformats.libsvm..")
            .should().dependOnClassesThat().resideInAnyPackage(concat(JSONLINES, "io.mlformats.recordio..",
                    "io.mlformats.parquet.."));

    @ArchTest
    static final ArchRule recordioDependsOnNoOtherFormat = noClasses().that().resideInAPackage(
            "io.mlformats.recordio..").should().dependOnClassesThat().resideInAnyPackage(concat(JSONLINES,
            "io.mlformats.libsvm..", "io.mlformats.parquet.."));

    @ArchTest
    static final ArchRule jsonlinesDependsOnNoOtherFormat = noClasses().that().resideInAnyPackage(JSONLINES)
            .should().dependOnClassesThat().resideInAnyPackage("io.mlformats.libsvm..", "io.mlformats.recordio..",
                    "io.mlformats.parquet..");

    @ArchTest
    static final ArchRule parquetDependsOnNoOtherFormat = noClasses().that().resideInAPackage(
            "io.mlformats.parquet..").should().dependOnClassesThat().resideInAnyPackage(concat(JSONLINES,
            "io.mlformats.libsvm..", "io.mlformats.recordio.."));

    /** The README's examples are what any user can write: exported packages only, no CLI classes. */
    @Test
    void readmeExamplesUseExportedPackagesOnly() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("..internal..", "io.mlformats.cli.handler..",
                        "io.mlformats.cli.convert..")
                .because("the README promises these programs need nothing but the library's API")
                .check(new ClassFileImporter().importClasses(ReadmeExamplesTest.class));
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static ArchCondition<JavaClass> haveOnlyOpenFactories() {
        Set<String> banned = Set.of("to", "create", "of", "over", "wrap", "from");
        return new ArchCondition<>("have public static factories named open only") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                boolean open = false;
                for (var m : c.getMethods()) {
                    if (!m.getModifiers().contains(JavaModifier.STATIC)
                            || !m.getModifiers().contains(JavaModifier.PUBLIC)
                            || !m.getRawReturnType().equals(c)) {
                        continue;
                    }
                    open |= m.getName().equals("open");
                    if (banned.contains(m.getName())) {
                        events.add(SimpleConditionEvent.violated(m, m.getFullName() + " should be named open"));
                    }
                }
                if (!open && c.getConstructors().stream().noneMatch(k -> k.getModifiers().contains(
                        JavaModifier.PUBLIC))) {
                    events.add(SimpleConditionEvent.violated(c, c.getName() + " has no public static open(...)"));
                }
            }
        };
    }

    private static boolean internal(JavaType t) {
        return t.toErasure().getPackageName().contains(".internal");
    }

    private static ArchCondition<JavaCodeUnit> notMentionInternalTypes() {
        return new ArchCondition<>("not mention internal types") {
            @Override
            public void check(JavaCodeUnit m, ConditionEvents events) {
                if (internal(m.getRawReturnType())) {
                    events.add(SimpleConditionEvent.violated(m, m.getFullName() + " returns an internal type"));
                }
                for (JavaClass p : m.getRawParameterTypes()) {
                    if (internal(p)) {
                        events.add(SimpleConditionEvent.violated(m, m.getFullName() + " takes " + p.getName()));
                    }
                }
            }
        };
    }

    private static ArchCondition<JavaClass> notExtendInternalTypes() {
        return new ArchCondition<>("not extend or implement internal types") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                c.getRawSuperclass().filter(ApiShapeTest::internal).ifPresent(s -> events.add(
                        SimpleConditionEvent.violated(c, c.getName() + " extends " + s.getName())));
                for (JavaClass i : c.getRawInterfaces()) {
                    if (internal(i)) {
                        events.add(SimpleConditionEvent.violated(c, c.getName() + " implements " + i.getName()));
                    }
                }
            }
        };
    }
}
