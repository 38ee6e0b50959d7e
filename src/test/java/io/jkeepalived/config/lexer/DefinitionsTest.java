package io.jkeepalived.config.lexer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** keepalived.conf(5) "$NAME=value" definitions, checked against keepalived 2.2.7 -t. */
class DefinitionsTest {
    @TempDir
    Path dir;

    @Test
    void referencesNeedABreakAfterTheNameUnlessBraced() {
        Lexed l = Lexed.text(dir, "$A=aa\n$B=${A}b\nw1 $A $B ${A}x $Ax\nw5 $A,$A)\nnet $A/24 ${A}/24\n");
        assertThat(l.words()).containsExactly("3: w1 aa aab aax $Ax", "4: w5 aa,aa)", "5: net $A/24 aa/24");
        assertThat(l.diagnostics).isEmpty();
    }

    @Test
    void undefinedNamesAndBadDefinitionsStayText() {
        Lexed l = Lexed.text(dir, "w $NOPE ${NOPE}\n$X =1\n$1=2\n $Y=3\nw $Y\n");
        // the brace of an unresolved ${NOPE} splits the line like any other
        assertThat(l.words()).containsExactly("1: w $NOPE $", "1: {", "1: NOPE", "1: }", "2: $X =1", "3: $1=2", "5: w 3");
    }

    @Test
    void redefinitionReplacesAndEmptyValueIsAllowed() {
        Lexed l = Lexed.text(dir, "$A=1\nw $A\n$A=2\nw $A\n$E=\nw3 $E end\n");
        assertThat(l.words()).containsExactly("2: w 1", "4: w 2", "6: w3 end");
    }

    @Test
    void multiLineDefinitionExpandsToSeveralLinesWhereItIsUsedLast() {
        Lexed l = Lexed.text(dir, "$M=m1 \\\n m2 \\\n# comment line skipped\n m3\n$M\nw2 $M\nw3 $M x\n");
        assertThat(l.words()).containsExactly("5: m1", "5: m2", "5: m3", "6: w2 m1", "6: m2", "6: m3", "7: w3 $M x");
    }

    @Test
    void anEmptyLineEndsAMultiLineDefinition() {
        Lexed l = Lexed.text(dir, "$M=a \\\nb \\\n\nw $M\n$N=\\\nc\nw $N z\n");
        assertThat(l.words()).containsExactly("4: w a", "4: b", "7: w c z");
    }

    @Test
    void multiLineDefinitionsNestAndMayHoldSequences() {
        Lexed l = Lexed.text(dir, "$M1=a1 \\\n~SEQ(i,1,2) s$i\\\na2\n$M2=b1 \\\n$M1\\\nb2\nw0\n$M2\nw9\n");
        assertThat(l.words()).containsExactly("7: w0", "8: b1", "8: a1", "8: s1", "8: s2", "8: a2", "8: b2", "9: w9");
    }

    @Test
    void expansionIsRecursiveAndSeesConditionalsIncludesAndSequences() {
        Lexed.write(dir, "inc/b.conf", "b1\n");
        Lexed l = Lexed.text(dir, "$X=@host1\n$I=include inc/b.conf\n$I\n$S=~SEQ(q,1,2) z$q\n$S\n$T=  ~LST(v,a,b) t$v\nw $T\n");
        assertThat(l.located()).containsExactly("inc/b.conf:1: b1", "keepalived.conf:5: z1", "keepalived.conf:5: z2",
                "keepalived.conf:7: w ~LST(v,a,b) t$v");
    }

    @Test
    void aCommentInsideAValueTakesEffectAfterExpansion() {
        Lexed l = Lexed.text(dir, "$H=${_HASH}\nw a $H b\n$Q=x \\# y\nw $Q\n");
        assertThat(l.words()).containsExactly("2: w a", "4: w x");
    }

    @Test
    void predefinedValues() {
        Lexed l = Lexed.text(dir, "w \"${_HASH} ${_BANG}\" $_INSTANCE ${_PWD}\nw ${_HASH} comment\n");
        assertThat(l.lines.getFirst().words()).containsExactly("w", "# !", "host1", realDir());
        // outside quotes the '#' it gives starts a comment, as keepalived decomments after expanding
        assertThat(l.words().get(1)).isEqualTo("2: w");
    }

    @Test
    void randomHonoursItsRangeAndPredefinedNamesCanBeRedefined() {
        Lexed l = Lexed.text(dir, "w ${_RANDOM 7 7}\nw ${_RANDOM}\n$_HASH=H\nw ${_HASH}\n");
        assertThat(l.lines.get(0).words()).containsExactly("w", "7");
        assertThat(Integer.parseInt(l.lines.get(1).words().get(1))).isBetween(0, 32767);
        assertThat(l.words().get(2)).isEqualTo("4: w H");
    }

    @Test
    void randomWithParametersShiftsTheLineAsKeepalivedDoes() {
        // keepalived 2.2.7 moves only the reference's own text when shortening it
        Lexed l = Lexed.text(dir, "r ${_RANDOM 5 5} x\n");
        assertThat(l.words()).containsExactly("1: r 5 _RANDOM 5 5", "1: }", "1: x");
    }

    @Test
    void selfReferenceStopsAtTheLineLengthLimit() {
        Lexed l = Lexed.text(dir, "$L=x$L\nw $L\nw10\n");
        assertThat(l.lines.get(0).words().get(1)).hasSize(1021).startsWith("xxxx").endsWith("x$L");
        assertThat(l.words().get(1)).isEqualTo("3: w10");
    }

    @Test
    void mutualReferencesDoNotHang() {
        // keepalived 2.2.7 loops for ever here; the reader gives up on the line
        Lexed l = Lexed.text(dir, "$A=$B\n$B=$A\nw $A\nw2\n");
        assertThat(l.words()).hasSize(2).last().isEqualTo("4: w2");
    }

    @Test
    void aMultiLineDefinitionUsingItselfOnItsLastLineIsCutOff() {
        // keepalived 2.2.7 produces "a" lines for ever here
        Lexed l = Lexed.text(dir, "$M=a \\\n$M\n$M\nw\n");
        assertThat(l.lines).hasSize(ConfigReader.MAX_GENERATED + 2);
        assertThat(l.words().getLast()).isEqualTo("4: w");
    }

    private String realDir() {
        try {
            return dir.toRealPath().toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
