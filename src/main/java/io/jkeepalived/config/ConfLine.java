package io.jkeepalived.config;

import java.util.List;

/**
 * One line as keepalived's parser sees it after the pre-processor: comments removed, {@code @id}
 * selection, {@code $NAME} expansion, {@code ~SEQ}/{@code ~LST} repetition and includes applied, and each
 * {@code {} or {@code }} (outside double quotes) split onto a line of its own.
 *
 * @param file  the file the line came from (as named in the include or on the command line)
 * @param line  its 1-based line number in that file
 * @param words the words, double quotes removed (keepalived's {@code alloc_strvec})
 * @param text  the line's text before splitting into words, for keywords that re-read the raw line
 *              (scripts: keepalived's {@code alloc_strvec_quoted_escaped})
 * @param childLine the line number keepalived's child processes (VRRP, checker, BFD) give it: they read the
 *              parent's copy of the config, where a last line without '\n' or a piece of an over-long line
 *              is a line of its own, so they can count further than the parent
 */
public record ConfLine(String file, int line, List<String> words, String text, int childLine) {
    public ConfLine {
        words = List.copyOf(words);
    }

    /** A line that both the parent and the children number alike. */
    public ConfLine(String file, int line, List<String> words, String text) {
        this(file, line, words, text, line);
    }

    /** This line as the child processes see it. */
    public ConfLine asChild() {
        return childLine == line ? this : new ConfLine(file, childLine, words, text, childLine);
    }

    public String first() {
        return words.isEmpty() ? "" : words.getFirst();
    }

    public boolean isOpenBrace() {
        return isBrace("{");
    }

    public boolean isCloseBrace() {
        return isBrace("}");
    }

    /**
     * The line is the brace alone. Asked of every line a view skips (issue 3's benchmark: 300,000 times),
     * so the text's length is looked at first: a text that trim() would leave longer than one char is not.
     */
    private boolean isBrace(String brace) {
        int n = text.length();
        if (n != 1 && (n == 0 || text.charAt(0) > ' ' && text.charAt(n - 1) > ' ')) return false;
        return words.size() == 1 && words.getFirst().equals(brace) && text.trim().equals(brace);
    }
}
