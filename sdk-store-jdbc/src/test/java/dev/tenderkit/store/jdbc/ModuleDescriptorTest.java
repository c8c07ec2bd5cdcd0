package dev.tenderkit.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The module's descriptor, read from its compiled module-info: it exports its API package only and
 * requires nothing beyond core, java.sql and slf4j (no driver, no pool). Checked here rather than in
 * the examples' ModuleDescriptorsTest, which would put this module's test-jar dependency into the
 * README's `-pl examples -am compile` build.
 */
class ModuleDescriptorTest {

    @Test
    void exportsItsApiAndRequiresOnlyCoreSqlAndLogging() throws IOException {
        Path classes = Path.of(JdbcTransactionStore.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        Path info = Files.isDirectory(classes) ? classes.resolve("module-info.class") : null;
        ModuleDescriptor d;
        try (InputStream in = info != null ? Files.newInputStream(info)
                : JdbcTransactionStore.class.getResourceAsStream("/module-info.class")) {
            d = ModuleDescriptor.read(in);
        }
        assertEquals("dev.tenderkit.store.jdbc", d.name());
        assertEquals(Set.of("dev.tenderkit.store.jdbc"),
                d.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()));
        assertEquals(Set.of("dev.tenderkit.core", "java.sql", "org.slf4j", "java.base"),
                d.requires().stream().map(ModuleDescriptor.Requires::name).collect(Collectors.toSet()));
    }
}
