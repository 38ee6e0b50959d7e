package io.jkeepalived.config.tables;

import io.jkeepalived.config.model.VrrpConfig;
import io.jkeepalived.config.parse.Block;
import io.jkeepalived.config.parse.ParseContext;

/** VRRP-side blocks: tables and builder. */
public final class VrrpPart {
    public static void install(Block<RootBuilder> root) {}

    public VrrpConfig build(ParseContext ctx, GlobalPart global) {
        return new VrrpConfig();
    }
}
