package io.jkeepalived.config.tables;

import io.jkeepalived.config.model.GlobalDefs;
import io.jkeepalived.config.parse.Block;
import io.jkeepalived.config.parse.ParseContext;

/** global_defs and root-level keywords: table and builder. */
public final class GlobalPart {
    public static void install(Block<RootBuilder> root) {}

    public GlobalDefs build(ParseContext ctx) {
        return new GlobalDefs();
    }
}
