package io.jkeepalived.config;

/** The lexer's output as the parser pulls it: one pre-processed line at a time. */
public interface LineSource {
    /** The next non-empty line, or {@code null} at the end of the last file. */
    ConfLine next();

    /** Where the lexer currently is, for diagnostics raised while handling the last line returned. */
    String currentFile();

    int currentLine();

    /** Called once after the last line: reports unbalanced braces ("There are N missing '}'s …"). */
    void finish();
}
