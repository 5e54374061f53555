package org.researchportal;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The start class of the portal's jar, compiled for Java 17 (see pom.xml) so that {@code java -jar} works with the
 * default java of a Debian server too. On a Java as new as the portal's classes it starts the portal in this JVM. On
 * an older one it runs the same jar, with the same JVM options and arguments, on a new enough JDK: {@code JAVA_HOME}
 * if set, else the newest under {@code /usr/lib/jvm}; it says what to install when there is none.
 */
public final class PortalLauncher {

    static final String APPLICATION = "org.researchportal.PortalApplication";
    static final Path JVM_FOLDER = Path.of("/usr/lib/jvm");
    /** Set for the relaunched JVM, so a JDK whose release file claims too much cannot make it relaunch for ever. */
    static final String RELAUNCHED = "PORTAL_LAUNCHER_RELAUNCHED";

    private static final Pattern RELEASE_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"?(\\d+)");

    private PortalLauncher() {
    }

    public static void main(String[] args) throws Throwable {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        int needed = classFileFeature(loader);
        int running = Runtime.version().feature();
        if (running >= needed) {
            try {
                Class.forName(APPLICATION, true, loader).getMethod("main", String[].class).invoke(null,
                        (Object) args);
            } catch (InvocationTargetException failed) {
                throw failed.getCause();
            }
            return;
        }
        Optional<Path> java = System.getenv(RELAUNCHED) != null ? Optional.empty()
                : newEnoughJava(needed, System.getenv("JAVA_HOME"), JVM_FOLDER);
        String jar = System.getProperty("java.class.path");
        if (java.isEmpty() || !jar.endsWith(".jar")) {
            System.err.println("The Research Portal needs Java " + needed + " or newer; this is Java " + running
                    + " (" + System.getProperty("java.home") + "). Install a JDK or JRE " + needed
                    + " or newer (for example Eclipse Temurin " + needed + ") under " + JVM_FOLDER
                    + ", or set JAVA_HOME to one, and start the jar again.");
            System.exit(1);
        }
        System.err.println("Java " + running + " is older than the portal needs (" + needed + "): starting it on "
                + java.get());
        List<String> command = new ArrayList<>();
        command.add(java.get().toString());
        command.addAll(jvmOptions());
        command.add("-jar");
        command.add(jar);
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put(RELAUNCHED, "true");
        Process portal = builder.start();
        // A service manager stops this process; the portal then shuts down as gracefully as if it had been stopped.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            portal.destroy();
            try {
                portal.waitFor(60, TimeUnit.SECONDS);
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
            }
        }));
        System.exit(portal.waitFor());
    }

    /** The Java feature version the portal's classes were compiled for (class file major version 69 is Java 25). */
    static int classFileFeature(ClassLoader loader) throws IOException {
        try (InputStream in = loader.getResourceAsStream(APPLICATION.replace('.', '/') + ".class")) {
            if (in == null) {
                throw new IllegalStateException(APPLICATION + " is not in this jar");
            }
            DataInputStream data = new DataInputStream(in);
            data.readInt(); // 0xCAFEBABE
            data.readUnsignedShort(); // minor version
            return data.readUnsignedShort() - 44;
        }
    }

    /** {@code bin/java} of JAVA_HOME if it is new enough, else of the newest new enough JDK in the folder. */
    static Optional<Path> newEnoughJava(int needed, String javaHome, Path jvmFolder) {
        if (javaHome != null && !javaHome.isBlank() && feature(Path.of(javaHome)) >= needed) {
            return Optional.of(Path.of(javaHome, "bin", "java"));
        }
        Path newest = null;
        int newestFeature = needed - 1;
        if (Files.isDirectory(jvmFolder)) {
            try (DirectoryStream<Path> jdks = Files.newDirectoryStream(jvmFolder)) {
                for (Path jdk : jdks) {
                    int feature = feature(jdk);
                    if (feature > newestFeature) {
                        newest = jdk;
                        newestFeature = feature;
                    }
                }
            } catch (IOException unreadable) {
                // no JDK from there then
            }
        }
        return Optional.ofNullable(newest).map(jdk -> jdk.resolve("bin").resolve("java"));
    }

    /** The feature version in a Java installation's release file (25 for JAVA_VERSION="25.0.3"), or 0. */
    static int feature(Path home) {
        if (!Files.isExecutable(home.resolve("bin").resolve("java"))) {
            return 0;
        }
        try {
            Matcher version = RELEASE_VERSION.matcher(Files.readString(home.resolve("release")));
            return version.find() ? Integer.parseInt(version.group(1)) : 0;
        } catch (IOException | RuntimeException noRelease) {
            return 0;
        }
    }

    /**
     * This JVM's options (-D, -X, ...) for the new one, less those it will read from JAVA_TOOL_OPTIONS and
     * JDK_JAVA_OPTIONS itself (an agent given twice would stop it).
     */
    static List<String> jvmOptions() {
        List<String> fromEnvironment = new ArrayList<>();
        for (String variable : List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS")) {
            String value = System.getenv(variable);
            if (value != null && !value.isBlank()) {
                fromEnvironment.addAll(Arrays.asList(value.trim().split("\\s+")));
            }
        }
        List<String> options = new ArrayList<>(ManagementFactory.getRuntimeMXBean().getInputArguments());
        options.removeAll(fromEnvironment);
        return options;
    }
}
