package io.jkeepalived.config.tables;

import static io.jkeepalived.config.ConfigError.GENERAL_ERROR;

import io.jkeepalived.config.model.Tracked;
import io.jkeepalived.config.parse.Args;
import io.jkeepalived.config.parse.Block;
import io.jkeepalived.config.parse.KeywordInfo;
import io.jkeepalived.config.parse.ParseContext;
import io.jkeepalived.config.parse.ValueType;
import java.util.List;
import java.util.function.Function;

/**
 * The track_* value blocks of vrrp_instance and vrrp_sync_group (keepalived's alloc_track_*): each line is
 * "NAME [weight W [reverse|noreverse]]"; the tracked object must already be defined.
 */
final class TrackRefs {
    private TrackRefs() {}

    /** What a kind of tracked object needs: its keyword, its weight limit, its default weight. */
    enum Kind { INTERFACE, SCRIPT, FILE, PROCESS, BFD }

    static void installInstance(Block<InstanceBuilder> b) {
        add(b, "track_interface", Kind.INTERFACE, v -> v.trackIfs, v -> v.name, v -> v.root);
        add(b, "track_script", Kind.SCRIPT, v -> v.trackScripts, v -> v.name, v -> v.root);
        add(b, "track_file", Kind.FILE, v -> v.trackFiles, v -> v.name, v -> v.root);
        add(b, "track_process", Kind.PROCESS, v -> v.trackProcesses, v -> v.name, v -> v.root);
        add(b, "track_bfd", Kind.BFD, v -> v.trackBfds, v -> v.name, v -> v.root);
    }

    static <T> void add(Block<T> b, String kw, Kind kind, Function<T, List<Tracked>> list, Function<T, String> owner,
                        Function<T, RootBuilder> root) {
        b.lines(KeywordInfo.of(kw, 0, 0, ValueType.LINES), null,
                (ctx, t, a) -> line(ctx, root.apply(t), kind, owner.apply(t), list.apply(t), a), null);
    }

    private static void line(ParseContext ctx, RootBuilder root, Kind kind, String owner, List<Tracked> list, Args a) {
        String name = a.word(0);
        int weight = 0;
        boolean reverse = false;
        switch (kind) {
            case INTERFACE -> {
                if (!Interfaces.lookup(ctx, root, name)) {
                    ctx.error(GENERAL_ERROR, "(" + owner + ") tracked interface " + name + " doesn't exist");
                    return;
                }
            }
            case SCRIPT -> {
                var s = root.vrrp.scripts.get(name);
                if (s == null) {
                    ctx.error(GENERAL_ERROR, "(" + owner + ") track script " + name + " not found, ignoring...");
                    return;
                }
                weight = s.weight();
                reverse = s.reverse();
            }
            case FILE -> {
                var f = root.vrrp.trackFiles.get(name);
                if (f == null) {
                    ctx.error(GENERAL_ERROR, "(" + owner + ") track file " + name + " not found, ignoring...");
                    return;
                }
                weight = f.weight();
                reverse = f.reverse();
            }
            case PROCESS -> {
                var p = root.vrrp.trackProcesses.get(name);
                if (p == null) {
                    ctx.error(GENERAL_ERROR, "(" + owner + ") track process " + name + " not found, ignoring...");
                    return;
                }
                weight = p.weight();
                reverse = p.reverse();
            }
            case BFD -> {
                var p = root.vrrp.bfds.get(name);
                if (p == null) {
                    ctx.error(GENERAL_ERROR, "(" + owner + ") track bfd " + name + " not found, ignoring...");
                    return;
                }
                weight = p.weight();
                reverse = p.reverse();
            }
        }
        String what = switch (kind) {
            case INTERFACE -> "track_interface";
            case SCRIPT -> "track_script";
            case FILE -> "track_file";
            case PROCESS -> "track_process";
            case BFD -> "track_bfd";
        };
        for (Tracked t : list) {
            if (t.name().equals(name)) {
                ctx.error(GENERAL_ERROR, "(" + owner + ") duplicate " + what + " " + name + " - ignoring");
                return;
            }
        }
        if (a.size() >= 2) {
            if (!a.word(1).equals("weight")) {
                ctx.error(GENERAL_ERROR, "(" + owner + ") unknown " + what + " " + name + " option " + a.word(1)
                        + " - ignoring");
                return;
            }
            if (a.size() == 2) {
                ctx.error(GENERAL_ERROR, "(" + owner + ") weight without value specified for " + what + " " + name
                        + " - ignoring");
                return;
            }
            int lim = kind == Kind.FILE || kind == Kind.PROCESS ? 254 : 253;
            Long w = a.readInt(2, -254, 254);
            if (w == null) {
                ctx.error(GENERAL_ERROR, "(" + owner + ") weight " + a.word(2) + " for " + name
                        + " must be between [-" + lim + ".." + lim + "] inclusive. Ignoring...");
                if (kind == Kind.INTERFACE) weight = 0;
            } else if (lim == 253 && Math.abs(w) == 254) {
                ctx.error(GENERAL_ERROR, "(" + owner + ") weight for " + name + " cannot be +/-254. Setting to +/-253");
                weight = w < 0 ? -253 : 253;
            } else {
                weight = w.intValue();
            }
            if (a.size() >= 4) {
                if (a.word(3).equals("reverse")) reverse = true;
                else if (a.word(3).equals("noreverse") && kind != Kind.INTERFACE) reverse = false;
                else ctx.error(GENERAL_ERROR, "(" + owner + ") unknown " + what + " " + name + " weight option "
                            + a.word(3) + " - ignoring");
            }
        }
        list.add(new Tracked(name, weight, reverse));
    }
}
