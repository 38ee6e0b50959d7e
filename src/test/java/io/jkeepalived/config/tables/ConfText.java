package io.jkeepalived.config.tables;

import io.jkeepalived.config.ConfLine;
import io.jkeepalived.config.ConfigError;
import io.jkeepalived.config.Diagnostic;
import io.jkeepalived.config.Diagnostics;
import io.jkeepalived.config.LineSource;
import io.jkeepalived.config.model.KeepalivedConfig;
import io.jkeepalived.config.parse.KeywordParser;
import io.jkeepalived.config.parse.MissingParameterException;
import io.jkeepalived.config.parse.ParseContext;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * A minimal stand-in for the lexer in table tests: '#'/'!' comments (outside double quotes), double-quoted
 * words, and '{' / '}' split onto lines of their own. No includes, no definitions.
 */
final class ConfText implements LineSource {
    private final Iterator<ConfLine> it;

    ConfText(String text) {
        List<ConfLine> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            List<String> words = new ArrayList<>();
            StringBuilder cur = null;
            boolean quoted = false;
            String l = lines[n];
            for (int i = 0; i < l.length(); i++) {
                char c = l.charAt(i);
                if (quoted) {
                    if (c == '"') quoted = false;
                    else cur.append(c);
                    continue;
                }
                if (c == '#' || c == '!') break;
                if (c == '"') {
                    quoted = true;
                    if (cur == null) cur = new StringBuilder();
                    continue;
                }
                if (Character.isWhitespace(c) || c == '{' || c == '}') {
                    if (cur != null) {
                        words.add(cur.toString());
                        cur = null;
                    }
                    if (c == '{' || c == '}') {
                        if (!words.isEmpty()) out.add(new ConfLine("test.conf", n + 1, words, String.join(" ", words)));
                        out.add(new ConfLine("test.conf", n + 1, List.of(String.valueOf(c)), String.valueOf(c)));
                        words = new ArrayList<>();
                    }
                    continue;
                }
                if (cur == null) cur = new StringBuilder();
                cur.append(c);
            }
            if (cur != null) words.add(cur.toString());
            if (!words.isEmpty()) out.add(new ConfLine("test.conf", n + 1, words, l.trim()));
        }
        it = out.iterator();
    }

    @Override
    public ConfLine next() {
        return it.hasNext() ? it.next() : null;
    }

    @Override
    public String currentFile() {
        return "test.conf";
    }

    @Override
    public int currentLine() {
        return 0;
    }

    @Override
    public void finish() {}

    /** The outcome of loading a text: the model, diagnostics, and keepalived -t's exit code. */
    record Loaded(KeepalivedConfig config, List<Diagnostic> diagnostics, ConfigError worst, boolean missingParameter) {
        int exitCode() {
            return missingParameter ? 2 : worst.configTestExitCode();
        }

        Set<Integer> lines() {
            Set<Integer> s = new TreeSet<>();
            for (Diagnostic d : diagnostics) s.add(d.line());
            return s;
        }

        boolean has(int line, ConfigError kind) {
            return diagnostics.stream().anyMatch(d -> d.line() == line && d.kind() == kind);
        }
    }

    static final Set<String> IFACES = Set.of("lo", "eth0", "eth1", "eth2", "eth3");

    static Loaded load(String text) {
        return load(text, IFACES::contains);
    }

    static Loaded load(String text, Predicate<String> ifaces) {
        Diagnostics d = new Diagnostics();
        var o = ProcessPasses.run(new ConfText(text), ifaces, w -> {}, d, ScriptUsers.DIRECTORY_KEY,
                new ScriptUsers.Directory(u -> u.equals("root") || u.equals("nobody"),
                        g -> g.equals("root") || g.equals("nogroup")));
        if (o.missingParameter()) return new Loaded(null, d.list(), d.worst(), true);
        KeepalivedConfig c = o.config();
        return new Loaded(c, d.list(), d.worst(), false);
    }
}
