package de.digitalcheck.build;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;

/**
 * Writes the MySQL driver's message bundle ({@code com.mysql.cj.LocalizedErrorMessages}) as a class into the portal's
 * classes; run by {@code ./mvnw} (phase {@code process-classes}) as a single source file with the portal's run-time
 * class path, never part of the portal.
 *
 * <p>Connector/J reads its bundle when its first connection is made (the descriptions of its ~250 connection
 * properties): a 145 KB properties file parsed at every start, which also made the JIT compile the JDK's properties
 * parser (about 30 ms of CPU in all; bench/README.md, "3 December, afternoon"). {@link java.util.ResourceBundle} looks
 * for a class of the bundle's name before its properties file, so the same messages as a class — made here from the
 * driver's own file, with the same keys and texts — are found instead and need no parsing. Without the driver on the
 * class path nothing is written.
 *
 * <p>Usage: {@code java -classpath <run-time class path> DriverMessagesBundle.java <classes directory>}
 */
public final class DriverMessagesBundle {

    static final String BUNDLE = "com.mysql.cj.LocalizedErrorMessages";
    /** Entries per method: a method's code must stay below 64 KB. */
    private static final int PER_METHOD = 400;

    private DriverMessagesBundle() {
    }

    public static void main(String[] args) throws IOException {
        Path classes = Path.of(args[0]);
        Properties messages = new Properties();
        try (InputStream in = DriverMessagesBundle.class.getClassLoader()
            .getResourceAsStream(BUNDLE.replace('.', '/') + ".properties")) {
            if (in == null) {
                System.out.println("driver messages: no " + BUNDLE + " on the class path, nothing written");
                return;
            }
            messages.load(in);
        }
        Path sources = Files.createTempDirectory("driver-messages");
        try {
            Path source = sources.resolve(BUNDLE.replace('.', '/') + ".java");
            Files.createDirectories(source.getParent());
            Files.writeString(source, source(messages), StandardCharsets.UTF_8);
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            int status = javac.run(null, null, null, "--release", "17", "-nowarn", "-encoding", "UTF-8",
                "-d", classes.toString(), source.toString());
            if (status != 0) {
                throw new IllegalStateException("driver messages: the bundle class did not compile");
            }
        } finally {
            try (var files = Files.walk(sources)) {
                for (Path p : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                    Files.delete(p);
                }
            }
        }
        System.out.println("driver messages: " + messages.size() + " of " + BUNDLE + " as a class in " + classes);
    }

    /** The bundle's source: a {@link java.util.ListResourceBundle} of the messages, in key order. */
    static String source(Properties messages) {
        List<String> keys = new ArrayList<>(new TreeSet<>(messages.stringPropertyNames()));
        int bundleDot = BUNDLE.lastIndexOf('.');
        StringBuilder s = new StringBuilder()
            .append("package ").append(BUNDLE, 0, bundleDot).append(";\n\n")
            .append("/** Written by the build (src/build/java/de/digitalcheck/build/DriverMessagesBundle.java) from the")
            .append(" driver's properties file of this name. */\n")
            .append("public final class ").append(BUNDLE.substring(bundleDot + 1))
            .append(" extends java.util.ListResourceBundle {\n\n")
            .append("    @Override\n    protected Object[][] getContents() {\n")
            .append("        Object[][] c = new Object[").append(keys.size()).append("][];\n");
        int parts = (keys.size() + PER_METHOD - 1) / PER_METHOD;
        for (int p = 0; p < parts; p++) {
            s.append("        part").append(p).append("(c);\n");
        }
        s.append("        return c;\n    }\n");
        for (int p = 0; p < parts; p++) {
            s.append("\n    private static void part").append(p).append("(Object[][] c) {\n");
            for (int i = p * PER_METHOD; i < Math.min(keys.size(), (p + 1) * PER_METHOD); i++) {
                String key = keys.get(i);
                s.append("        c[").append(i).append("] = new Object[] {").append(literal(key)).append(", ")
                    .append(literal(messages.getProperty(key))).append("};\n");
            }
            s.append("    }\n");
        }
        return s.append("}\n").toString();
    }

    /** A Java string literal of {@code text} in ASCII (escapes are decoded by the compiler, not by the lexer). */
    static String literal(String text) {
        StringBuilder s = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                s.append('\\').append(c);
            } else if (c < 0x20) {
                s.append(String.format("\\%03o", (int) c)); // octal: a Unicode escape of a line break ends the line
            } else if (c > 0x7e) {
                s.append(String.format("\\u%04x", (int) c));
            } else {
                s.append(c);
            }
        }
        return s.append('"').toString();
    }
}
