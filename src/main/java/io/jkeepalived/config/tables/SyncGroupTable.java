package io.jkeepalived.config.tables;

import static io.jkeepalived.config.ConfigError.GENERAL_ERROR;
import static io.jkeepalived.config.tables.GlobalTable.bool;
import static io.jkeepalived.config.tables.GlobalTable.flag;

import io.jkeepalived.config.model.Script;
import io.jkeepalived.config.parse.Block;
import io.jkeepalived.config.parse.KeywordInfo;
import io.jkeepalived.config.parse.ValueType;
import java.util.ArrayList;
import java.util.function.BiConsumer;
import java.util.function.Function;

/** vrrp_sync_group (keepalived's vrrp_parser.c). */
final class SyncGroupTable {
    private SyncGroupTable() {}

    static final Block<SyncGroupBuilder> BLOCK = build();

    static void install(Block<RootBuilder> root) {
        root.sub(KeywordInfo.of("vrrp_sync_group", 1, 1, ValueType.BLOCK), BLOCK, (ctx, r, a) -> {
            if (!a.has(1)) {
                ctx.error(GENERAL_ERROR, "vrrp_sync_group must have a name - skipping");
                return null;
            }
            for (SyncGroupBuilder g : r.vrrp.syncGroups) {
                if (g.name.equals(a.word(1))) {
                    ctx.error(GENERAL_ERROR, "vrrp sync group " + a.word(1) + " already defined");
                    return null;
                }
            }
            SyncGroupBuilder g = new SyncGroupBuilder(r, a.word(1));
            r.vrrp.syncGroups.add(g);
            return g;
        }, null);
    }

    private static Block<SyncGroupBuilder> build() {
        Block<SyncGroupBuilder> b = new Block<>("vrrp_sync_group");
        b.lines(KeywordInfo.of("group", 0, 0, ValueType.LINES), (ctx, g, a) -> {
            if (g.members != null) {
                ctx.error(GENERAL_ERROR, "Group list already specified for sync group " + g.name);
                ctx.refuseValueBlock();
                return;
            }
            g.members = new ArrayList<>();
        }, (ctx, g, a) -> g.members.addAll(a.words()), (ctx, g) -> {
            if (g.members != null && g.members.isEmpty()) {
                ctx.error(GENERAL_ERROR, "Warning - sync group " + g.name + " has empty group block");
                g.members = null;
            }
        });
        TrackRefs.add(b, "track_interface", TrackRefs.Kind.INTERFACE, g -> g.trackIfs, g -> g.name, g -> g.root);
        TrackRefs.add(b, "track_script", TrackRefs.Kind.SCRIPT, g -> g.trackScripts, g -> g.name, g -> g.root);
        TrackRefs.add(b, "track_file", TrackRefs.Kind.FILE, g -> g.trackFiles, g -> g.name, g -> g.root);
        TrackRefs.add(b, "track_process", TrackRefs.Kind.PROCESS, g -> g.trackProcesses, g -> g.name, g -> g.root);
        TrackRefs.add(b, "track_bfd", TrackRefs.Kind.BFD, g -> g.trackBfds, g -> g.name, g -> g.root);
        notify(b, "notify_backup", g -> g.backup, (g, s) -> g.backup = s);
        notify(b, "notify_master", g -> g.master, (g, s) -> g.master = s);
        notify(b, "notify_fault", g -> g.fault, (g, s) -> g.fault = s);
        notify(b, "notify_stop", g -> g.stop, (g, s) -> g.stop = s);
        notify(b, "notify", g -> g.notify, (g, s) -> g.notify = s);
        b.simple(bool("smtp_alert"), (ctx, g, a) -> {
            Boolean v = Words.bool(ctx, a, 1, "Invalid vrrp_group smtp_alert parameter %s");
            if (v != null) g.smtpAlert = v;
        });
        b.simple(flag("global_tracking").replacedBy("sync_group_tracking_weight"), (ctx, g, a) -> {
            ctx.error(GENERAL_ERROR, "(" + g.name + ") global_tracking is deprecated. Use track_interface/script/file on the sync group");
            g.trackingWeight = true;
        });
        b.simple(flag("sync_group_tracking_weight"), (ctx, g, a) -> g.trackingWeight = true);
        b.simple(bool("notify_priority_changes"), (ctx, g, a) -> {
            Boolean v = Words.bool(ctx, a, 1, "(" + g.name + ") Invalid value '%s' for sync group notify_priority_changes specified");
            if (v != null) g.notifyPriorityChanges = v;
        });
        return b;
    }

    private static void notify(Block<SyncGroupBuilder> b, String kw, Function<SyncGroupBuilder, Script> get,
                               BiConsumer<SyncGroupBuilder, Script> set) {
        b.simple(KeywordInfo.of(kw, 1, 3, ValueType.SCRIPT), (ctx, g, a) -> {
            if (get.apply(g) != null) {
                ctx.error(GENERAL_ERROR, "vrrp group " + g.name + ": " + kw + " script already specified - ignoring "
                        + a.word(1));
                return;
            }
            Script s = VrrpInstanceTable.scriptFor(ctx, a);
            if (s != null) set.accept(g, s);
        });
    }
}
