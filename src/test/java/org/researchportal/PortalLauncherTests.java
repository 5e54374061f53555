package org.researchportal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar's start class: it runs on Debian's default Java 17 and finds a JDK new enough for the portal. (.ci/run starts
 * the built jar with the default java and asks for its sign-in page.)
 */
class PortalLauncherTests {

    @TempDir
    Path jvm;

    @Test
    void theLauncherRunsOnJava17WhileThePortalNeedsANewerJava() throws IOException {
        assertThat(classFileMajor(PortalLauncher.class)).isEqualTo(61);
        int needed = PortalLauncher.classFileFeature(getClass().getClassLoader());
        assertThat(needed).isEqualTo(classFileMajor(PortalApplication.class) - 44).isGreaterThan(17);
    }

    @Test
    void picksTheNewestJdkNewEnoughUnderTheFolder() throws IOException {
        jdk("java-17-openjdk-amd64", "17.0.15");
        jdk("java-21-openjdk-amd64", "21.0.7");
        Path temurin25 = jdk("temurin-25-jdk-amd64", "25.0.3");
        Files.createDirectories(jvm.resolve("openjdk-17")); // no release file, no java: not a JDK to run

        assertThat(PortalLauncher.newEnoughJava(25, null, jvm)).contains(temurin25.resolve("bin/java"));
        assertThat(PortalLauncher.newEnoughJava(21, "", jvm)).contains(temurin25.resolve("bin/java"));
        assertThat(PortalLauncher.newEnoughJava(26, null, jvm)).isEmpty();
    }

    @Test
    void javaHomeComesFirstWhenItIsNewEnough() throws IOException {
        Path jdk17 = jdk("java-17-openjdk-amd64", "17.0.15");
        Path jdk21 = jdk("java-21-openjdk-amd64", "21.0.7");
        Path temurin25 = jdk("temurin-25-jdk-amd64", "25.0.3");

        assertThat(PortalLauncher.newEnoughJava(21, jdk21.toString(), jvm)).contains(jdk21.resolve("bin/java"));
        assertThat(PortalLauncher.newEnoughJava(25, jdk17.toString(), jvm)).contains(temurin25.resolve("bin/java"));
    }

    @Test
    void aReleaseFileWithoutAnExecutableJavaIsNoJdk() throws IOException {
        Path broken = Files.createDirectories(jvm.resolve("temurin-25-jre-amd64"));
        Files.writeString(broken.resolve("release"), "JAVA_VERSION=\"25.0.3\"\n");

        assertThat(PortalLauncher.feature(broken)).isZero();
        assertThat(PortalLauncher.newEnoughJava(25, null, jvm)).isEqualTo(Optional.empty());
        assertThat(PortalLauncher.newEnoughJava(25, null, jvm.resolve("no-such-folder"))).isEmpty();
    }

    private Path jdk(String name, String version) throws IOException {
        Path home = Files.createDirectories(jvm.resolve(name).resolve("bin")).getParent();
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Someone\"\nJAVA_VERSION=\"" + version + "\"\n");
        Files.createFile(home.resolve("bin/java"), PosixFilePermissions.asFileAttribute(PosixFilePermissions
                .fromString("rwxr-xr-x")));
        return home;
    }

    private static int classFileMajor(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            DataInputStream data = new DataInputStream(in);
            data.readInt();
            data.readUnsignedShort();
            return data.readUnsignedShort();
        }
    }
}
