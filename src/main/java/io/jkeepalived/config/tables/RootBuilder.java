package io.jkeepalived.config.tables;

import io.jkeepalived.config.model.KeepalivedConfig;
import io.jkeepalived.config.parse.ParseContext;

/** The mutable state of one load; its parts are filled by the tables of their blocks. */
public final class RootBuilder {
    public final GlobalPart global;
    public final VrrpPart vrrp = new VrrpPart();
    public final LvsPart lvs = new LvsPart();

    public RootBuilder() {
        this(new GlobalPart());
    }

    /** A builder for a child process's view: global_defs was read by the parent (keepalived forks after it). */
    public RootBuilder(GlobalPart global) {
        this.global = global;
    }

    /** Cross-checks after the whole file is read (keepalived's post-parse validation), then freezes. */
    public KeepalivedConfig build(ParseContext ctx) {
        var g = global.build(ctx);
        var v = vrrp.build(ctx, global);
        lvs.setGlobalFacts(new LvsPart.GlobalFacts(java.util.Optional.ofNullable(global.smtpAlertChecker),
                java.util.Optional.ofNullable(global.smtpAlert), global.enableScriptSecurity, global.scriptUser != null));
        var l = lvs.build(ctx, global);
        return new KeepalivedConfig(g, v, l);
    }
}
