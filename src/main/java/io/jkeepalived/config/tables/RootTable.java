package io.jkeepalived.config.tables;

import io.jkeepalived.config.parse.Block;
import io.jkeepalived.config.parse.Hints;
import java.util.Map;

/** The root keyword table: every top-level block of keepalived.conf, built once. */
public final class RootTable {
    private RootTable() {}

    public static final Block<RootBuilder> ROOT = build();

    /** keepalived 1.x keywords that 2.2 no longer knows, and what replaced them. */
    public static final Map<String, String> REMOVED = Map.of(
            "nat_mask", "keepalived 1.x keyword, removed: the netmask of a virtual server is no longer needed",
            "lvs_id", "keepalived 1.x keyword, removed: use router_id in global_defs");

    public static final Hints HINTS = new Hints(ROOT, REMOVED);

    private static Block<RootBuilder> build() {
        Block<RootBuilder> root = new Block<>("top level");
        GlobalPart.install(root);
        VrrpPart.install(root);
        LvsPart.install(root);
        return root;
    }
}
