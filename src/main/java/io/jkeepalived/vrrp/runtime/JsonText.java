package io.jkeepalived.vrrp.runtime;

import io.jkeepalived.config.model.NotifyScripts;
import io.jkeepalived.config.model.Script;
import io.jkeepalived.config.model.VirtualIp;
import io.jkeepalived.config.model.VrrpInstance;
import io.jkeepalived.vrrp.packet.ReceiveCounters;
import io.jkeepalived.vrrp.packet.VrrpStat;
import java.net.Inet6Address;
import java.util.List;

/**
 * /tmp/keepalived.json (keepalived's JSON signal, SIGRTMIN+2): keepalived 2.2.7's vrrp_json.c layout, an
 * array with one object per VRRP instance holding "data" then "stats", field names and order as there
 * (Debian's build: VMAC, firewall and VRRP authentication compiled in). Fields the runtime does not track
 * (last_transition, master_priority, wantstate, vipset…) carry what keepalived shows for a settled
 * instance of that configuration. Optional fields (scripts, lists) are left out when empty, as keepalived does.
 */
final class JsonText {
    private final StringBuilder out = new StringBuilder();
    private boolean first = true;

    private JsonText() {
    }

    /** One instance's view, read from the loop's published fields. */
    record Entry(InstancePlan plan, int state, long lastTransitionMicros, int wantState, int effectivePriority, ReceiveCounters rx,
                 SendCounters tx) {
    }

    static String of(List<Entry> entries) {
        JsonText w = new JsonText();
        w.out.append('[');
        boolean firstEntry = true;
        for (Entry e : entries) {
            if (!firstEntry) w.out.append(',');
            firstEntry = false;
            w.out.append('{');
            w.first = true;
            w.name("data");
            w.out.append('{');
            w.first = true;
            w.data(e);
            w.out.append('}');
            w.name("stats");
            w.out.append('{');
            w.first = true;
            w.stats(e.rx(), e.tx());
            w.out.append('}');
            w.out.append('}');
        }
        return w.out.append("]").toString();
    }

    private void data(Entry e) {
        VrrpInstance v = e.plan().instance();
        string("iname", v.name());
        number("dont_track_primary", v.dontTrackPrimary() ? 1 : 0);
        number("skip_check_adv_addr", v.skipCheckAdvAddr() ? 1 : 0);
        number("strict_mode", v.strict() ? 1 : 0);
        string("vmac_ifname", v.vmac() != null && v.vmac().ifname() != null ? v.vmac().ifname() : "");
        string("ifp_ifname", e.plan().interfaceName());
        // the priority of the master last heard while BACKUP; the runtime does not keep it: 0 as when MASTER
        number("master_priority", 0);
        raw("last_transition", String.format(java.util.Locale.ROOT, "%.6f", e.lastTransitionMicros() / 1e6));
        raw("garp_delay", decimal(v.garp().delayMicros() / 1e6));
        number("garp_refresh", v.garp().refreshMicros() / 1_000_000);
        number("garp_rep", v.garp().repeat());
        number("garp_refresh_rep", v.garp().refreshRepeat());
        number("garp_lower_prio_delay", v.garp().lowerPrioDelayMicros() / 1_000_000);
        number("garp_lower_prio_rep", v.garp().lowerPrioRepeat());
        number("lower_prio_no_advert", v.lowerPrioNoAdvert() ? 1 : 0);
        number("higher_prio_send_advert", v.higherPrioSendAdvert() ? 1 : 0);
        number("vrid", v.vrid());
        number("base_priority", v.priority());
        number("effective_priority", e.effectivePriority());
        raw("vipset", Boolean.toString(e.state() == 2));
        raw("promote_secondaries", Boolean.toString(v.promoteSecondaries()));
        raw("adver_int", decimal(v.advertIntMicros() / 1e6));
        raw("master_adver_int", decimal(v.advertIntMicros() / 1e6));
        number("accept", v.accept() ? 1 : 0);
        raw("nopreempt", Boolean.toString(v.nopreempt()));
        number("preempt_delay", v.preemptDelayMicros() / 1_000_000);
        number("state", e.state());
        number("wantstate", e.wantState());
        number("version", v.version());
        raw("smtp_alert", Boolean.toString(Boolean.TRUE.equals(v.smtpAlert())));
        NotifyScripts n = v.notifyScripts() == null ? NotifyScripts.NONE : v.notifyScripts();
        raw("notify_deleted", Boolean.toString(n.deletedFlag()));
        script("script_backup", n.backup());
        script("script_master", n.master());
        script("script_fault", n.fault());
        script("script_stop", n.stop());
        script("script_deleted", n.deleted());
        script("script", n.generic());
        script("script_master_rx_lower_pri", n.masterRxLowerPri());
        if (!v.vips().isEmpty()) addresses("vips", v.vips(), e.plan().interfaceName(), e.state() == 2);
        if (!v.excludedVips().isEmpty()) addresses("evips", v.excludedVips(), e.plan().interfaceName(), e.state() == 2);
        if (!v.trackInterfaces().isEmpty()) {
            name("track_ifp");
            out.append('[');
            for (int i = 0; i < v.trackInterfaces().size(); i++) {
                if (i > 0) out.append(',');
                quoted(v.trackInterfaces().get(i).name());
            }
            out.append(']');
        }
        number("auth_type", v.authentication() == null ? 0 : v.authentication().type().ordinal() + 1);
    }

    /** keepalived's cmd_str: each word in single quotes, a lone redirection first word left bare. */
    private void script(String key, Script script) {
        if (script == null) return;
        StringBuilder text = new StringBuilder();
        List<String> argv = script.argv();
        for (int i = 0; i < argv.size(); i++) {
            String word = argv.get(i);
            if (i > 0) text.append(' ');
            boolean bare = i == 0 && (word.startsWith("<") || word.startsWith(">"));
            text.append(bare ? word : "'" + word + "'");
        }
        string(key, text.toString());
    }

    /** keepalived's format_ipaddress, with " set" while the address is on the interface (MASTER). */
    private void addresses(String key, List<VirtualIp> vips, String defaultDev, boolean set) {
        name(key);
        out.append('[');
        for (int i = 0; i < vips.size(); i++) {
            if (i > 0) out.append(',');
            quoted(address(vips.get(i), defaultDev, set));
        }
        out.append(']');
    }

    static String address(VirtualIp ip, String defaultDev, boolean set) {
        StringBuilder b = new StringBuilder(ip.address().getHostAddress()).append('/').append(ip.prefix());
        boolean v6 = ip.address() instanceof Inet6Address;
        if (!v6 && ip.broadcast() != null && !ip.broadcast().isAnyLocalAddress()) {
            b.append(" brd ").append(ip.broadcast().getHostAddress());
        }
        b.append(" dev ").append(ip.dev() != null ? ip.dev() : defaultDev);
        if (ip.useVmac()) b.append(" use_vmac");
        b.append(" scope ").append(switch (ip.scope()) {
            case 0 -> "global";
            case 200 -> "site";
            case 253 -> "link";
            case 254 -> "host";
            case 255 -> "nowhere";
            default -> Integer.toString(ip.scope());
        });
        if (ip.label() != null) b.append(" label ").append(ip.label());
        if (ip.peer() != null) b.append(" peer ").append(ip.peer().getHostAddress()).append('/').append(ip.prefix());
        if (ip.flags().contains(VirtualIp.Flag.HOME)) b.append(" home");
        if (ip.flags().contains(VirtualIp.Flag.NODAD)) b.append(" -nodad");
        if (ip.flags().contains(VirtualIp.Flag.MNGTMPADDR)) b.append(" mngtmpaddr");
        if (ip.flags().contains(VirtualIp.Flag.NOPREFIXROUTE)) b.append(" noprefixroute");
        if (ip.flags().contains(VirtualIp.Flag.AUTOJOIN)) b.append(" autojoin");
        if (ip.noTrack()) b.append(" no_track");
        if (ip.trackGroup() != null) b.append(" track_group ").append(ip.trackGroup());
        if (v6) {
            Long lft = ip.preferredLft();
            b.append(lft == null ? " preferred_lft forever" : lft == 0 ? " deprecated" : " preferred_lft " + lft);
        }
        if (set) b.append(" set");
        return b.toString();
    }

    private void stats(ReceiveCounters rx, SendCounters tx) {
        number("advert_rcvd", rx.stat(VrrpStat.ADVERT_RCVD));
        number("advert_sent", tx.advertSent);
        number("become_master", tx.becomeMaster);
        number("release_master", tx.releaseMaster);
        number("packet_len_err", rx.stat(VrrpStat.PACKET_LEN_ERR));
        // keepalived 2.2.7 never counts advertisement interval errors (see StatsText)
        number("advert_interval_err", 0);
        number("ip_ttl_err", rx.stat(VrrpStat.IP_TTL_ERR));
        number("invalid_type_rcvd", rx.stat(VrrpStat.INVALID_TYPE_RCVD));
        number("addr_list_err", rx.stat(VrrpStat.ADDR_LIST_ERR));
        number("invalid_authtype", rx.stat(VrrpStat.INVALID_AUTHTYPE));
        number("authtype_mismatch", rx.stat(VrrpStat.AUTHTYPE_MISMATCH));
        number("auth_failure", rx.stat(VrrpStat.AUTH_FAILURE));
        number("pri_zero_rcvd", rx.stat(VrrpStat.PRI_ZERO_RCVD));
        number("pri_zero_sent", tx.priZeroSent);
    }

    /** jsonw_float_field prints with %g, which drops a trailing ".0". */
    private static String decimal(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    private void name(String key) {
        if (!first) out.append(',');
        first = false;
        quoted(key);
        out.append(':');
    }

    private void number(String key, long value) {
        raw(key, Long.toString(value));
    }

    private void string(String key, String value) {
        name(key);
        quoted(value);
    }

    private void raw(String key, String text) {
        name(key);
        out.append(text);
    }

    private void quoted(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        out.append('"');
    }
}
