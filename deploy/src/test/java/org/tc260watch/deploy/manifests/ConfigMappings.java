package org.tc260watch.deploy.manifests;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ParserConfiguration.LanguageLevel;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The properties of a service's {@code @ConfigMapping} interfaces, read from its sources (the deploy module builds before
 * the services, so their classes are not there to reflect on): {@code differ.topics.partitions} → default {@code 3}.
 */
final class ConfigMappings {

    private static final JavaParser PARSER =
            new JavaParser(new ParserConfiguration().setLanguageLevel(LanguageLevel.JAVA_17));

    private ConfigMappings() {
    }

    /** @return every mapped property name with its {@code @WithDefault}, if any */
    static Map<String, Optional<String>> properties(List<Path> javaSources) {
        Map<String, Optional<String>> properties = new TreeMap<>();
        for (Path source : javaSources) {
            if (!Repository.read(source).contains("@ConfigMapping")) {
                continue;
            }
            CompilationUnit unit = parse(source);
            for (ClassOrInterfaceDeclaration mapping : unit.findAll(ClassOrInterfaceDeclaration.class,
                    t -> t.isInterface() && t.getAnnotationByName("ConfigMapping").isPresent())) {
                String prefix = value(mapping.getAnnotationByName("ConfigMapping").get(), "prefix")
                        .orElseThrow(() -> new IllegalStateException("@ConfigMapping without prefix in " + source));
                collect(unit, mapping, prefix, properties);
            }
        }
        return properties;
    }

    private static void collect(CompilationUnit unit, ClassOrInterfaceDeclaration type, String path,
            Map<String, Optional<String>> properties) {
        for (MethodDeclaration method : type.getMethods()) {
            if (method.isDefault() || method.isStatic() || !method.getParameters().isEmpty()) {
                continue;
            }
            String name = method.getAnnotationByName("WithName").flatMap(a -> value(a, "value"))
                    .orElse(kebab(method.getNameAsString()));
            String key = path + "." + name;
            String returnType = method.getType().asString();
            Optional<ClassOrInterfaceDeclaration> group = unit.findFirst(ClassOrInterfaceDeclaration.class,
                    t -> t.isInterface() && t.getNameAsString().equals(returnType));
            if (group.isPresent()) {
                collect(unit, group.get(), key, properties);
            } else {
                properties.put(key, method.getAnnotationByName("WithDefault").flatMap(a -> value(a, "value")));
            }
        }
    }

    private static Optional<String> value(AnnotationExpr annotation, String member) {
        if (annotation instanceof SingleMemberAnnotationExpr single && member.equals("value")) {
            return Optional.of(single.getMemberValue().asStringLiteralExpr().asString());
        }
        if (annotation instanceof NormalAnnotationExpr normal) {
            return normal.getPairs().stream().filter(p -> p.getNameAsString().equals(member))
                    .map(p -> p.getValue()).filter(v -> v instanceof StringLiteralExpr)
                    .map(v -> ((StringLiteralExpr) v).asString()).findFirst();
        }
        return Optional.empty();
    }

    /** SmallRye Config's default naming: {@code createTimeout} → {@code create-timeout}. */
    private static String kebab(String methodName) {
        return methodName.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    private static CompilationUnit parse(Path source) {
        try {
            return PARSER.parse(source).getResult().orElseThrow(() -> new IllegalStateException("cannot parse " + source));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
