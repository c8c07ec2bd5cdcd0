package dev.tenderkit.core.internal.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenderkit.core.LocalizedText;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Durations as people read them, in English and Chinese, never as ISO-8601. */
class DurationTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            PT720H            | 30 days                              | 30天
            P30D              | 30 days                              | 30天
            P1D               | 1 day                                | 1天
            PT2H5M            | 2 hours 5 minutes                    | 2小时5分钟
            P1DT12H           | 1 day 12 hours                       | 1天12小时
            PT1H              | 1 hour                               | 1小时
            PT12H             | 12 hours                             | 12小时
            PT90S             | 1 minute 30 seconds                  | 1分钟30秒
            PT1S              | 1 second                             | 1秒
            PT0.25S           | 250 milliseconds                     | 250毫秒
            PT0.001S          | 1 millisecond                        | 1毫秒
            P2DT3H4M5.006S    | 2 days 3 hours 4 minutes 5 seconds 6 milliseconds | 2天3小时4分钟5秒6毫秒
            P1DT0.5S          | 1 day 500 milliseconds               | 1天500毫秒
            PT0S              | 0 seconds                            | 0秒
            PT0.0000001S      | less than 1 millisecond              | 不到1毫秒
            PT1.0000009S      | 1 second                             | 1秒
            -PT5M             | -5 minutes                           | -5分钟
            PT-2H-30M         | -2 hours 30 minutes                  | -2小时30分钟
            """)
    void aDurationIsWrittenInWords(String iso, String en, String zh) {
        Duration d = Duration.parse(iso);
        assertEquals(en, DurationText.en(d));
        assertEquals(zh, DurationText.zh(d));
        assertEquals(LocalizedText.of(zh, en), DurationText.of(d));
    }
}
