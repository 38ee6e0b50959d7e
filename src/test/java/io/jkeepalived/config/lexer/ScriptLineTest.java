package io.jkeepalived.config.lexer;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.config.ConfLine;
import io.jkeepalived.config.ConfigError;
import io.jkeepalived.config.Diagnostics;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Script keywords' command lines (keepalived's alloc_strvec_quoted_escaped, notify_script_init). */
class ScriptLineTest {
    @Test
    void commandLineWithUserAndGroup() {
        ScriptLine s = ScriptLine.parse("notify_master \"/bin/echo 'a b' c\" nobody nogroup");
        assertThat(s.argv()).containsExactly("/bin/echo", "a b", "c");
        assertThat(s.user()).isEqualTo("nobody");
        assertThat(s.group()).isEqualTo("nogroup");
    }

    @Test
    void unquotedCommandIsOneWord() {
        ScriptLine s = ScriptLine.parse("script /usr/bin/check");
        assertThat(s.argv()).containsExactly("/usr/bin/check");
        assertThat(s.user()).isNull();
        assertThat(s.group()).isNull();
    }

    @Test
    void escapesAreDecoded() {
        assertThat(ScriptLine.words("a\\tb \\x41\\x4a2 \\101\\0612 \\cA\\E \\\"q\\' \\z")).containsExactly(
                "a\tb", "AJ2" .replace("AJ2", "A" + (char) 0xa2), "A12", "\u0001\u001b", "\"q'", "z");
    }

    @Test
    void quotesGroupAndNestTheOtherKind() {
        assertThat(ScriptLine.words("x\"a b\"y 'c \"d\" e' \"f\\\"g\"")).containsExactly("xa by", "c \"d\" e", "f\"g");
    }

    @Test
    void aNulFromAnEscapeEndsTheWord() {
        assertThat(ScriptLine.words("ab\\0cd e")).containsExactly("ab", "e");
    }

    @Test
    void readsTheRawTextOfALineFromTheReader(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        Lexed l = Lexed.text(dir, "notify_master \"/bin/echo \\\"x y\\\" z\" root # c\n");
        // alloc_strvec splits it one way, the script re-read another
        assertThat(l.lines.getFirst().words()).containsExactly("notify_master", "/bin/echo \\", "x", "y\\", " z", "root");
        ScriptLine s = ScriptLine.parse(l.lines.getFirst().text());
        assertThat(s.argv()).containsExactly("/bin/echo", "x y", "z");
        assertThat(s.user()).isEqualTo("root");
    }

    @Test
    void failures() {
        assertThat(ScriptLine.parse("notify")).isNull();
        assertThat(ScriptLine.parse("notify \"/bin/x")).isNull();
        assertThat(ScriptLine.parse("notify x\\")).isNull();
        assertThat(ScriptLine.words("  ")).isNull();
    }

    @Test
    void unmatchedQuoteIsReportedAtTheLine() {
        Diagnostics d = new Diagnostics();
        ConfLine line = new ConfLine("k.conf", 7, List.of("notify", "'/bin/x"), "notify \"'/bin/x\"");
        assertThat(ScriptLine.parse(line, d)).isNull();
        assertThat(d.list()).extracting(x -> x.kind() + " " + x.format()).containsExactly(
                "UNMATCHED_QUOTE (k.conf: Line 7) String ''/bin/x': missing terminating '");
    }
}
