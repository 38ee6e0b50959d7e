package io.jkeepalived.config.tables;

import io.jkeepalived.config.model.LvsConfig;
import io.jkeepalived.config.parse.Block;
import io.jkeepalived.config.parse.ParseContext;

/** LVS-side blocks (SSL, virtual_server_group, virtual_server, real_server, checkers): tables and builder. */
public final class LvsPart {
    public static void install(Block<RootBuilder> root) {}

    public LvsConfig build(ParseContext ctx, GlobalPart global) {
        return new LvsConfig();
    }
}
