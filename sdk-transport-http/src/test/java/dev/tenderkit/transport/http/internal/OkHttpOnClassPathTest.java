package dev.tenderkit.transport.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The class-path check: two OkHttp jars, or one too old, named with the fix; this module's own class path passes. */
class OkHttpOnClassPathTest {

    @Test
    void thisModulesClassPathHasOneSupportedOkHttp() {
        assertEquals(Optional.empty(), OkHttpOnClassPath.problem());
        assertTrue(OkHttpOnClassPath.version(getClass().getClassLoader()).startsWith("5."));
    }

    @Test
    void twoOkHttpJarsAreNamedWithTheExclusionThatFixesThem() throws IOException {
        ClassLoader twoCopies = new ClassLoader(getClass().getClassLoader()) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                return Collections.enumeration(List.of(
                        new URL("jar:file:/m2/com/squareup/okhttp3/okhttp/4.12.0/okhttp-4.12.0.jar!/" + name),
                        new URL("jar:file:/m2/com/squareup/okhttp3/okhttp-jvm/5.5.1/okhttp-jvm-5.5.1.jar!/" + name)));
            }
        };

        String problem = OkHttpOnClassPath.problem(twoCopies).orElseThrow();

        assertTrue(problem.startsWith("OkHttp is on the class path 2 times (okhttp-4.12.0.jar, okhttp-jvm-5.5.1.jar)"), problem);
        assertTrue(problem.contains("<exclusion><groupId>com.squareup.okhttp3</groupId><artifactId>okhttp-jvm</artifactId>"
                + "</exclusion>"), problem);
    }

    @Test
    void versionsBelowTheMinimumAreRefusedAndTheRestAccepted() {
        assertFalse(OkHttpOnClassPath.atLeastMinimum("3.12.13"));
        assertFalse(OkHttpOnClassPath.atLeastMinimum("2.7.5"));
        assertTrue(OkHttpOnClassPath.atLeastMinimum("3.14.9"));
        assertTrue(OkHttpOnClassPath.atLeastMinimum("4.12.0"));
        assertTrue(OkHttpOnClassPath.atLeastMinimum("5.0.0-alpha.14"));
        assertTrue(OkHttpOnClassPath.atLeastMinimum("5.5.1"));
        assertEquals("okhttp-jvm-5.5.1.jar", OkHttpOnClassPath.jarName("jar:file:/a/okhttp-jvm-5.5.1.jar!/okhttp3/OkHttpClient.class"));
    }
}
