package de.digitalcheck.portal;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The module rules of docs/architecture.md as checks over compiled classes (ArchUnit's class model), for any base
 * package: each top-level package below it is a module; its root package is its API; everything below the root
 * ({@code internal}, {@code web}, {@code api}, …) is the module's own, except in {@code shared}, which is all API.
 * Kept apart from the test that applies them so that another test can show that each check finds a violation.
 */
final class ModuleRules {

    /** A module whose sub-packages are all open to other modules. */
    static final String SHARED = "shared";

    private final String base;
    private final List<JavaClass> classes;

    /** The rules over {@code classes}, without the classes Micronaut generates (bean definitions, introspections). */
    ModuleRules(String base, JavaClasses classes) {
        this.base = base;
        this.classes = classes.stream().filter(c -> !isGenerated(c)).toList();
    }

    private static boolean isGenerated(JavaClass type) {
        String outermost = type.getName().substring(type.getPackageName().length() + 1);
        return outermost.startsWith("$") || outermost.contains("$$");
    }

    /** "Source → target" once per pair of classes, whatever the kind of use. */
    private static String describe(Dependency d) {
        return outer(d.getOriginClass()) + " → " + outer(d.getTargetClass());
    }

    private static String outer(JavaClass type) {
        String name = type.getName();
        int inner = name.indexOf('$', type.getPackageName().length() + 1);
        return inner < 0 ? name : name.substring(0, inner);
    }

    /** The module of a class of the application ({@code readiness} for {@code <base>.readiness.web.X}), if any. */
    Optional<String> moduleOf(JavaClass type) {
        String pkg = type.getPackageName();
        if (!pkg.startsWith(base + ".")) {
            return Optional.empty();
        }
        String rest = pkg.substring(base.length() + 1);
        int dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }

    private static boolean isInRootPackage(JavaClass type, String base, String module) {
        return type.getPackageName().equals(base + "." + module);
    }

    /** Module → the modules its classes depend on (a class of the base package itself belongs to no module). */
    Map<String, Set<String>> dependencies() {
        Map<String, Set<String>> matrix = new TreeMap<>();
        for (JavaClass type : classes) {
            moduleOf(type).ifPresent(from -> {
                matrix.computeIfAbsent(from, m -> new TreeSet<>());
                for (Dependency d : type.getDirectDependenciesFromSelf()) {
                    moduleOf(d.getTargetClass()).filter(to -> !to.equals(from))
                        .ifPresent(to -> matrix.get(from).add(to));
                }
            });
        }
        return matrix;
    }

    /** One line per dependency that leaves the allowed matrix: "from → to: example". */
    List<String> undeclaredDependencies(Map<String, Set<String>> allowed) {
        Set<String> violations = new TreeSet<>();
        for (JavaClass type : classes) {
            Optional<String> from = moduleOf(type);
            if (from.isEmpty()) {
                continue;
            }
            for (Dependency d : type.getDirectDependenciesFromSelf()) {
                moduleOf(d.getTargetClass()).filter(to -> !to.equals(from.get()))
                    .filter(to -> !allowed.getOrDefault(from.get(), Set.of()).contains(to))
                    .ifPresent(to -> violations.add(from.get() + " → " + to + ": " + describe(d)));
            }
        }
        return List.copyOf(violations);
    }

    /** Uses of another module's classes outside its root package (its API), {@code shared} excepted. */
    List<String> usesOfInternals() {
        Set<String> violations = new TreeSet<>();
        for (JavaClass type : classes) {
            Optional<String> from = moduleOf(type);
            if (from.isEmpty()) {
                continue;
            }
            for (Dependency d : type.getDirectDependenciesFromSelf()) {
                JavaClass target = d.getTargetClass();
                moduleOf(target).filter(to -> !to.equals(from.get()) && !to.equals(SHARED))
                    .filter(to -> !isInRootPackage(target, base, to))
                    .ifPresent(to -> violations.add(describe(d)));
            }
        }
        return List.copyOf(violations);
    }

    /** Uses of a module's tables (entities, repositories) by another module: they are each module's own. */
    List<String> usesOfOtherModulesTables() {
        Set<String> violations = new TreeSet<>();
        for (JavaClass type : classes) {
            Optional<String> from = moduleOf(type);
            for (Dependency d : type.getDirectDependenciesFromSelf()) {
                JavaClass target = d.getTargetClass();
                boolean table = target.isAnnotatedWith("io.micronaut.data.annotation.MappedEntity")
                    || target.isAnnotatedWith("io.micronaut.data.jdbc.annotation.JdbcRepository");
                if (table && from.isPresent() && !moduleOf(target).equals(from)) {
                    violations.add(describe(d));
                }
            }
        }
        return List.copyOf(violations);
    }

    /** Repositories and entities that are public outside an {@code internal} package (they must not be API). */
    List<String> publicTables() {
        Set<String> violations = new TreeSet<>();
        for (JavaClass type : classes) {
            boolean table = type.isAnnotatedWith("io.micronaut.data.annotation.MappedEntity")
                || type.isAnnotatedWith("io.micronaut.data.jdbc.annotation.JdbcRepository");
            if (table && type.getModifiers().contains(JavaModifier.PUBLIC) && !type.getPackageName().contains(".internal")) {
                violations.add(type.getName());
            }
        }
        return List.copyOf(violations);
    }

    /** Classes other than {@code allowed} that use the class named {@code guarded}. */
    List<String> usesOf(String guarded, Set<String> allowed) {
        Set<String> violations = new TreeSet<>();
        for (JavaClass type : classes) {
            if (allowed.contains(outer(type)) || outer(type).equals(guarded)) {
                continue;
            }
            type.getDirectDependenciesFromSelf().stream()
                .filter(d -> d.getTargetClass().getName().equals(guarded))
                .forEach(d -> violations.add(describe(d)));
        }
        return List.copyOf(violations);
    }

    /**
     * Uses of the web layer (the HTTP API, the portal's web helpers) by classes outside a {@code web}, {@code api}
     * or {@code dev} package: domain code raises its module's own exceptions, which the web layer maps.
     */
    List<String> webOutsideWebPackages() {
        Set<String> violations = new TreeSet<>();
        for (JavaClass type : classes) {
            String pkg = type.getPackageName();
            if (moduleOf(type).isEmpty() || pkg.contains(".web") || pkg.endsWith(".api") || pkg.endsWith(".dev")) {
                continue;
            }
            for (Dependency d : type.getDirectDependenciesFromSelf()) {
                String target = d.getTargetClass().getPackageName();
                if (target.startsWith("io.micronaut.http") || target.startsWith("io.micronaut.views")
                    || target.equals(base + "." + SHARED + ".web")) {
                    violations.add(describe(d));
                }
            }
        }
        return List.copyOf(violations);
    }
}
