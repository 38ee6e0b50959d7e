package io.jkeepalived.config.tables;

import io.jkeepalived.config.ConfLine;
import io.jkeepalived.config.ConfigError;
import io.jkeepalived.config.Diagnostic;
import io.jkeepalived.config.Diagnostics;
import io.jkeepalived.config.LineSource;
import io.jkeepalived.config.model.LvsConfig;
import io.jkeepalived.config.parse.KeywordParser;
import io.jkeepalived.config.parse.MissingParameterException;
import io.jkeepalived.config.parse.ParseContext;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Feeds config text through the keyword tables without the lexer: a minimal splitter (comments, double
 * quotes, braces onto lines of their own) standing in for it.
 */
final class LvsFixture {
    private LvsFixture() {}

    record Result(LvsConfig lvs, List<Diagnostic> diagnostics, ConfigError worst, boolean missingParameter) {
        TreeSet<Integer> lines() {
            TreeSet<Integer> s = new TreeSet<>();
            for (Diagnostic d : diagnostics) s.add(d.line());
            return s;
        }

        List<String> messages() {
            return diagnostics.stream().map(Diagnostic::format).toList();
        }

        int exitCode() {
            return missingParameter ? 2 : worst.configTestExitCode();
        }
    }

    static Result parse(String text) {
        return parse(text, ctx -> {});
    }

    static Result parse(String text, Consumer<ParseContext> before) {
        Diagnostics diags = new Diagnostics();
        ParseContext ctx = new ParseContext(diags, name -> name.startsWith("eth") || name.equals("lo"));
        before.accept(ctx);
        RootBuilder root = new RootBuilder();
        try {
            new KeywordParser(new Lines(split(text)), ctx, RootTable.HINTS).parseRoot(RootTable.ROOT, root);
        } catch (MissingParameterException e) {
            return new Result(null, diags.list(), diags.worst(), true);
        }
        LvsConfig lvs = root.lvs.build(ctx, root.global);
        return new Result(lvs, diags.list(), diags.worst(), false);
    }

    static List<ConfLine> split(String text) {
        List<ConfLine> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String raw = lines[n];
            List<String> words = new ArrayList<>();
            StringBuilder cur = new StringBuilder();
            boolean inQuote = false;
            boolean any = false;
            StringBuilder kept = new StringBuilder();
            for (int i = 0; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (!inQuote && (c == '#' || c == '!')) break;
                kept.append(c);
                if (c == '"') {
                    inQuote = !inQuote;
                    any = true;
                } else if (!inQuote && Character.isWhitespace(c)) {
                    if (any) words.add(cur.toString());
                    cur.setLength(0);
                    any = false;
                } else if (!inQuote && (c == '{' || c == '}')) {
                    if (any) words.add(cur.toString());
                    cur.setLength(0);
                    any = false;
                    flush(out, n + 1, words, kept, c);
                    words = new ArrayList<>();
                    kept.setLength(0);
                } else {
                    cur.append(c);
                    any = true;
                }
            }
            if (any) words.add(cur.toString());
            if (!words.isEmpty()) out.add(new ConfLine("test.conf", n + 1, words, kept.toString().strip()));
        }
        return out;
    }

    private static void flush(List<ConfLine> out, int line, List<String> words, StringBuilder kept, char brace) {
        String before = kept.substring(0, kept.length() - 1).strip();
        if (!words.isEmpty()) out.add(new ConfLine("test.conf", line, words, before));
        out.add(new ConfLine("test.conf", line, List.of(String.valueOf(brace)), String.valueOf(brace)));
    }

    private static final class Lines implements LineSource {
        private final List<ConfLine> lines;
        private int i;

        Lines(List<ConfLine> lines) {
            this.lines = lines;
        }

        @Override
        public ConfLine next() {
            return i < lines.size() ? lines.get(i++) : null;
        }

        @Override
        public String currentFile() {
            return "test.conf";
        }

        @Override
        public int currentLine() {
            return i == 0 ? 0 : lines.get(i - 1).line();
        }

        @Override
        public void finish() {}
    }
}
