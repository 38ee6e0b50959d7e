package io.jkeepalived.config.tables;

import static io.jkeepalived.config.ConfigError.FATAL;
import static io.jkeepalived.config.ConfigError.GENERAL_ERROR;

import io.jkeepalived.config.model.VirtualIp;
import io.jkeepalived.config.parse.Args;
import io.jkeepalived.config.parse.ParseContext;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.EnumSet;
import java.util.Set;

/**
 * One address line (keepalived's alloc_ipaddress): "ADDR[/LEN] [dev IF] [scope S] [brd B|+|-] [label L]
 * [peer P] [home] [-nodad] [mngtmpaddr] [noprefixroute] [autojoin] [no_track] [preferred_lft N|forever]
 * [track_group G] [use_vmac]". Returns null when keepalived drops the address.
 */
final class AddressGrammar {
    private AddressGrammar() {}

    /** A parsed address with its prefix, or null after keepalived's "parsed invalid IP" error. */
    record Parsed(InetAddress address, int prefix) {}

    static Parsed parse(ParseContext ctx, String s, boolean allowPrefix) {
        boolean v6 = s.indexOf(':') >= 0;
        int max = v6 ? 128 : 32;
        int prefix = max;
        String addr = s;
        int slash = allowPrefix ? s.indexOf('/') : -1;
        if (slash >= 0) {
            String p = s.substring(slash + 1);
            // keepalived reads the prefix with read_unsigned (strtoul): an empty one converts to 0 silently,
            // "+N" and leading zeros are accepted, anything else is reported as a number error first.
            Long v = p.isEmpty() ? Long.valueOf(0) : io.jkeepalived.config.parse.Numbers.readUnsigned(ctx, p, 0, max);
            if (v == null) {
                ctx.error(GENERAL_ERROR, "Invalid address prefix len " + p + " for address " + s + " - using " + max);
            } else {
                prefix = v.intValue();
            }
            addr = s.substring(0, slash);
        }
        InetAddress a = Words.ip(addr);
        if (a == null || (a instanceof Inet4Address) == v6) {
            ctx.error(GENERAL_ERROR, "VRRP parsed invalid IP " + s + ". skipping IP...");
            return null;
        }
        return new Parsed(a, prefix);
    }

    static VirtualIp parseLine(ParseContext ctx, RootBuilder root, Args a, boolean staticAddr) {
        String first = a.word(0);
        Parsed p = parse(ctx, first, true);
        if (p == null) return null;
        boolean v6 = !(p.address() instanceof Inet4Address);
        int prefix = p.prefix();
        String dev = null;
        int scope = 0;
        boolean scopeSet = false;
        InetAddress brd = null;
        int brdMode = 0; // -1 '+', -2 '-'
        boolean haveBrd = false;
        String label = null;
        InetAddress peer = null;
        Set<VirtualIp.Flag> flags = EnumSet.noneOf(VirtualIp.Flag.class);
        Long lft = null;
        boolean noTrack = false;
        boolean useVmac = false;
        String trackGroup = null;
        String missing = null;
        int i = 1;
        while (i < a.size()) {
            String w = a.word(i);
            boolean avail = a.size() >= i + 2;
            switch (w) {
                case "dev", "scope", "broadcast", "brd", "label", "peer", "preferred_lft" -> {
                    if (!avail) {
                        missing = w;
                        break;
                    }
                    String v = a.word(++i);
                    switch (w) {
                        case "dev" -> {
                            if (dev != null) {
                                ctx.error(GENERAL_ERROR, "Cannot specify ipaddress device more than once for " + first);
                                return null;
                            }
                            if (!Interfaces.lookup(ctx, root, v)) {
                                ctx.error(GENERAL_ERROR, "WARNING - interface " + v + " for ip address " + first
                                        + " doesn't exist");
                                return null;
                            }
                            dev = v;
                        }
                        case "scope" -> {
                            Long sc = RtTables.scope(v);
                            if (sc == null) {
                                ctx.error(GENERAL_ERROR, "Invalid scope '" + v + "' specified for " + first
                                        + " - ignoring");
                            } else {
                                scope = sc.intValue();
                                scopeSet = sc != 0;
                            }
                        }
                        case "broadcast", "brd" -> {
                            if (v6) {
                                ctx.error(GENERAL_ERROR, "VRRP is trying to assign a broadcast " + w
                                        + " to the IPv6 address " + first + " !!?? WTF... skipping VIP...");
                                return null;
                            }
                            haveBrd = true;
                            if (v.equals("-")) brdMode = -2;
                            else if (v.equals("+")) brdMode = -1;
                            else if ((brd = Words.ip(v)) == null || !(brd instanceof Inet4Address)) {
                                ctx.error(GENERAL_ERROR, "VRRP is trying to assign invalid broadcast " + v
                                        + ". skipping VIP...");
                                return null;
                            }
                        }
                        case "label" -> {
                            if (v.length() >= 16) {
                                ctx.error(GENERAL_ERROR, "Address label " + v
                                        + " is longer than maximum length 15 - removing address");
                                return null;
                            }
                            label = v;
                        }
                        case "peer" -> {
                            if (peer != null) {
                                ctx.error(GENERAL_ERROR, "Peer " + v + " - another peer has already been specified");
                            } else {
                                Parsed pp = parse(ctx, v, false);
                                if (pp == null) {
                                    ctx.error(GENERAL_ERROR, "Invalid peer address " + v);
                                } else if ((pp.address() instanceof Inet4Address) == v6) {
                                    ctx.error(GENERAL_ERROR, "Peer address " + v + " does not match address family");
                                } else {
                                    if (prefix != (v6 ? 128 : 32)) {
                                        ctx.error(GENERAL_ERROR, "Cannot specify address prefix when specifying peer"
                                                + " address - ignoring");
                                    }
                                    peer = pp.address();
                                    prefix = pp.prefix();
                                }
                            }
                        }
                        default -> {
                            if (v.equals("forever")) {
                                lft = -1L;
                            } else {
                                Long n = a.readUnsigned(i, 0, 0xFFFF_FFFFL);
                                if (n == null) ctx.error(GENERAL_ERROR, "preferred_lft " + v + " is invalid");
                                else lft = n;
                            }
                        }
                    }
                }
                case "home" -> flags.add(VirtualIp.Flag.HOME);
                case "-nodad" -> flags.add(VirtualIp.Flag.NODAD);
                case "mngtmpaddr" -> flags.add(VirtualIp.Flag.MNGTMPADDR);
                case "noprefixroute" -> flags.add(VirtualIp.Flag.NOPREFIXROUTE);
                case "autojoin" -> flags.add(VirtualIp.Flag.AUTOJOIN);
                case "no_track" -> noTrack = true;
                default -> {
                    if (staticAddr && w.equals("track_group")) {
                        if (!avail) {
                            missing = w;
                            break;
                        }
                        String g = a.word(++i);
                        if (trackGroup != null) {
                            ctx.error(GENERAL_ERROR, "track_group " + g + " is a duplicate");
                            i = a.size();
                            break;
                        }
                        if (!root.vrrp.trackGroupNames.contains(g)) {
                            ctx.error(GENERAL_ERROR, "track_group " + g + " not found");
                        } else {
                            trackGroup = g;
                        }
                    } else if (!staticAddr && w.equals("use_vmac")) {
                        useVmac = true;
                    } else {
                        ctx.error(GENERAL_ERROR, "Unknown configuration entry '" + w + "' for ip address - ignoring");
                    }
                }
            }
            if (missing != null) break;
            i++;
        }
        if (missing != null) {
            ctx.error(GENERAL_ERROR, "No " + missing + " parameter specified for " + first);
            return null;
        }
        if (haveBrd && peer != null) {
            ctx.error(GENERAL_ERROR, "Cannot specify broadcast and peer addresses - ignoring broadcast address");
            brd = null;
        } else if (brdMode < 0 && prefix <= 30) {
            byte[] b = (peer != null ? peer : p.address()).getAddress();
            int v = ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
            int mask = prefix == 0 ? -1 : (int) (0xFFFF_FFFFL >>> prefix);
            v = brdMode == -1 ? v | mask : v & ~mask;
            brd = Words.ip(((v >>> 24) & 0xff) + "." + ((v >>> 16) & 0xff) + "." + ((v >>> 8) & 0xff) + "." + (v & 0xff));
        } else if (brdMode < 0) {
            ctx.error(GENERAL_ERROR, "Address prefix length " + prefix + " too long for broadcast");
        }
        if (staticAddr && dev == null) {
            // keepalived's get_default_if: default_interface, else eth0
            dev = root.global.defaultInterface != null ? root.global.defaultInterface : "eth0";
            if (!Interfaces.lookup(ctx, root, dev)) {
                ctx.error(FATAL, "Static address " + first + " requires either an interface or default interface"
                        + " must exist");
                return null;
            }
        }
        if (v6) {
            if (scopeSet) {
                ctx.error(GENERAL_ERROR, "Cannot specify scope for IPv6 addresses (" + first + ") - ignoring scope");
                scope = 0;
            }
            if (label != null) {
                ctx.error(GENERAL_ERROR, "Cannot specify label for IPv6 addresses (" + first + ") - ignoring label");
                label = null;
            }
            if (lft == null) lft = prefix == 128 ? 0L : -1L;
        }
        if (trackGroup != null && dev == null) {
            ctx.error(GENERAL_ERROR, "Static route cannot have track_group if interface not specified");
            trackGroup = null;
        }
        return new VirtualIp(p.address(), prefix, dev, scope, brd, label, peer, flags, lft, noTrack, useVmac, trackGroup);
    }
}
