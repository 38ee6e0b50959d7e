package io.jkeepalived.vrrp.track;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A track_file's number read as keepalived's strtol(buf, NULL, 0). */
class FileValueTest {
    private static FileValue parse(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return FileValue.parse(b, b.length);
    }

    @Test
    void decimalWithBlanksSignAndTrailingText() {
        assertThat(parse("42\n")).isEqualTo(new FileValue(42, false));
        assertThat(parse("  -7 apples")).isEqualTo(new FileValue(-7, false));
        assertThat(parse("+3")).isEqualTo(new FileValue(3, false));
    }

    @Test
    void hexAndOctalAsBaseZero() {
        assertThat(parse("0x10")).isEqualTo(new FileValue(16, false));
        assertThat(parse("010")).isEqualTo(new FileValue(8, false));
        assertThat(parse("0")).isEqualTo(new FileValue(0, false));
        assertThat(parse("0x")).isEqualTo(new FileValue(0, false));
        assertThat(parse("09")).isEqualTo(new FileValue(0, false));
    }

    @Test
    void noNumberIsZero() {
        assertThat(parse("abc")).isEqualTo(new FileValue(0, false));
        assertThat(parse("")).isEqualTo(new FileValue(0, false));
    }

    @Test
    void outsideInt32IsIgnoredWithKeepalivedsLine() {
        assertThat(parse("2147483648").invalid()).isFalse();
        FileValue v = parse("2147483649");
        assertThat(v.invalid()).isTrue();
        assertThat(v.invalidLine("/tmp/f")).isEqualTo("Invalid number 2147483649 read from /tmp/f - ignoring");
        assertThat(parse("-2147483649").invalid()).isTrue();
        assertThat(parse("99999999999999999999999").invalid()).isTrue();
    }
}
