package io.jkeepalived.config.tables;

import static io.jkeepalived.config.ConfigError.GENERAL_ERROR;
import static io.jkeepalived.config.tables.GlobalTable.flag;

import io.jkeepalived.config.model.BfdInstance;
import io.jkeepalived.config.model.Script;
import io.jkeepalived.config.model.TrackFile;
import io.jkeepalived.config.model.TrackProcess;
import io.jkeepalived.config.model.VrrpScript;
import io.jkeepalived.config.parse.Block;
import io.jkeepalived.config.parse.KeywordInfo;
import io.jkeepalived.config.parse.ValueType;
import java.net.InetAddress;
import java.util.List;

/** vrrp_script, track_file (vrrp_track_file), vrrp_track_process and bfd_instance blocks. */
final class TrackerTables {
    private TrackerTables() {}

    static final class ScriptB {
        final RootBuilder root;
        final String name;
        Script script;
        long interval = 1_000_000, timeout;
        int weight, rise = 1, fall = 1;
        boolean reverse, initFail, userSet, remove;

        ScriptB(RootBuilder root, String name) {
            this.root = root;
            this.name = name;
        }
    }

    static final class FileB {
        final String name;
        String path;
        int weight = 1, initValue;
        boolean reverse;
        TrackFile.Init init = TrackFile.Init.NONE;

        FileB(String name) {
            this.name = name;
        }
    }

    static final class ProcB {
        final String name;
        String process;
        List<String> params = List.of();
        TrackProcess.ParamMatch match = TrackProcess.ParamMatch.EXACT;
        Integer weight;
        boolean reverse, full;
        long quorum = 1, quorumMax = 0xFFFF_FFFFL, delay, terminate, fork;

        ProcB(String name) {
            this.name = name;
        }
    }

    static final class BfdB {
        final String name;
        InetAddress neighbor, source;
        long minRx = 10_000, minTx = 10_000, idleTx = 1_000_000;
        int multiplier = 5, ttl = 255, maxHops, weight;
        boolean passive, reverse, vrrp, checker;

        BfdB(String name) {
            this.name = name;
        }
    }

    static void install(Block<RootBuilder> root) {
        root.sub(KeywordInfo.of("vrrp_script", 1, 1, ValueType.BLOCK), scriptBlock(),
                (ctx, r, a) -> new ScriptB(r, a.word(1)), (ctx, r, s) -> {
                    if (s.script == null) {
                        ctx.error(GENERAL_ERROR, "No script set for vrrp_script " + s.name + " - removing");
                        return;
                    }
                    if (!s.remove && !s.userSet && !ScriptUsers.of(ctx).useDefault(ctx)) {
                        ctx.error(GENERAL_ERROR, "Unable to set default user for vrrp script " + s.name + " - removing");
                        return;
                    }
                    if (s.remove) return;
                    r.vrrp.scripts.put(s.name, new VrrpScript(s.name, s.script, s.interval,
                            s.timeout == 0 ? s.interval : s.timeout, s.weight, s.reverse, s.rise, s.fall, s.initFail));
                });
        Block<FileB> file = fileBlock();
        for (String n : List.of("track_file", "vrrp_track_file")) {
            KeywordInfo i = KeywordInfo.of(n, 1, 1, ValueType.BLOCK);
            if (n.equals("vrrp_track_file")) i = i.replacedBy("track_file"); // keepalived only logs it
            root.sub(i, file, (ctx, r, a) -> new FileB(a.word(1)), (ctx, r, f) -> {
                if (f.path == null) {
                    ctx.error(GENERAL_ERROR, "No file set for track_file " + f.name + " - ignoring");
                    return;
                }
                r.vrrp.trackFiles.put(f.name, new TrackFile(f.name, f.path, f.weight, f.reverse, f.init, f.initValue));
                TrackerNames.declareTrackFile(ctx, f.name); // FILE_CHECK may refer to it from here on
            });
        }
        root.sub(KeywordInfo.of("vrrp_track_process", 1, 1, ValueType.BLOCK), processBlock(),
                (ctx, r, a) -> new ProcB(a.word(1)), (ctx, r, p) -> {
                    if (p.process == null) {
                        ctx.error(GENERAL_ERROR, "track process '" + p.name + "' process name not specified");
                        return;
                    }
                    r.vrrp.trackProcesses.put(p.name, new TrackProcess(p.name, p.process, p.params, p.match,
                            p.weight == null ? 0 : p.weight, p.reverse, p.quorum, p.quorumMax, p.delay, p.terminate,
                            p.fork, p.full));
                });
        root.sub(KeywordInfo.of("bfd_instance", 1, 1, ValueType.BLOCK), BfdTable.BLOCK, (ctx, r, a) -> {
            if (r.vrrp.bfds.containsKey(a.word(1))) {
                ctx.error(GENERAL_ERROR, "BFD instance " + a.word(1) + " already configured - ignoring");
                return null;
            }
            return new BfdB(a.word(1));
        }, (ctx, r, b) -> BfdTable.close(ctx, r, b));
    }

    private static Block<ScriptB> scriptBlock() {
        Block<ScriptB> b = new Block<>("vrrp_script");
        b.simple(KeywordInfo.of("script", 1, 1, ValueType.SCRIPT), (ctx, s, a) -> {
            Script sc = Words.script(ctx, a);
            // its user comes from the block's "user" keyword, not from this line
            if (sc != null) s.script = new Script(sc.text(), sc.argv(), s.script == null ? null : s.script.user(),
                    s.script == null ? null : s.script.group());
        });
        b.simple(KeywordInfo.of("interval", 1, 1, ValueType.TIMER).defaultValue("1"), (ctx, s, a) -> {
            Long v = a.readTimer(1, 0, 0xFFFF_FFFFL);
            if (v == null) {
                ctx.error(GENERAL_ERROR, "(" + s.name + "): vrrp script interval '" + a.word(1)
                        + "' must be between 1 and 4294 - ignoring");
                return;
            }
            if (v == 0) {
                ctx.error(GENERAL_ERROR, "(" + s.name + "): vrrp script interval must be greater than 0, setting to 1");
                v = 1_000_000L;
            }
            s.interval = v;
        });
        b.simple(KeywordInfo.of("timeout", 1, 1, ValueType.TIMER), (ctx, s, a) -> {
            Long v = a.readTimer(1, 0, 0xFFFF_FFFFL);
            if (v == null) {
                ctx.error(GENERAL_ERROR, "(" + s.name + "): vrrp script timeout '" + a.word(1) + "' invalid - ignoring");
                return;
            }
            if (v == 0) {
                ctx.error(GENERAL_ERROR, "(" + s.name + "): vrrp script timeout must be greater than 0, setting to 1");
                v = 1_000_000L;
            }
            s.timeout = v;
        });
        b.simple(KeywordInfo.of("weight", 1, 2, ValueType.INT).range("-253..253 [reverse]").defaultValue("0"),
                (ctx, s, a) -> {
                    Long v = a.readInt(1, -253, 253);
                    if (v == null) {
                        // keepalived reports the range and still stores the value when it is a number
                        ctx.error(GENERAL_ERROR, "vrrp_script " + s.name + " weight " + a.word(1) + " must be in [-253, 253]");
                        try {
                            s.weight = Integer.parseInt(a.word(1).trim());
                        } catch (NumberFormatException e) {
                            s.weight = 0;
                        }
                    } else {
                        s.weight = v.intValue();
                    }
                    if (a.has(2)) {
                        if (a.word(2).equals("reverse")) s.reverse = true;
                        else ctx.error(GENERAL_ERROR, "vrrp_script " + s.name + " unknown weight option " + a.word(2));
                    }
                });
        for (String n : List.of("rise", "fall")) {
            b.simple(KeywordInfo.of(n, 1, 1, ValueType.UNSIGNED).defaultValue("1"), (ctx, s, a) -> {
                Long v = a.readUnsigned(1, 1, Integer.MAX_VALUE);
                if (v == null) {
                    ctx.error(GENERAL_ERROR, "(" + s.name + "): vrrp script " + n + " value '" + a.word(1)
                            + "' invalid, defaulting to 1");
                    v = 1L;
                }
                if (n.equals("rise")) s.rise = v.intValue();
                else s.fall = v.intValue();
            });
        }
        b.simple(KeywordInfo.of("user", 1, 2, ValueType.WORDS).range("USER [GROUP]"), (ctx, s, a) -> {
            if (!ScriptUsers.valid(ctx, a.word(1), a.opt(2, null))) {
                ctx.error(GENERAL_ERROR, "Unable to set uid/gid for script "
                        + (s.script == null ? "" : s.script.text()));
                s.remove = true;
            } else {
                s.remove = false;
                s.userSet = true;
                if (s.script != null) {
                    s.script = new Script(s.script.text(), s.script.argv(), a.word(1), a.opt(2, null));
                }
            }
        });
        b.simple(flag("init_fail"), (ctx, s, a) -> s.initFail = true);
        return b;
    }

    private static Block<FileB> fileBlock() {
        Block<FileB> b = new Block<>("track_file");
        b.simple(KeywordInfo.of("file", 1, 1, ValueType.PATH), (ctx, f, a) -> {
            if (!a.has(1)) ctx.error(GENERAL_ERROR, "track file file name missing");
            else if (f.path != null) {
                ctx.error(GENERAL_ERROR, "File already set for track file " + f.name + " - ignoring " + a.word(1));
            } else f.path = a.word(1);
        });
        b.simple(KeywordInfo.of("weight", 1, 2, ValueType.INT).range("-254..254 [reverse]").defaultValue("1"),
                (ctx, f, a) -> {
                    if (!a.has(1)) {
                        ctx.error(GENERAL_ERROR, "No weight specified for track file " + f.name + " - ignoring");
                        return;
                    }
                    if (f.weight != 1) {
                        ctx.error(GENERAL_ERROR, "Weight already set for track file " + f.name + " - ignoring " + a.word(1));
                        return;
                    }
                    Long v = a.readInt(1, -254, 254);
                    if (v == null) {
                        ctx.error(GENERAL_ERROR, "Weight (" + a.word(1) + ") for track_file " + f.name
                                + " must be between [-254..254] inclusive. Ignoring...");
                    }
                    f.weight = v == null ? 1 : v.intValue();
                    if (a.has(2)) {
                        if (a.word(2).equals("reverse")) f.reverse = true;
                        else ctx.error(GENERAL_ERROR, "track_file " + f.name + " unknown weight option " + a.word(2));
                    }
                });
        b.simple(KeywordInfo.of("init_file", 0, 2, ValueType.WORDS).range("[VALUE] [overwrite]"), (ctx, f, a) -> {
            f.init = TrackFile.Init.CREATE;
            f.initValue = 0;
            for (int i = 1; i < a.size(); i++) {
                String w = a.word(i).stripLeading();
                if (!w.isEmpty() && (Character.isDigit(w.charAt(0)) || w.charAt(0) == '-')) {
                    Long v = a.readInt(i, Integer.MIN_VALUE, Integer.MAX_VALUE);
                    if (v == null) {
                        ctx.error(GENERAL_ERROR, "Track file " + f.name + " init value " + w + " is invalid");
                        v = 0L;
                    } else if (v < -254 || v > 254) {
                        ctx.error(GENERAL_ERROR, "Track file " + f.name + " init value " + v
                                + " is outside sensible range [-254, 254]");
                    }
                    f.initValue = v.intValue();
                } else if (w.equals("overwrite")) {
                    f.init = TrackFile.Init.OVERWRITE;
                } else {
                    ctx.error(GENERAL_ERROR, "Unknown track file init option " + w);
                }
            }
        });
        return b;
    }

    private static Block<ProcB> processBlock() {
        Block<ProcB> b = new Block<>("vrrp_track_process");
        b.simple(KeywordInfo.of("process", 1, Integer.MAX_VALUE, ValueType.WORDS), (ctx, p, a) -> {
            if (p.process != null) {
                ctx.error(GENERAL_ERROR, "Process already set for track process " + p.name + " - ignoring " + a.word(1));
                return;
            }
            p.process = a.word(1);
            p.params = List.copyOf(a.words().subList(2, a.size()));
        });
        b.simple(KeywordInfo.of("param_match", 0, 1, ValueType.ENUM).range("initial|partial"), (ctx, p, a) -> {
            if (!a.has(1)) {
                p.match = TrackProcess.ParamMatch.EXACT;
                p.full = true;
                return;
            }
            switch (a.word(1)) {
                case "initial" -> p.match = TrackProcess.ParamMatch.INITIAL;
                case "partial" -> p.match = TrackProcess.ParamMatch.PARTIAL;
                default -> {
                    ctx.error(GENERAL_ERROR, "Invalid param_match type " + a.word(1) + " - ignoring");
                    return;
                }
            }
            p.full = true;
        });
        b.simple(KeywordInfo.of("weight", 1, 2, ValueType.INT).range("-254..254 [reverse]"), (ctx, p, a) -> {
            if (!a.has(1)) {
                ctx.error(GENERAL_ERROR, "No weight specified for track process " + p.name + " - ignoring");
                return;
            }
            if (p.weight != null) {
                ctx.error(GENERAL_ERROR, "Weight already set for track process " + p.name + " - ignoring " + a.word(1));
                return;
            }
            Long v = a.readInt(1, -254, 254);
            if (v == null) {
                ctx.error(GENERAL_ERROR, "Weight (" + a.word(1) + ") for vrrp_track_process " + p.name
                        + " must be between [-254..254] inclusive. Ignoring...");
                v = 0L;
            }
            p.weight = v.intValue();
            if (a.has(2)) {
                if (a.word(2).equals("reverse")) p.reverse = true;
                else ctx.error(GENERAL_ERROR, "vrrp_track_process " + p.name + " unknown weight option " + a.word(2));
            }
        });
        b.simple(KeywordInfo.of("quorum", 1, 1, ValueType.UNSIGNED).range("1..65535").defaultValue("1"), (ctx, p, a) -> {
            Long v = a.readUnsigned(1, 1, 65535);
            if (v == null) {
                ctx.error(GENERAL_ERROR, "Quorum (" + a.word(1) + ") for vrrp_track_process " + p.name
                        + " must be between [1..65535] inclusive. Ignoring...");
            } else if (v > p.quorumMax) {
                ctx.error(GENERAL_ERROR, "Quorum is greater than quorum_max - ignoring");
            } else p.quorum = v;
        });
        b.simple(KeywordInfo.of("quorum_max", 1, 1, ValueType.UNSIGNED).range("0..65535"), (ctx, p, a) -> {
            Long v = a.readUnsigned(1, 0, 65535);
            if (v == null) {
                ctx.error(GENERAL_ERROR, "quorum_max (" + a.word(1) + ") for vrrp_track_process " + p.name
                        + " must be between [0..65535] inclusive. Ignoring...");
            } else if ((v != 0 || p.quorum > 1) && v < p.quorum) {
                // quorum_max 0 is allowed while quorum is left at 1: then no process may run
                ctx.error(GENERAL_ERROR, "quorum_max is less than quorum - ignoring");
            } else {
                p.quorumMax = v;
                if (v == 0) p.quorum = 0;
                else if (p.quorum == 0) p.quorum = 1;
            }
        });
        for (String n : List.of("delay", "terminate_delay", "fork_delay")) {
            b.simple(KeywordInfo.of(n, 1, 1, ValueType.TIMER).range("0..3600"), (ctx, p, a) -> {
                Long v = a.readTimer(1, 1, 3600L * 1_000_000);
                if (v == null) {
                    String pre = n.equals("delay") ? "" : n.substring(0, n.indexOf('_') + 1);
                    ctx.error(GENERAL_ERROR, pre + "delay (" + a.word(1) + ") for vrrp_track_process " + p.name
                            + " must be between [0.000001..3600] inclusive. Ignoring...");
                    return;
                }
                switch (n) {
                    case "delay" -> {
                        p.delay = v;
                        if (p.terminate == 0) p.terminate = v;
                        if (p.fork == 0) p.fork = v;
                    }
                    case "terminate_delay" -> p.terminate = v;
                    default -> p.fork = v;
                }
            });
        }
        b.simple(flag("full_command"), (ctx, p, a) -> p.full = true);
        return b;
    }
}
