package dev.tenderkit.transport.http.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * What the class path holds of OkHttp, checked once when the first transport is built: a POS
 * application often has its own OkHttp 3 or 4 ({@code com.squareup.okhttp3:okhttp}), and OkHttp 5 is
 * published for Maven as another artifact ({@code okhttp-jvm}), so Maven keeps both and their
 * classes mix at run time. TenderKit runs on OkHttp 3.14 and later (proven by the host-compat
 * modules); this says, before any call, when the class path cannot work and what to change.
 */
public final class OkHttpOnClassPath {

    /** The oldest OkHttp the transport is built and tested for. */
    public static final String MINIMUM = "3.14";

    private static final String EXCLUSION = "<exclusion><groupId>com.squareup.okhttp3</groupId>"
            + "<artifactId>okhttp-jvm</artifactId></exclusion>";

    private OkHttpOnClassPath() {
    }

    /** @return the problem with the class path that loaded this class, once per class loader's life; empty when it can work */
    public static Optional<String> problem() {
        return Checked.PROBLEM;
    }

    /** Holder: computed at first use, immutable after. */
    private static final class Checked {
        static final Optional<String> PROBLEM = problem(OkHttpOnClassPath.class.getClassLoader());
    }

    /**
     * @param loader the class loader whose class path is checked
     * @return the problem, naming the jars and the fix; empty when one OkHttp of a supported version is there
     */
    static Optional<String> problem(ClassLoader loader) {
        List<String> jars = new ArrayList<>();
        try {
            for (URL copy : Collections.list(loader.getResources("okhttp3/OkHttpClient.class"))) {
                jars.add(jarName(copy.toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the class path for OkHttp", e);
        }
        if (jars.size() > 1) {
            return Optional.of("OkHttp is on the class path " + jars.size() + " times (" + String.join(", ", jars)
                    + "), and the classes of both would mix: OkHttp 5 is published for Maven as"
                    + " com.squareup.okhttp3:okhttp-jvm, which Maven does not weigh against com.squareup.okhttp3:okhttp."
                    + " Keep one: to use your application's OkHttp (" + MINIMUM + " or later), add " + EXCLUSION
                    + " to the TenderKit dependency; or move your own dependency to okhttp-jvm 5.x");
        }
        String version = version(loader);
        if (!atLeastMinimum(version)) {
            return Optional.of("OkHttp " + version + " is on the class path; TenderKit needs OkHttp " + MINIMUM
                    + " or later: upgrade it, or drop the exclusion of com.squareup.okhttp3:okhttp-jvm to use TenderKit's");
        }
        return Optional.empty();
    }

    static String jarName(String url) {
        int bang = url.indexOf("!/");
        String path = bang < 0 ? url : url.substring(0, bang);
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** @return OkHttp's version as it states it: okhttp3.OkHttp.VERSION (4 and 5) or okhttp3.internal.Version (3) */
    static String version(ClassLoader loader) {
        try {
            return (String) Class.forName("okhttp3.OkHttp", false, loader).getField("VERSION").get(null);
        } catch (ReflectiveOperationException notFourOrLater) {
            try {
                String agent = (String) Class.forName("okhttp3.internal.Version", true, loader).getMethod("userAgent")
                        .invoke(null);
                return agent.startsWith("okhttp/") ? agent.substring("okhttp/".length()) : agent;
            } catch (ReflectiveOperationException | RuntimeException e) {
                return "of an unknown version";
            }
        }
    }

    static boolean atLeastMinimum(String version) {
        String[] parts = version.split("[.-]");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return major > 3 || (major == 3 && minor >= 14);
        } catch (NumberFormatException e) {
            return true; // a version we cannot read is not refused: the calls themselves will tell
        }
    }
}
