package io.jkeepalived.config.tables;

import io.jkeepalived.config.ConfigError;
import io.jkeepalived.config.model.LvsConfig;
import io.jkeepalived.config.model.SslConfig;
import io.jkeepalived.config.parse.Block;
import io.jkeepalived.config.parse.ParseContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * LVS-side blocks (SSL, virtual_server_group, virtual_server, real_server, checkers): the state of one
 * load while it is read, and the post-parse validation that turns it into {@link LvsConfig}.
 */
public final class LvsPart {
    SslBuilder ssl;
    final List<GroupEntries.GroupBuilder> groups = new ArrayList<>();
    final List<VsBuilder> servers = new ArrayList<>();
    private GroupEntries.GroupBuilder openGroup;

    /**
     * The global_defs settings the checker side inherits (smtp_alert_checker, then smtp_alert); empty =
     * not set. Filled by whoever owns global_defs before {@link #build}.
     */
    public record GlobalFacts(Optional<Boolean> smtpAlertChecker, Optional<Boolean> smtpAlert,
                              boolean scriptSecurity, boolean scriptUserSet) {
        public static final GlobalFacts NONE = new GlobalFacts(Optional.empty(), Optional.empty(), false, false);
    }

    private GlobalFacts globalFacts = GlobalFacts.NONE;

    public static void install(Block<RootBuilder> root) {
        LvsTables.install(root);
    }

    public void setGlobalFacts(GlobalFacts facts) {
        this.globalFacts = facts;
    }

    public LvsConfig build(ParseContext ctx, GlobalPart global) {
        LvsConfig lvs = LvsValidation.validate(ctx, this, globalFacts);
        if (!globalFacts.scriptSecurity()) {
            // the checker process also vets the global FIFO scripts, but only when it has virtual servers
            List<io.jkeepalived.config.model.Script> fifo = new ArrayList<>();
            if (global.fifo != null && global.fifo.script() != null) fifo.add(global.fifo.script());
            if (global.lvsFifo != null && global.lvsFifo.script() != null) fifo.add(global.lvsFifo.script());
            ScriptUses.checkSecurity(ctx, lvs, fifo);
        }
        return lvs;
    }


    /** keepalived's ssl_handler: a second SSL block replaces the first, with an error. */
    SslBuilder openSsl(ParseContext ctx) {
        if (ssl != null) ctx.error(ConfigError.GENERAL_ERROR, "SSL context already specified - replacing");
        ssl = new SslBuilder();
        return ssl;
    }

    Optional<SslConfig> sslConfig() {
        if (ssl == null) return Optional.empty();
        return Optional.of(new SslConfig(Optional.ofNullable(ssl.password), Optional.ofNullable(ssl.ca),
                Optional.ofNullable(ssl.certificate), Optional.ofNullable(ssl.key)));
    }

    void openGroup(String name) {
        openGroup = new GroupEntries.GroupBuilder(name);
    }

    GroupEntries.GroupBuilder currentGroup() {
        return openGroup;
    }

    /** vsg_handler after the block: an empty group, or one mixing families with a family-less fwmark, is removed. */
    void closeGroup(ParseContext ctx) {
        GroupEntries.GroupBuilder g = openGroup;
        openGroup = null;
        if (g.ranges.isEmpty() && g.fwmarks.isEmpty()) {
            ctx.error(ConfigError.GENERAL_ERROR, "virtual server group " + g.name + " has no entries - removing");
        } else if (g.haveIpv4 && g.haveIpv6 && g.fwmarkNoFamily) {
            ctx.error(ConfigError.GENERAL_ERROR, "virtual server group " + g.name
                    + " cannot have IPv4, IPv6 and fwmark without family - removing");
        } else {
            groups.add(g);
        }
    }

    /** The root {@code SSL} block while read. */
    static final class SslBuilder {
        String password;
        String ca;
        String certificate;
        String key;
    }
}
