package io.jkeepalived.config.lexer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Comments, words, quotes, braces and line numbers, as keepalived 2.2.7's read_line gives them. */
class ConfigReaderTest {
    @TempDir
    Path dir;

    @Test
    void commentsStartAtHashOrBangOutsideDoubleQuotes() {
        Lexed l = Lexed.text(dir, "a b # c\n  d \"e # f\" g ! h\n# only\n! only\ni \\#j \\!k\n");
        assertThat(l.words()).containsExactly("1: a b", "2: d e # f g", "5: i #j !k");
        assertThat(l.diagnostics).isEmpty();
    }

    @Test
    void quotedRunIsOneWordAndAQuoteEndsAnUnquotedWord() {
        Lexed l = Lexed.text(dir, "a\"b c\"d\n\"\"\nx 'y z'\n");
        assertThat(l.words()).containsExactly("1: a b c d", "2: ", "3: x 'y z'");
        assertThat(l.lines.get(1).words()).containsExactly("");
    }

    @Test
    void unterminatedQuoteIsReportedTwiceLikeKeepalived() {
        Lexed l = Lexed.text(dir, "w4 \"unterminated\n");
        assertThat(l.words()).containsExactly("1: w4");
        assertThat(l.diags()).containsExactly(
                "GENERAL_ERROR (keepalived.conf: Line 1) Unterminated quote 'w4 \"unterminated'",
                "UNMATCHED_QUOTE (keepalived.conf: Line 1) Unmatched quote: 'w4 \"unterminated'");
    }

    @Test
    void bracesOutsideQuotesGoOnLinesOfTheirOwn() {
        Lexed l = Lexed.text(dir, "kw { a \"x{y}\" } b\nkw2\n{\n}\n");
        assertThat(l.words()).containsExactly("1: kw", "1: {", "1: a x{y}", "1: }", "1: b", "2: kw2", "3: {", "4: }");
        assertThat(l.lines.get(2).text()).isEqualTo("a \"x{y}\"");
        assertThat(l.diagnostics).isEmpty();
    }

    @Test
    void extraCloseBraceIsReportedAtItsLineAndTheCountRestarts() {
        Lexed l = Lexed.text(dir, "a {\n}\n}\n{\n");
        assertThat(l.diags()).containsExactly(
                "UNEXPECTED_EOB (keepalived.conf: Line 3) Extra '}' found",
                "MISSING_EOB There are 1 missing '}'s or extra '{'s");
    }

    @Test
    void missingCloseBracesAreCountedAtTheEnd() {
        Lexed l = Lexed.text(dir, "a {\nb {\nc { d }\n");
        assertThat(l.diags()).containsExactly("MISSING_EOB There are 2 missing '}'s or extra '{'s");
    }

    @Test
    void lineNumbersCountEveryLineEndIncludingBlankAndCrLf() {
        Lexed l = Lexed.text(dir, "a\r\n\r\n\n  \nb\\\nc");
        // the last line has no '\n': keepalived's fgets leaves the count at the previous line
        assertThat(l.words()).containsExactly("1: a", "5: b\\", "5: c");
    }

    @Test
    void aLineLongerThanKeepalivedsBufferComesInPiecesOf1023Bytes() {
        String longWord = "x".repeat(1100);
        Lexed l = Lexed.text(dir, "w1 " + longWord + " tail\nw2\n");
        assertThat(l.lines).hasSize(3);
        assertThat(l.lines.get(0).line()).isEqualTo(0);
        assertThat(l.lines.get(0).words()).containsExactly("w1", "x".repeat(1020));
        assertThat(l.lines.get(1).line()).isEqualTo(1);
        assertThat(l.lines.get(1).words()).containsExactly("x".repeat(80), "tail");
        assertThat(l.words().get(2)).isEqualTo("2: w2");
    }

    @Test
    void aNulByteEndsTheLineAndHidesItsLineEnd() {
        Path main = Lexed.write(dir, "keepalived.conf", "w1 a\u0000b\nw2\nw3\n");
        Lexed l = Lexed.read(main);
        assertThat(l.words()).containsExactly("0: w1 a", "1: w2", "2: w3");
    }

    @Test
    void aTrailingBackslashOutsideDefinitionsStaysText() {
        Lexed l = Lexed.text(dir, "a b \\\nc\n");
        assertThat(l.words()).containsExactly("1: a b\\", "2: c");
    }

    @Test
    void formFeedOnlyLineHasNoWordsAndIsSkipped() {
        Lexed l = Lexed.text(dir, "\f\na\n");
        assertThat(l.words()).containsExactly("2: a");
    }

    @Test
    void unicodeIsKeptAsText() {
        Lexed l = Lexed.text(dir, "router_id h\u00f4te-\u4e2d\n");
        assertThat(l.words()).containsExactly("1: router_id h\u00f4te-\u4e2d");
    }

    @Test
    void atIdKeepsALineOnlyOnTheMatchingHost() {
        Lexed l = Lexed.text(dir, "@host1 a\n@other b\n@^other c\n@^host1 d\n@host1\n@host1\tx y\n@ e\n@^ f\n");
        assertThat(l.words()).containsExactly("1: a", "3: c", "6: x y", "8: f");
        assertThat(l.diagnostics).isEmpty();
    }

    @Test
    void atIdIsCheckedAgainOnWhatFollowsABrace() {
        Lexed l = Lexed.text(dir, "w1 { @host1 w2 } w3\nw4 {@other w5\n");
        assertThat(l.words()).containsExactly("1: w1", "1: {", "1: w2", "1: }", "1: w3", "2: w4", "2: {");
    }

    @Test
    void configIdComesFromTheOptions() {
        Path main = Lexed.write(dir, "keepalived.conf", "@lb2 a\n@host1 b\n");
        Lexed l = Lexed.read(io.jkeepalived.config.LoadOptions.of(main).withConfigId("lb2"));
        assertThat(l.words()).containsExactly("1: a");
    }

    @Test
    void positionFollowsTheLastLineReturned() {
        Lexed l = Lexed.text(dir, "a\n\nb\n");
        assertThat(l.reader.currentLine()).isZero(); // every file done
        Path main = Lexed.write(dir, "k2.conf", "a\n\nb\n");
        ConfigReader r = new ConfigReader(io.jkeepalived.config.LoadOptions.of(main), new io.jkeepalived.config.Diagnostics());
        r.next();
        assertThat(r.currentLine()).isEqualTo(1);
        r.next();
        assertThat(r.currentLine()).isEqualTo(3);
        assertThat(r.currentFile()).isEqualTo(main.toString());
        assertThat(r.next()).isNull();
    }
}
