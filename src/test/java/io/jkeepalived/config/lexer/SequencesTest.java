package io.jkeepalived.config.lexer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** keepalived.conf(5) ~SEQ, ~SEQx and ~LST, checked against keepalived 2.2.7 -t. */
class SequencesTest {
    @TempDir
    Path dir;

    @Test
    void seqWithOneTwoOrThreeNumbers() {
        Lexed l = Lexed.text(dir, "~SEQ(i, 3) w$i\n~SEQ(i,1,2,5) v$i\n~SEQ(i, -2) n$i\n~SEQ(i,5,1) d$i\n~SEQ(i, 0) z$i\n");
        assertThat(l.words()).containsExactly("1: w1", "1: w2", "1: w3", "2: v1", "2: v3", "2: v5", "3: n-1", "3: n-2",
                "4: d5", "4: d4", "4: d3", "4: d2", "4: d1", "5: z1", "5: z0");
        assertThat(l.diagnostics).isEmpty();
    }

    @Test
    void seqxCountsInHexAndNumbersMayBeHexOrOctal() {
        Lexed l = Lexed.text(dir, "~SEQx(j, 9, 12) h$j\n~SEQ(k, 0x3, 010, 023) o$k\n");
        assertThat(l.words()).containsExactly("1: h9", "1: ha", "1: hb", "1: hc", "2: o3", "2: o11", "2: o19");
    }

    @Test
    void invalidSequencesAreReportedTwice() {
        Lexed l = Lexed.text(dir, "~SEQ(i,1,-1,5) b\n~SEQx(i,-1,3) c\n~SEQ(i) d\n~SEQ i x\n~SEQ(i, 1, 2\n");
        assertThat(l.lines).isEmpty();
        assertThat(l.diags()).containsExactly(
                "GENERAL_ERROR (keepalived.conf: Line 1) Invalid ~SEQ values '~SEQ(i,1,-1,5) b'",
                "GENERAL_ERROR (keepalived.conf: Line 1) Invalid ~SEQ specification '~SEQ(i,1,-1,5) b'",
                "GENERAL_ERROR (keepalived.conf: Line 2) ~SEQx is only valid for positive numbers '~SEQx(i,-1,3) c'",
                "GENERAL_ERROR (keepalived.conf: Line 2) Invalid ~SEQ specification '~SEQx(i,-1,3) c'",
                "GENERAL_ERROR (keepalived.conf: Line 3) Invalid ~SEQ definition '~SEQ(i) d'",
                "GENERAL_ERROR (keepalived.conf: Line 3) Invalid ~SEQ specification '~SEQ(i) d'",
                "GENERAL_ERROR (keepalived.conf: Line 4) Invalid ~SEQ specification '~SEQ i x'",
                "GENERAL_ERROR (keepalived.conf: Line 5) ~SEQ parameter strings too long '~SEQ(i, 1, 2'",
                "GENERAL_ERROR (keepalived.conf: Line 5) Invalid ~SEQ specification '~SEQ(i, 1, 2'");
    }

    @Test
    void anythingAfterTheVariableSkipsOneCharacterLikeAComma() {
        // keepalived steps over whatever follows the name, so "(k 1 2)" reads as "(k, 2)"
        Lexed l = Lexed.text(dir, "~SEQ(k 1 2) a$k\n");
        assertThat(l.words()).containsExactly("1: a1", "1: a2");
    }

    @Test
    void seqParametersMayBeDefinitions() {
        Lexed l = Lexed.text(dir, "$N=3\n~SEQ(i, 2, $N) a$i\n");
        assertThat(l.words()).containsExactly("2: a2", "2: a3");
    }

    @Test
    void sequencesOnOneLineNestLeftToRight() {
        Lexed l = Lexed.text(dir, "~SEQ(i,1,2) ~SEQ(j,1,2) p${i}_$j\n");
        assertThat(l.words()).containsExactly("1: p1_1", "1: p1_2", "1: p2_1", "1: p2_2");
    }

    @Test
    void lstWithOneOrSeveralVariables() {
        Lexed l = Lexed.text(dir, "~LST(x, a, b, c) l$x\n~LST({x,y}, {1,2}, {3}, {5,6}) m${x}_$y\n");
        assertThat(l.words()).containsExactly("1: la", "1: lb", "1: lc", "2: m1_2", "2: m3_", "2: m5_6");
    }

    @Test
    void lstErrors() {
        Lexed l = Lexed.text(dir, "~LST({x,y}, {1,2,3}) too\n~LST(x a) bad\n");
        assertThat(l.lines).isEmpty();
        assertThat(l.diags()).containsExactly(
                "GENERAL_ERROR (keepalived.conf: Line 1) ~LST specification has too many values '~LST({x,y}, {1,2,3}) too'",
                "GENERAL_ERROR (keepalived.conf: Line 1) Invalid ~LST specification '~LST({x,y}, {1,2,3}) too'",
                "GENERAL_ERROR (keepalived.conf: Line 2) Invalid ~LST specification '~LST(x a) bad'");
    }

    @Test
    void aSequenceRunningPastTheRangeOfALongStops() {
        Lexed l = Lexed.text(dir, "~SEQ(i, 9223372036854775806, 9223372036854775807) a$i\nb\n");
        assertThat(l.words()).containsExactly("1: a9223372036854775806", "1: a9223372036854775807", "2: b");
    }

    @Test
    void otherTildeLinesAreLeftAlone() {
        Lexed l = Lexed.text(dir, "$A=1\n~FOO $A\n");
        assertThat(l.words()).containsExactly("2: ~FOO $A");
    }
}
