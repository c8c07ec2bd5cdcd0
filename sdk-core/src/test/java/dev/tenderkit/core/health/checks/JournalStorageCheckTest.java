package dev.tenderkit.core.health.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tenderkit.core.ConfigurationException;
import dev.tenderkit.core.health.HealthItem;
import dev.tenderkit.core.health.HealthStatus;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real temporary directory on disk. */
class JournalStorageCheckTest {
    @TempDir
    Path journal;

    private HealthItem check(JournalStorageCheck.Builder b) {
        return b.build().check(Contexts.fixed()).get(0);
    }

    private static List<Path> contents(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void aWritableDirectoryWithRoomIsOkAndTheProbeIsGone() throws IOException {
        HealthItem item = check(JournalStorageCheck.builder().directory(journal).minFreeBytes(0).lowFreeBytes(0));
        assertEquals("storage.journal", item.id());
        assertEquals(HealthStatus.OK, item.status());
        assertTrue(item.detail().en().contains("takes synced writes;"), item.detail().en());
        assertTrue(item.detail().en().endsWith(" free"), item.detail().en());
        assertEquals(List.of(), contents(journal));
    }

    @Test
    void belowTheFloorItFailsForEveryMethod() {
        HealthItem item = check(JournalStorageCheck.builder().directory(journal).minFreeBytes(Long.MAX_VALUE));
        assertEquals(HealthStatus.FAIL, item.status());
        assertTrue(item.remedy().orElseThrow().en().startsWith("free space on the storage or move the journal"),
                item.remedy().orElseThrow().en());
        assertEquals(Set.of(), item.affectedWallets());
    }

    @Test
    void belowTheLowMarkItWarns() {
        HealthItem item = check(JournalStorageCheck.builder().directory(journal).minFreeBytes(0)
                .lowFreeBytes(Long.MAX_VALUE));
        assertEquals(HealthStatus.WARN, item.status());
    }

    @Test
    void aMissingDirectoryFails() {
        HealthItem item = check(JournalStorageCheck.builder().directory(journal.resolve("not-mounted")));
        assertEquals(HealthStatus.FAIL, item.status());
        assertTrue(item.detail().en().contains("does not exist"), item.detail().en());
    }

    @Test
    void aDirectoryThatRefusesWritesFailsNamingTheError() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path readOnly = Files.createDirectory(journal.resolve("read-only"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(readOnly), "permissions are not enforced for this user (root)");
            HealthItem item = check(JournalStorageCheck.builder().directory(readOnly).minFreeBytes(0));
            assertEquals(HealthStatus.FAIL, item.status());
            assertTrue(item.detail().en().contains("cannot write and sync"), item.detail().en());
            assertTrue(item.detail().en().contains("AccessDeniedException"), item.detail().en());
        } finally {
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void theBuilderNamesTheWrongSetting() {
        assertEquals("directory", assertThrows(ConfigurationException.class,
                () -> JournalStorageCheck.builder().build()).setting());
        assertEquals("minFreeBytes", assertThrows(ConfigurationException.class,
                () -> JournalStorageCheck.builder().directory(journal).minFreeBytes(-1).build()).setting());
    }

    @Test
    void sizesReadInBinaryUnits() {
        assertEquals("64 MiB", Measures.bytes(JournalStorageCheck.DEFAULT_MIN_FREE_BYTES));
        assertEquals("1.5 GiB", Measures.bytes(3L << 29));
        assertEquals("512 B", Measures.bytes(512));
    }
}
