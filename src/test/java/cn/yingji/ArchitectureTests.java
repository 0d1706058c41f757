package cn.yingji;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import cn.yingji.support.MainClassesOnly;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.RestController;

/** What Spring Modulith does not check: visibility of adapters, no JPA, no servlet types in domain code. */
@AnalyzeClasses(packages = "cn.yingji", importOptions = MainClassesOnly.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule controllersArePackagePrivate = classes()
            .that()
            .areAnnotatedWith(Controller.class)
            .or()
            .areAnnotatedWith(RestController.class)
            .should()
            .notBePublic()
            .because("controllers are adapters, not module API");

    @ArchTest
    static final ArchRule repositoriesArePackagePrivate = classes()
            .that()
            .areAnnotatedWith(Repository.class)
            .should()
            .notBePublic()
            .because("a module's tables are read only through its facade");

    @ArchTest
    static final ArchRule noJpa = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("jakarta.persistence..", "org.hibernate..")
            .because("persistence is explicit SQL through JdbcClient");

    @ArchTest
    static final ArchRule moduleApiDoesNotDependOnWeb = noClasses()
            .that()
            .resideInAPackage("cn.yingji.(*)")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("jakarta.servlet..", "org.springframework.web..")
            .because("a module's API is usable outside an HTTP request");

    @ArchTest
    static final ArchRule noFieldInjection = noClasses()
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("org.springframework.beans.factory.annotation.Autowired")
            .because("dependencies are constructor-injected");
}
