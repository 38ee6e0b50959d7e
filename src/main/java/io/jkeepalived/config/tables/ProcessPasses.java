package io.jkeepalived.config.tables;

import io.jkeepalived.config.ConfLine;
import io.jkeepalived.config.Diagnostic;
import io.jkeepalived.config.Diagnostics;
import io.jkeepalived.config.LineSource;
import io.jkeepalived.config.model.KeepalivedConfig;
import io.jkeepalived.config.parse.Block;
import io.jkeepalived.config.parse.KeywordParser;
import io.jkeepalived.config.parse.MissingParameterException;
import io.jkeepalived.config.parse.ParseContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Parses the configuration the way keepalived -t does: the VRRP process's view first (reading the lexer's
 * lines and recording them), then the parent's, the BFD process's and the checker's over the recorded
 * lines. Each view has its own state; the diagnostics are merged in keepalived's order (parent, BFD, VRRP,
 * checker) without repeating what an earlier process already said. A missing parameter stops the process
 * that meets it (exit 2); in the parent it stops everything, as keepalived exits before starting children.
 */
public final class ProcessPasses {
    private ProcessPasses() {}

    /**
     * The merged outcome. {@code config} is null when any process stopped on a missing parameter.
     * {@code fileError}: an include problem was an error under the strictness in force; keepalived then
     * stops once the parent has read the configuration, so only the parent's messages were merged.
     */
    public record Outcome(KeepalivedConfig config, boolean missingParameter, boolean fileError,
                          boolean otherNamespace) {
        public Outcome(KeepalivedConfig config, boolean missingParameter) {
            this(config, missingParameter, false, false);
        }

        public Outcome(KeepalivedConfig config, boolean missingParameter, boolean fileError) {
            this(config, missingParameter, fileError, false);
        }
    }

    /** What one process saw. */
    private record Pass(RootBuilder root, KeepalivedConfig config, List<Diagnostic> diagnostics, boolean missing) {}

    /**
     * @param source          the lexer; read once
     * @param interfaceExists the host's interfaces
     * @param includeCheck    called with an include_check line's words while the first view reads it
     * @param out             where the merged diagnostics go
     */
    public static Outcome run(LineSource source, Predicate<String> interfaceExists, Consumer<List<String>> includeCheck,
                              Diagnostics out) {
        return run(source, interfaceExists, includeCheck, null, () -> false, out, null, null);
    }

    /**
     * As above, for a lexer that reports into {@code lexer} (a list of its own, not {@code out}): its
     * messages join the parent's, each just before the errors of the line it was reading, as keepalived
     * prints them. {@code fileError} is asked once the parent has read everything (hadFileError()).
     */
    public static Outcome run(LineSource source, Predicate<String> interfaceExists, Consumer<List<String>> includeCheck,
                              Diagnostics lexer, BooleanSupplier fileError, Diagnostics out) {
        return run(source, interfaceExists, includeCheck, lexer, fileError, out, null, null);
    }

    /** As above, with one scratch entry preset in every view (tests inject host facts this way). */
    static Outcome run(LineSource source, Predicate<String> interfaceExists, Consumer<List<String>> includeCheck,
                       Diagnostics out, Object presetKey, Object presetValue) {
        return run(source, interfaceExists, includeCheck, null, () -> false, out, presetKey, presetValue);
    }

    private static Outcome run(LineSource source, Predicate<String> interfaceExists,
                               Consumer<List<String>> includeCheck, Diagnostics lexer, BooleanSupplier fileError,
                               Diagnostics out, Object presetKey, Object presetValue) {
        Preset preset = new Preset(presetKey, presetValue);
        ScriptUsers users = new ScriptUsers();
        List<ConfLine> lines = new ArrayList<>();
        Diagnostics parentOut = new Diagnostics();
        LineSource recording = new LineSource() {
            private int lexerSeen;

            @Override
            public ConfLine next() {
                ConfLine l = source.next();
                lexerSays();
                if (l != null) lines.add(l);
                return l;
            }

            /** What the lexer said while reading this line (or handling the last) goes before its errors. */
            private void lexerSays() {
                if (lexer == null) return;
                for (int n = lexer.size(); lexerSeen < n; lexerSeen++) parentOut.add(lexer.list().get(lexerSeen));
            }

            /** The end of the read: "There are N missing '}'s", before the parent's checks of what it read. */
            @Override
            public void finish() {
                source.finish();
                lexerSays();
            }

            @Override
            public String currentFile() {
                return source.currentFile();
            }

            @Override
            public int currentLine() {
                return source.currentLine();
            }

        };
        // keepalived -t: the parent reads the file, then validates the checker's, the VRRP's and the BFD's
        // views in that order in the same process; a view that meets a missing parameter exits and ends the run.
        Pass parent = pass(recording, ProcessTables.PARENT, new RootBuilder(), interfaceExists, includeCheck, preset,
                users, parentOut);
        Set<Diagnostic> seen = new HashSet<>(out.list());
        if (parent.missing()) {
            // keepalived exits there, with the rest of the file never read
            merge(parent, out, seen);
            return new Outcome(null, true);
        }
        merge(parent, out, seen);
        if (fileError.getAsBoolean()) {
            // keepalived stops after the parent's read (exit 6): the other views never speak; their model is
            // still built, quietly, for callers that want one
            Outcome quiet = views(parent, lines, interfaceExists, preset, users, new Diagnostics(), new HashSet<>());
            return new Outcome(quiet.config(), false, true);
        }
        if (parent.root().global.netNamespace != null) {
            // net_namespace: keepalived -t checks only what the parent read (the children would run in the
            // other namespace) and exits 0 whatever it reported (measured on 2.2.7, a missing parameter in a
            // child's block included)
            Outcome quiet = views(parent, lines, interfaceExists, preset, users, new Diagnostics(), new HashSet<>());
            return new Outcome(quiet.config(), false, false, true);
        }
        return views(parent, lines, interfaceExists, preset, users, out, seen);
    }

    /** The checker's, VRRP's and BFD's views over the parent's lines, merged into {@code out} in that order. */
    private static Outcome views(Pass parent, List<ConfLine> lines, Predicate<String> interfaceExists, Preset preset,
                                 ScriptUsers users, Diagnostics out, Set<Diagnostic> seen) {
        GlobalPart global = parent.root().global;
        Pass checker = pass(replay(lines), ProcessTables.CHECKER_PROCESS, new RootBuilder(global), interfaceExists,
                null, preset, users, null);
        merge(checker, out, seen);
        if (checker.missing()) return new Outcome(null, true);
        Pass vrrp = pass(replay(lines), ProcessTables.VRRP_PROCESS, new RootBuilder(global), interfaceExists, null,
                preset, users, null);
        merge(vrrp, out, seen);
        if (vrrp.missing()) return new Outcome(null, true);
        var v = vrrp.config().vrrp();
        {
            // even after the VRRP view's "Non-existent interface" the BFD view is validated (measured)
            Pass bfd = pass(replay(lines), ProcessTables.BFD_PROCESS, new RootBuilder(global), interfaceExists, null,
                    preset, users, null);
            merge(bfd, out, seen);
            if (bfd.missing()) return new Outcome(null, true);
            // the BFD process owns the sessions' settings; the VRRP view only knows what instances track
            v = new io.jkeepalived.config.model.VrrpConfig(v.instances(), v.syncGroups(), v.scripts(), v.trackFiles(),
                    v.trackProcesses(), bfd.config().vrrp().bfdInstances(), v.trackGroups(), v.staticAddresses(),
                    v.staticRoutes(), v.staticRules(), v.garpGroups(), v.linkbeatInterfaces(), v.interfaceDelays());
        }
        var c = new KeepalivedConfig(parent.config().globalDefs(), v, checker.config().lvs());
        return new Outcome(c, false);
    }

    private record Preset(Object key, Object value) {}

    /** @param into the view's diagnostics when the caller adds to them too (the lexer's), else null */
    private static Pass pass(LineSource src, Block<RootBuilder> table, RootBuilder root, Predicate<String> ifs,
                             Consumer<List<String>> includeCheck, Preset preset, ScriptUsers users, Diagnostics into) {
        Diagnostics d = into != null ? into : new Diagnostics();
        ParseContext ctx = new ParseContext(d, ifs);
        if (preset.key() != null) ctx.scratch(preset.key(), preset::value);
        if (includeCheck != null) ctx.scratch(GlobalOtherTable.INCLUDE_CHECK, () -> includeCheck);
        ScriptUsers.share(ctx, users);
        try {
            new KeywordParser(src, ctx, RootTable.HINTS).parseRoot(table, root);
        } catch (MissingParameterException e) {
            return new Pass(root, null, d.list(), true);
        }
        return new Pass(root, root.build(ctx), d.list(), false);
    }

    private static void merge(Pass p, Diagnostics out, Set<Diagnostic> seen) {
        List<Diagnostic> fresh = new ArrayList<>();
        for (Diagnostic d : p.diagnostics()) {
            if (!seen.contains(d)) fresh.add(d);
        }
        fresh.forEach(out::add);
        seen.addAll(fresh);
    }

    /** The parent's lines again, numbered as the child processes number them. */
    private static LineSource replay(List<ConfLine> lines) {
        var it = lines.iterator();
        return new LineSource() {
            @Override
            public ConfLine next() {
                return it.hasNext() ? it.next().asChild() : null;
            }

            @Override
            public String currentFile() {
                return null;
            }

            @Override
            public int currentLine() {
                return 0;
            }

            @Override
            public void finish() {}
        };
    }
}
