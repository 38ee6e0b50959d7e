package io.jkeepalived.config.lexer;

import io.jkeepalived.config.ConfLine;
import io.jkeepalived.config.Diagnostic;
import io.jkeepalived.config.Diagnostics;
import io.jkeepalived.config.LoadOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test fixture: files in a temporary directory, read through a ConfigReader. */
final class Lexed {
    final List<ConfLine> lines = new ArrayList<>();
    final List<Diagnostic> diagnostics;
    final ConfigReader reader;
    private final String base;

    private Lexed(ConfigReader reader, Diagnostics diags, Path main) {
        this.reader = reader;
        this.base = main.toAbsolutePath().getParent() + "/";
        this.diagnostics = diags.list();
    }

    static Path write(Path dir, String name, String text) {
        try {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Lexed read(LoadOptions opts) {
        Diagnostics diags = new Diagnostics();
        ConfigReader r = new ConfigReader(opts, diags);
        Lexed l = new Lexed(r, diags, opts.mainFile());
        if (!r.mainFileMissing()) {
            ConfLine line;
            while ((line = r.next()) != null) l.lines.add(line);
            r.finish();
        }
        return l;
    }

    static Lexed read(Path main) {
        return read(LoadOptions.of(main).withConfigId("host1"));
    }

    /** A main file "keepalived.conf" in dir with text. */
    static Lexed text(Path dir, String text) {
        return read(write(dir, "keepalived.conf", text));
    }

    /** Each line as "line: word word …" (file left out). */
    List<String> words() {
        List<String> out = new ArrayList<>();
        for (ConfLine l : lines) out.add(l.line() + ": " + String.join(" ", l.words()));
        return out;
    }

    /** Each line as "file:line: words", the main file's directory left out of names. */
    List<String> located() {
        List<String> out = new ArrayList<>();
        for (ConfLine l : lines) out.add(l.file().replace(base, "") + ":" + l.line() + ": " + String.join(" ", l.words()));
        return out;
    }

    /** Each diagnostic as "KIND (file: Line n) message" with the base directory removed from names. */
    List<String> diags() {
        List<String> out = new ArrayList<>();
        for (Diagnostic d : diagnostics) out.add(d.kind() + " " + d.format().replace(base, ""));
        return out;
    }
}
