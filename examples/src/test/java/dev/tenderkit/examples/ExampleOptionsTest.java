package dev.tenderkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** Option errors name the option, the value given and the format expected, with an example. */
class ExampleOptionsTest {

    @Test
    void aDateTimeIsReadWithOrWithoutSeconds() {
        assertEquals(OffsetDateTime.parse("2026-11-25T10:00:00+08:00"),
                ExampleOptions.dateTime("--now", "2026-11-25T10:00+08:00"));
        assertEquals(OffsetDateTime.parse("2026-11-25T02:00:30Z"), ExampleOptions.dateTime("--now", "2026-11-25T02:00:30Z"));
    }

    @Test
    void aBadDateTimeNamesTheOptionTheValueAndTheFormat() {
        ExampleOptions.BadOption e = assertThrows(ExampleOptions.BadOption.class,
                () -> ExampleOptions.dateTime("--now", "2026-11-25"));
        assertEquals("--now: expected an ISO-8601 date-time with offset such as 2026-11-25T10:00+08:00, got"
                + " \"2026-11-25\" (Text '2026-11-25' could not be parsed at index 10)", e.getMessage());
    }

    @Test
    void aMissingValueNamesTheOptionAndWhatItTakes() {
        String[] args = {"--policy"};
        assertEquals("--policy needs a value: a policy file such as policy.json", assertThrows(ExampleOptions.BadOption.class,
                () -> ExampleOptions.value(args, 1, "--policy", "a policy file such as policy.json")).getMessage());
        assertEquals("p.json", ExampleOptions.value(new String[] {"--policy", "p.json"}, 1, "--policy", "a file"));
    }

    @Test
    void aPathThatCannotBeOneNamesTheOption() {
        assertEquals(Path.of("fees.json"), ExampleOptions.file("--schedule", "fees.json", "a fee schedule"));
        ExampleOptions.BadOption e = assertThrows(ExampleOptions.BadOption.class,
                () -> ExampleOptions.file("--schedule", "fees\0.json", "a fee schedule file such as my-fees.json"));
        assertEquals(true, e.getMessage().startsWith("--schedule: expected a fee schedule file such as my-fees.json, got"
                + " \"fees\0.json\" ("), e.getMessage());
    }
}
