package io.jkeepalived.config.tables;

import io.jkeepalived.config.ConfigError;
import io.jkeepalived.config.model.Forwarding;
import io.jkeepalived.config.model.Forwarding.Method;
import io.jkeepalived.config.model.Forwarding.TunnelChecksum;
import io.jkeepalived.config.model.Forwarding.TunnelType;
import io.jkeepalived.config.parse.Args;
import io.jkeepalived.config.parse.Numbers;
import io.jkeepalived.config.parse.ParseContext;

/**
 * {@code lvs_method NAT|DR|TUN [type ipip|gue|gre] [port N] [nocsum|csum|remcsum]} (check_parser.c
 * svr_forwarding_handler). As in keepalived, a bad tunnel option is reported after the method has already
 * been taken, and the server keeps its previous tunnel settings.
 */
final class ForwardingText {
    private ForwardingText() {}

    /**
     * @param current the server's setting so far (null = none)
     * @param who     "virtual", "real" or "sorry", for messages
     * @return the new setting (possibly only the method changed), or {@code current} for an unknown method
     */
    static Forwarding parse(ParseContext ctx, Args a, Forwarding current, String who) {
        String m = a.word(1);
        Method method = switch (m) {
            case "NAT" -> Method.NAT;
            case "DR" -> Method.DR;
            case "TUN" -> Method.TUN;
            default -> null;
        };
        if (method == null) {
            ctx.error(ConfigError.GENERAL_ERROR, "PARSER : unknown [" + m + "] routing method for " + who + " server.");
            return current;
        }
        Forwarding kept = current == null
                ? Forwarding.of(method)
                : new Forwarding(method, current.tunnelType(), current.tunnelPort(), current.checksum());
        TunnelType type = TunnelType.IPIP;
        int port = 0;
        TunnelChecksum csum = TunnelChecksum.NOCSUM;
        for (int i = 2; i < a.size(); i++) {
            String w = a.word(i);
            switch (w) {
                case "type" -> {
                    if (!a.has(i + 1)) {
                        ctx.error(ConfigError.GENERAL_ERROR, "Missing tunnel type for " + who + " server.");
                        return kept;
                    }
                    String t = a.word(++i);
                    switch (t) {
                        case "ipip" -> type = TunnelType.IPIP;
                        case "gue" -> type = TunnelType.GUE;
                        case "gre" -> type = TunnelType.GRE;
                        default -> {
                            ctx.error(ConfigError.GENERAL_ERROR, "Unknown tunnel type " + t + " for " + who + " server.");
                            return kept;
                        }
                    }
                }
                case "port" -> {
                    if (!a.has(i + 1)) {
                        ctx.error(ConfigError.GENERAL_ERROR, "Missing port for " + who + " server gue tunnel.");
                        return kept;
                    }
                    String p = a.word(++i);
                    Long v = Numbers.readUnsigned(ctx, p, 1, 65535);
                    if (v == null) {
                        ctx.error(ConfigError.GENERAL_ERROR, "Invalid gue tunnel port " + p + " for " + who + " server.");
                        return kept;
                    }
                    port = v.intValue();
                }
                case "nocsum" -> csum = TunnelChecksum.NOCSUM;
                case "csum" -> csum = TunnelChecksum.CSUM;
                case "remcsum" -> csum = TunnelChecksum.REMCSUM;
                default -> {
                    ctx.error(ConfigError.GENERAL_ERROR, "Invalid tunnel option " + w + " for " + who + " server.");
                    return kept;
                }
            }
        }
        if ((type == TunnelType.GUE) != (port != 0)) {
            ctx.error(ConfigError.GENERAL_ERROR, "gue tunnels require port, otherwise cannot have port.");
            return kept;
        }
        if (type == TunnelType.IPIP && csum != TunnelChecksum.NOCSUM) {
            ctx.error(ConfigError.GENERAL_ERROR, "ipip tunnels do not support checksum option.");
            return kept;
        }
        if (type == TunnelType.GRE && csum == TunnelChecksum.REMCSUM) {
            ctx.error(ConfigError.GENERAL_ERROR, "gre tunnels do not support remote checksum option.");
            return kept;
        }
        return new Forwarding(method, type, port, csum);
    }
}
