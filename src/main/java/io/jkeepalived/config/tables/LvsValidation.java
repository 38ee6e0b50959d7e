package io.jkeepalived.config.tables;

import io.jkeepalived.config.ConfigError;
import io.jkeepalived.config.model.AddressFamily;
import io.jkeepalived.config.model.Endpoint;
import io.jkeepalived.config.model.Forwarding;
import io.jkeepalived.config.model.LvsConfig;
import io.jkeepalived.config.model.Protocol;
import io.jkeepalived.config.model.RealServer;
import io.jkeepalived.config.model.SorryServer;
import io.jkeepalived.config.model.VirtualServer;
import io.jkeepalived.config.model.VirtualServer.ServiceFlag;
import io.jkeepalived.config.model.VirtualServerGroup;
import io.jkeepalived.config.parse.ParseContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * keepalived's checks after the whole file is read (ipwrapper.c link_vsg_to_vs, then check_data.c
 * validate_check_config): groups linked, defaults applied, bad or empty servers dropped. Its messages carry
 * no line number, as keepalived's do.
 */
final class LvsValidation {
    private LvsValidation() {}

    static LvsConfig validate(ParseContext ctx, LvsPart part, LvsPart.GlobalFacts global) {
        List<VirtualServerGroup> groups = part.groups.stream().map(GroupEntries.GroupBuilder::build).toList();
        List<VsBuilder> linked = linkGroups(part);
        List<VirtualServer> out = new ArrayList<>();
        Map<String, Integer> members = new HashMap<>();
        for (VsBuilder vs : linked) {
            int member = vs.groupName() == null ? 0 : members.merge(vs.groupName(), 1, Integer::sum) - 1;
            VirtualServer v = validate(ctx, vs, group(part, vs), member, global);
            if (v != null) out.add(v);
        }
        return new LvsConfig(part.sslConfig(), groups, out);
    }

    private static GroupEntries.GroupBuilder group(LvsPart part, VsBuilder vs) {
        String name = vs.groupName();
        if (name == null) return null;
        return part.groups.stream().filter(g -> g.name.equals(name)).findFirst().orElse(null);
    }

    /** link_vsg_to_vs: a missing group or a family mismatch drops the server (logged, not a config error). */
    private static List<VsBuilder> linkGroups(LvsPart part) {
        List<VsBuilder> kept = new ArrayList<>();
        for (VsBuilder vs : part.servers) {
            if (vs.groupName() == null) {
                kept.add(vs);
                continue;
            }
            GroupEntries.GroupBuilder g = group(part, vs);
            if (g == null) continue;
            AddressFamily gaf = g.haveIpv4 == g.haveIpv6 ? AddressFamily.UNSPEC
                    : g.haveIpv4 ? AddressFamily.INET : AddressFamily.INET6;
            if (g.haveIpv4 && g.haveIpv6 && vs.family != AddressFamily.UNSPEC) continue;
            if (g.haveIpv4 && vs.family == AddressFamily.INET6 || g.haveIpv6 && vs.family == AddressFamily.INET) continue;
            if (gaf != AddressFamily.UNSPEC) {
                if (vs.family == AddressFamily.UNSPEC) vs.family = gaf;
                else if (gaf != vs.family) continue;
            } else if (vs.family == AddressFamily.UNSPEC && g.fwmarkNoFamily) {
                vs.family = AddressFamily.INET; // "address family cannot be determined, defaulting to IPv4"
            }
            kept.add(vs);
        }
        return kept;
    }

    private static VirtualServer validate(ParseContext ctx, VsBuilder vs, GroupEntries.GroupBuilder g, int member,
                                          LvsPart.GlobalFacts global) {
        String label = label(vs, member);
        if (vs.realServers.isEmpty()) {
            ctx.errorNoLine(ConfigError.GENERAL_ERROR, "Virtual server " + label + " has no real servers - ignoring");
            return null;
        }
        if (vs.haSuspend && (vs.isFwmark() || g != null && !g.fwmarks.isEmpty())) {
            ctx.errorNoLine(ConfigError.GENERAL_ERROR, "Virtual server " + label + ": cannot use ha_suspend with fwmarks - clearing ha_suspend");
            vs.haSuspend = false;
        }
        if (g != null && !g.ranges.isEmpty() || g == null && !vs.isFwmark()) {
            if (vs.protocol == Protocol.NONE) {
                ctx.errorNoLine(ConfigError.GENERAL_ERROR, "Virtual server " + label + ": no protocol set - defaulting to UDP");
                vs.protocol = Protocol.UDP;
                label = label(vs, member);
            }
            if (vs.flags.contains(ServiceFlag.ONE_PACKET) && vs.protocol != Protocol.UDP) {
                ctx.errorNoLine(ConfigError.GENERAL_ERROR, "Virtual server " + label + ": one packet scheduling requires UDP - resetting");
                vs.flags.remove(ServiceFlag.ONE_PACKET);
            }
            if (vs.persistenceTimeout == 0 && g == null && vs.address.port() == 0) {
                ctx.errorNoLine(ConfigError.GENERAL_ERROR, "Virtual server " + label + ": zero port only valid for persistent services - setting");
                vs.persistenceTimeout = 360;
            }
        }
        if (vs.persistenceTimeout == 0 && g != null && g.ranges.stream().anyMatch(r -> r.port() == 0)) {
            ctx.errorNoLine(ConfigError.GENERAL_ERROR, "Virtual server " + label + ": zero port only valid for persistent services - setting");
            vs.persistenceTimeout = 360;
        }
        if (vs.protocol != Protocol.NONE && (g != null && g.ranges.isEmpty() && !g.fwmarks.isEmpty() || g == null && vs.isFwmark())) {
            ctx.errorNoLine(ConfigError.GENERAL_ERROR, "Warning: Virtual server " + label + ": protocol specified for fwmark - protocol will be ignored");
            vs.protocol = Protocol.NONE;
            label = label(vs, member);
        }
        if (vs.scheduler == null) {
            ctx.errorNoLine(ConfigError.GENERAL_ERROR, "Virtual server " + label + ": no scheduler set, setting default 'wlc'");
            vs.scheduler = "wlc";
        }
        boolean vsSmtp = vs.smtpAlert != null ? vs.smtpAlert
                : global.smtpAlertChecker().or(global::smtpAlert).orElse(false);

        List<RsBuilder> rss = new ArrayList<>();
        // keyed on the endpoint: a linear scan per server is quadratic on large farms (issue 3's benchmark)
        Set<EndpointKey> kept = new HashSet<>();
        long weightSum = 0;
        for (RsBuilder rs : vs.realServers) {
            if (!kept.add(new EndpointKey(rs.address))) {
                ctx.errorNoLine(ConfigError.GENERAL_ERROR, "VS " + label + ": real server " + rs.address.trio(vs.protocol)
                        + " is duplicated - removing second rs");
                continue;
            }
            if (rs.forwarding == null) rs.forwarding = vsForwarding(ctx, vs, label);
            if (rs.alpha == null) rs.alpha = vs.alpha;
            if (rs.inhibit == null) rs.inhibit = vs.inhibit;
            if (rs.retry == null) rs.retry = vs.retry;
            if (rs.connectTimeoutMicros == null) rs.connectTimeoutMicros = vs.connectTimeoutMicros;
            if (rs.delayLoopMicros == null) rs.delayLoopMicros = vs.delayLoopMicros;
            if (rs.warmupMicros == null) rs.warmupMicros = vs.warmupMicros;
            if (rs.delayBeforeRetryMicros == null) rs.delayBeforeRetryMicros = vs.delayBeforeRetryMicros;
            if (rs.weight == null) rs.weight = vs.weight;
            if (rs.smtpAlert == null) rs.smtpAlert = global.smtpAlertChecker().or(global::smtpAlert).orElse(true);
            weightSum = (weightSum + rs.weight) & LvsWords.UINT_MAX; // keepalived sums in an unsigned int
            if (vs.sorry != null && vs.sorry.address.equals(rs.address)) {
                if (vs.sorry.inhibit != rs.inhibit) {
                    ctx.errorNoLine(ConfigError.GENERAL_ERROR, "Virtual server " + label + ": real server " + rs.address.trio(vs.protocol)
                            + " matches sorry server, but inhibit setting differs, " + (rs.inhibit ? "sett" : "clear") + "ing on sorry server");
                    vs.sorry.inhibit = rs.inhibit;
                }
                vs.sorry.duplicatesRealServer = true;
            }
            rss.add(rs);
        }
        if (vs.sorry != null && vs.sorry.forwarding == null) vs.sorry.forwarding = vsForwarding(ctx, vs, label);
        if (vs.quorum > weightSum) {
            ctx.errorNoLine(ConfigError.GENERAL_ERROR, "Warning - quorum " + vs.quorum + " for " + label
                    + " exceeds total weight of real servers " + weightSum + ", reducing quorum to " + weightSum);
            vs.quorum = weightSum;
        }
        if (vs.hysteresis >= vs.quorum) {
            long h = (vs.quorum - 1) & LvsWords.UINT_MAX;
            ctx.errorNoLine(ConfigError.GENERAL_ERROR, "Virtual server " + label + ": hysteresis " + vs.hysteresis + " >= quorum "
                    + vs.quorum + "; setting hysteresis to " + h);
            vs.hysteresis = h;
        }
        checkPorts(ctx, vs, g, rss, label);

        List<RealServer> realServers = new ArrayList<>();
        for (RsBuilder rs : rss) realServers.add(realServer(rs, vs));
        Optional<SorryServer> sorry = vs.sorry == null ? Optional.empty()
                : Optional.of(new SorryServer(vs.sorry.address, vs.sorry.forwarding, vs.sorry.inhibit, vs.sorry.duplicatesRealServer));
        return new VirtualServer(vs.service, vs.family, vs.protocol, vs.scheduler, vs.forwarding == null ? Forwarding.NAT : vs.forwarding,
                vs.flags, vs.persistenceTimeout, Optional.ofNullable(vs.persistenceEngine),
                vs.persistenceGranularity == null ? OptionalLong.empty() : OptionalLong.of(vs.persistenceGranularity),
                vs.haSuspend, Optional.ofNullable(vs.virtualhost), Optional.ofNullable(vs.snmpName), vs.alpha, vs.omega,
                vs.quorum, vs.hysteresis, Optional.ofNullable(vs.quorumUp), Optional.ofNullable(vs.quorumDown), vs.weight,
                sorry, vsSmtp, us(vs.connectTimeoutMicros), us(vs.delayLoopMicros),
                Optional.ofNullable(vs.delayBeforeRetryMicros).map(LvsValidation::us),
                Optional.ofNullable(vs.warmupMicros).map(LvsValidation::us),
                vs.retry == null ? OptionalLong.empty() : OptionalLong.of(vs.retry), vs.inhibit, realServers,
                vs.file, vs.line);
    }

    /** The virtual server's forwarding for a server without its own; NAT with an error when it has none. */
    private static Forwarding vsForwarding(ParseContext ctx, VsBuilder vs, String label) {
        if (vs.forwarding == null) {
            ctx.errorNoLine(ConfigError.GENERAL_ERROR, "Virtual server " + label + ": no forwarding method set, setting default NAT");
            vs.forwarding = Forwarding.NAT;
        }
        return vs.forwarding;
    }

    /** Unless NAT, real and sorry servers use the service's port; fwmark services have none. */
    private static void checkPorts(ParseContext ctx, VsBuilder vs, GroupEntries.GroupBuilder g, List<RsBuilder> rss, String label) {
        if (g != null) {
            if (!g.fwmarks.isEmpty()) {
                for (RsBuilder rs : rss) {
                    if (rs.forwarding.method() != Forwarding.Method.NAT && rs.address.port() != 0)
                        ctx.errorNoLine(ConfigError.GENERAL_ERROR, "WARNING - fwmark virtual server " + label + ", real server "
                                + rs.address.trio(vs.protocol) + " has port specified - port will be ignored");
                }
                if (vs.sorry != null && vs.sorry.forwarding.method() != Forwarding.Method.NAT && vs.sorry.address.port() != 0)
                    ctx.errorNoLine(ConfigError.GENERAL_ERROR, "WARNING - fwmark virtual server " + label + ", sorry server has port specified - port will be ignored");
            }
            for (VirtualServerGroup.Range r : g.ranges) {
                for (RsBuilder rs : rss) {
                    if (rs.forwarding.method() == Forwarding.Method.NAT) continue;
                    if (rs.address.port() != 0 && r.port() != rs.address.port())
                        ctx.errorNoLine(ConfigError.GENERAL_ERROR, "virtual server " + label + ":[" + rangeLabel(r) + "] and real server "
                                + rs.address.trio(vs.protocol) + " ports don't match");
                }
                if (vs.sorry != null && vs.sorry.forwarding.method() != Forwarding.Method.NAT && vs.sorry.address.port() != 0
                        && r.port() != vs.sorry.address.port())
                    ctx.errorNoLine(ConfigError.GENERAL_ERROR, "WARNING - virtual server " + label + ", sorry server has port specified - port will be ignored");
            }
            return;
        }
        int vsPort = vs.isFwmark() ? 0 : vs.address.port();
        for (RsBuilder rs : rss) {
            if (rs.forwarding.method() == Forwarding.Method.NAT) {
                if (!vs.isFwmark() && rs.address.port() == 0) rs.address = rs.address.withPort(vsPort);
                continue;
            }
            if (vs.isFwmark()) {
                if (rs.address.port() != 0) {
                    ctx.errorNoLine(ConfigError.GENERAL_ERROR, "WARNING - fwmark virtual server " + label + ", real server "
                            + rs.address.trio(vs.protocol) + " has port specified - clearing");
                    rs.address = rs.address.withPort(0);
                }
            } else if (rs.address.port() == 0) {
                rs.address = rs.address.withPort(vsPort);
            } else if (rs.address.port() != vsPort) {
                ctx.errorNoLine(ConfigError.GENERAL_ERROR, "WARNING - virtual server " + label + " and real server "
                        + rs.address.trio(vs.protocol) + " ports don't match - resetting");
                rs.address = rs.address.withPort(vsPort);
            }
        }
        VsBuilder.SorryBuilder s = vs.sorry;
        if (s != null && s.forwarding.method() != Forwarding.Method.NAT) {
            if (vs.isFwmark()) {
                if (s.address.port() != 0) {
                    ctx.errorNoLine(ConfigError.GENERAL_ERROR, "WARNING - virtual server " + label + ", sorry server has port specified - clearing");
                    s.address = s.address.withPort(0);
                }
            } else if (s.address.port() == 0) {
                s.address = s.address.withPort(vsPort);
            } else if (s.address.port() != vsPort) {
                ctx.errorNoLine(ConfigError.GENERAL_ERROR, "WARNING - virtual server " + label + " and sorry server ports don't match - resetting");
                s.address = s.address.withPort(vsPort);
            }
        }
    }

    private static RealServer realServer(RsBuilder rs, VsBuilder vs) {
        List<io.jkeepalived.config.model.Checker> checkers = new ArrayList<>();
        for (CheckerBuilder c : rs.checkers) if (!c.dropped) checkers.addAll(CheckerModels.build(c, rs));
        return new RealServer(rs.address, rs.weight, rs.forwarding, rs.upperThreshold, rs.lowerThreshold, rs.inhibit,
                Optional.ofNullable(rs.notifyUp), Optional.ofNullable(rs.notifyDown), rs.alpha,
                rs.retry == null ? OptionalLong.empty() : OptionalLong.of(rs.retry), us(rs.connectTimeoutMicros),
                us(rs.delayLoopMicros), Optional.ofNullable(rs.delayBeforeRetryMicros).map(LvsValidation::us),
                Optional.ofNullable(rs.warmupMicros).map(LvsValidation::us), rs.smtpAlert,
                Optional.ofNullable(rs.virtualhost), Optional.ofNullable(rs.snmpName), checkers, rs.file, rs.line);
    }

    /** FMT_VS; a group member is numbered in its group's order of use. */
    private static String label(VsBuilder vs, int member) {
        return vs.groupName() != null ? "[" + vs.groupName() + "]:" + member : vs.label();
    }

    private static String rangeLabel(VirtualServerGroup.Range r) {
        return r.first().equals(r.last()) ? InetText.text(r.first()) + "," + r.port()
                : InetText.text(r.first()) + "-" + InetText.text(r.last()) + "," + r.port();
    }

    /**
     * Endpoint equality without the record's own equals/hashCode, whose first call links an
     * invokedynamic (ObjectMethods) at run time: a few ms that -t pays cold, every time.
     */
    private static final class EndpointKey {
        private final java.net.InetAddress address;
        private final int port;

        EndpointKey(Endpoint e) {
            this.address = e.address();
            this.port = e.port();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof EndpointKey k && k.port == port && k.address.equals(address);
        }

        @Override
        public int hashCode() {
            return address.hashCode() * 31 + port;
        }
    }

    static Duration us(long micros) {
        return Duration.ofNanos(Math.multiplyExact(Math.min(micros, Long.MAX_VALUE / 1000), 1000L));
    }
}
