package io.jkeepalived.config.tables;

import io.jkeepalived.config.parse.Block;
import io.jkeepalived.config.parse.Keyword;
import io.jkeepalived.config.parse.KeywordInfo;
import java.util.HashSet;
import java.util.Set;

/**
 * keepalived reads the configuration once per process (parent, VRRP, checker, BFD), each with the same
 * keyword names but only its own blocks active: an inactive root keyword's block is skipped by counting
 * braces (process_stream's skip_sublevel). A misplaced brace inside a skipped block therefore yields
 * different errors in different processes, and keepalived -t prints them all. These are the four views.
 */
public final class ProcessTables {
    private ProcessTables() {}

    /** Root keywords that every process parses (keepalived's init_global_keywords). */
    static final Set<String> GLOBAL = names(0);
    /** Root keywords of the VRRP side (vrrp_parser.c, track_file, bfd_instance). */
    static final Set<String> VRRP = names(1);
    /** The checker process also reads track_file and bfd_instance (FILE_CHECK, BFD_CHECK refer to them). */
    static final Set<String> CHECKER_EXTRA = Set.of("track_file", "vrrp_track_file", "bfd_instance");

    /** The parent process: global keywords only. */
    public static final Block<RootBuilder> PARENT = view(n -> GLOBAL.contains(n));
    /*
     * The children inherit the parent's global settings and skip global_defs and the other root-level
     * global keywords (init_global_keywords(reload) with reload false): errors inside global_defs come
     * from the parent only, and a global_defs placed after an instance still applies to it.
     */
    /** The VRRP process: the VRRP blocks. */
    public static final Block<RootBuilder> VRRP_PROCESS = withBfd(view(VRRP::contains), true);
    /** The checker process: the LVS blocks, track_file and bfd_instance. */
    public static final Block<RootBuilder> CHECKER_PROCESS =
            withBfd(view(n -> !GLOBAL.contains(n) && (CHECKER_EXTRA.contains(n) || !VRRP.contains(n))), false);
    /** The BFD process: bfd_instance. */
    public static final Block<RootBuilder> BFD_PROCESS = view(n -> n.equals("bfd_instance"));

    /** The VRRP and checker processes read bfd_instance with their own handlers (bfd_parser.c). */
    private static Block<RootBuilder> withBfd(Block<RootBuilder> base, boolean vrrp) {
        Block<RootBuilder> v = new Block<>(base.name());
        for (Keyword<RootBuilder> k : base.keywords()) {
            if (!k.name().equals("bfd_instance")) {
                v.add(k);
            } else if (vrrp) {
                v.add(new Keyword.Sub<RootBuilder, TrackerTables.BfdB>(k.info(), BfdTable.VRRP_VIEW, (ctx, r, a) -> {
                    java.util.Set<String> seen = ctx.scratch(VRRP_BFDS, java.util.HashSet::new);
                    if (!seen.add(a.word(1))) {
                        ctx.error(io.jkeepalived.config.ConfigError.GENERAL_ERROR, "BFD " + a.word(1) + " already specified");
                        return null;
                    }
                    return new TrackerTables.BfdB(a.word(1));
                }, (ctx, r, b) -> BfdTable.closeVrrp(r, b)));
            } else {
                v.add(new Keyword.Sub<RootBuilder, TrackerTables.BfdB>(k.info(), BfdTable.CHECKER_VIEW, (ctx, r, a) -> {
                    java.util.Set<String> seen = ctx.scratch(CHECKER_BFDS, java.util.HashSet::new);
                    if (!seen.add(a.word(1))) {
                        ctx.error(io.jkeepalived.config.ConfigError.GENERAL_ERROR, "BFD " + a.word(1) + " already specified");
                        return null;
                    }
                    return new TrackerTables.BfdB(a.word(1));
                }, (ctx, r, b) -> BfdTable.closeChecker(ctx, b)));
            }
        }
        return v;
    }

    private static final Object CHECKER_BFDS = new Object();
    private static final Object VRRP_BFDS = new Object();

    private static Set<String> names(int part) {
        Block<RootBuilder> b = new Block<>("names");
        if (part == 0) GlobalPart.install(b);
        else VrrpPart.install(b);
        Set<String> s = new HashSet<>();
        b.keywords().forEach(k -> s.add(k.name()));
        return Set.copyOf(s);
    }

    private static Block<RootBuilder> view(java.util.function.Predicate<String> active) {
        Block<RootBuilder> v = new Block<>(RootTable.ROOT.name());
        for (Keyword<RootBuilder> k : RootTable.ROOT.keywords()) {
            v.add(active.test(k.name()) ? k : skipped(k.info()));
        }
        return v;
    }

    /** An inactive keyword: its block, if it has one, is skipped with braces balanced. */
    private static Keyword<RootBuilder> skipped(KeywordInfo info) {
        return new Keyword.Sub<RootBuilder, Object>(info, new Block<>(info.name()), (ctx, r, a) -> null, null);
    }
}
