package io.jkeepalived.config.tables;

import static io.jkeepalived.config.ConfigError.GENERAL_ERROR;
import static io.jkeepalived.config.tables.GlobalTable.bool;
import static io.jkeepalived.config.tables.GlobalTable.flag;

import io.jkeepalived.config.parse.Args;
import io.jkeepalived.config.parse.Block;
import io.jkeepalived.config.parse.KeywordInfo;
import io.jkeepalived.config.parse.ParseContext;
import io.jkeepalived.config.parse.ValueType;

/** vrrp_instance keywords for VMACs, GARP, preemption, accept mode and notifications. */
final class VrrpInstanceOptions {
    private VrrpInstanceOptions() {}

    private static final long UINT_MAX = 0xFFFF_FFFFL;

    static void install(Block<InstanceBuilder> b) {
        b.simple(KeywordInfo.of("use_vmac", 0, 5, ValueType.WORDS).range("[IFNAME] [MAC] [netlink_notify_msg] [group G]"),
                VrrpInstanceOptions::useVmac);
        b.simple(KeywordInfo.of("use_ipvlan", 0, 3, ValueType.WORDS).range("[IFNAME] [IP] [bridge|private|vepa]"),
                VrrpInstanceOptions::useIpvlan);
        b.simple(flag("use_vmac_addr"), (ctx, v, a) -> v.useVmacAddr = true);
        b.simple(flag("vmac_xmit_base"), (ctx, v, a) -> v.vmacXmitBase = true);
        b.simple(flag("accept"), (ctx, v, a) -> v.accept = true);
        b.simple(flag("no_accept"), (ctx, v, a) -> v.accept = false);
        b.simple(bool("skip_check_adv_addr"), (ctx, v, a) -> {
            if (a.has(1) && Words.trueFalse(a.word(1)) < 0) {
                ctx.error(GENERAL_ERROR, "(" + v.name + ") invalid skip_check_adv_addr " + a.word(1) + " specified");
            } else {
                v.skipCheckAdvAddr = true; // keepalived sets it for any valid BOOL, "false" included
            }
        });
        b.simple(bool("strict_mode"), (ctx, v, a) -> {
            int r = a.has(1) ? Words.trueFalse(a.word(1)) : 1;
            if (r < 0) ctx.error(GENERAL_ERROR, "(" + v.name + ") invalid strict_mode " + a.word(1) + " specified");
            else v.strict = r == 1;
        });
        b.simple(flag("preempt"), (ctx, v, a) -> v.nopreempt = false);
        b.simple(flag("nopreempt"), (ctx, v, a) -> v.nopreempt = true);
        b.simple(KeywordInfo.of("preempt_delay", 1, 1, ValueType.TIMER).range("0..1000"), (ctx, v, a) -> {
            Long t = a.readTimer(1, 0, 1000L * 1_000_000);
            if (t == null) {
                ctx.error(GENERAL_ERROR, "(" + v.name + ") Preempt_delay not valid! must be between 0-1000");
                v.preemptDelay = 0;
            } else {
                v.preemptDelay = t;
            }
        });
        b.simple(KeywordInfo.of("debug", 1, 1, ValueType.UNSIGNED).range("0..4"), (ctx, v, a) -> {
            Long d = a.readUnsigned(1, 0, 4);
            if (d == null) ctx.error(GENERAL_ERROR, "(" + v.name + ") Debug value '" + a.word(1) + "' not valid; must be between 0-4");
            else v.debug = d.intValue();
        });
        VrrpInstanceTable.notifyScript(b, "notify_backup", v -> v.notifyBackup, (v, s) -> v.notifyBackup = s);
        VrrpInstanceTable.notifyScript(b, "notify_master", v -> v.notifyMaster, (v, s) -> v.notifyMaster = s);
        VrrpInstanceTable.notifyScript(b, "notify_fault", v -> v.notifyFault, (v, s) -> v.notifyFault = s);
        VrrpInstanceTable.notifyScript(b, "notify_stop", v -> v.notifyStop, (v, s) -> v.notifyStop = s);
        VrrpInstanceTable.notifyScript(b, "notify", v -> v.notify, (v, s) -> v.notify = s);
        VrrpInstanceTable.notifyScript(b, "notify_master_rx_lower_pri", v -> v.notifyMasterRxLowerPri,
                (v, s) -> v.notifyMasterRxLowerPri = s);
        b.simple(KeywordInfo.of("notify_deleted", 0, 3, ValueType.SCRIPT), (ctx, v, a) -> {
            if (v.notifyDeletedFlag) {
                ctx.error(GENERAL_ERROR, "(" + v.name + ") notify_deleted already specified - ignoring " + a.opt(1, ""));
                return;
            }
            v.notifyDeletedFlag = true;
            if (a.has(1)) v.notifyDeleted = VrrpInstanceTable.scriptFor(ctx, a);
        });
        b.simple(bool("smtp_alert"), (ctx, v, a) -> {
            Boolean r = Words.bool(ctx, a, 1, "Invalid vrrp_instance smtp_alert parameter %s");
            if (r != null) v.smtpAlert = r;
        });
        b.simple(bool("notify_priority_changes"), (ctx, v, a) -> {
            Boolean r = Words.bool(ctx, a, 1, "(" + v.name + ") Invalid value '%s' for notify_priority_changes specified");
            if (r != null) v.notifyPriorityChanges = r;
        });
        b.simple(KeywordInfo.of("lvs_sync_daemon_interface", 1, 1, ValueType.INTERFACE).replacedBy("lvs_sync_daemon"),
                (ctx, v, a) -> {
                    ctx.error(GENERAL_ERROR, "(" + v.name + ") Specifying lvs_sync_daemon_interface against a vrrp is deprecated.");
                    ctx.error(GENERAL_ERROR, "      " + " ".repeat(Math.max(0, v.name.length() - 2)) + "Please use global lvs_sync_daemon");
                    GlobalPart g = v.root.global;
                    if (g.syncDaemon != null) {
                        ctx.error(GENERAL_ERROR, "(" + v.name + ") lvs_sync_daemon_interface has already been specified as "
                                + g.syncDaemon.ifname() + " - ignoring");
                        return;
                    }
                    g.syncDaemon = new io.jkeepalived.config.model.GlobalDefs.SyncDaemon(a.word(1), v.name, -1, 0, 0, 0, null);
                });
        garp(b);
        b.simple(KeywordInfo.of("kernel_rx_buf_size", 1, 1, ValueType.UNSIGNED), (ctx, v, a) -> {
            if (a.size() == 2) {
                Long n = a.readUnsigned(1, 0, UINT_MAX);
                if (n != null) {
                    v.kernelRxBufSize = (int) Math.min(n, Integer.MAX_VALUE);
                    return;
                }
            }
            ctx.error(GENERAL_ERROR, "(" + v.name + ") invalid kernel_rx_buf_size specified");
        });
    }

    private static void garp(Block<InstanceBuilder> b) {
        b.simple(GlobalVrrpTable.uint("garp_master_delay"), (ctx, v, a) -> {
            Long d = a.readUnsigned(1, 0, UINT_MAX / 1_000_000);
            if (d == null) ctx.error(GENERAL_ERROR, "(" + v.name + "): garp_master_delay '" + a.word(1) + "' invalid - ignoring");
            else v.garpDelay = d * 1_000_000;
        });
        b.simple(GlobalVrrpTable.uint("garp_master_refresh"), (ctx, v, a) -> {
            Long d = a.readUnsigned(1, 0, UINT_MAX);
            if (d == null) {
                ctx.error(GENERAL_ERROR, "(" + v.name + "): Invalid garp_master_refresh '" + a.word(1) + "' - ignoring");
                v.garpRefresh = 0;
            } else {
                v.garpRefresh = d * 1_000_000;
            }
        });
        for (String n : new String[] {"garp_master_repeat", "garp_master_refresh_repeat"}) {
            b.simple(GlobalVrrpTable.uint(n), (ctx, v, a) -> {
                Long r = a.readUnsigned(1, 0, UINT_MAX);
                if (r == null) {
                    ctx.error(GENERAL_ERROR, "(" + v.name + "): " + n + " '" + a.word(1) + "' invalid - ignoring");
                    return;
                }
                if (r == 0) {
                    ctx.error(GENERAL_ERROR, "(" + v.name + "): " + n + " must be greater than 0, setting to 1");
                    r = 1L;
                }
                if (n.equals("garp_master_repeat")) v.garpRepeat = (int) Math.min(r, Integer.MAX_VALUE);
                else v.garpRefreshRepeat = (int) Math.min(r, Integer.MAX_VALUE);
            });
        }
        b.simple(GlobalVrrpTable.uint("garp_lower_prio_delay"), (ctx, v, a) -> {
            Long d = a.readUnsigned(1, 0, UINT_MAX / 1_000_000);
            if (d == null) ctx.error(GENERAL_ERROR, "(" + v.name + "): garp_lower_prio_delay '" + a.word(1) + "' invalid - ignoring");
            else v.garpLowerPrioDelay = d * 1_000_000;
        });
        b.simple(GlobalVrrpTable.uint("garp_lower_prio_repeat"), (ctx, v, a) -> {
            Long r = a.readUnsigned(1, 0, Integer.MAX_VALUE);
            if (r == null) ctx.error(GENERAL_ERROR, "(" + v.name + "): Invalid garp_lower_prio_repeat '" + a.word(1) + "'");
            else v.garpLowerPrioRepeat = r.intValue();
        });
        b.simple(GlobalVrrpTable.uint("down_timer_adverts").range("1..100"), (ctx, v, a) -> {
            Long r = a.readUnsigned(1, 1, 100);
            if (r == null) ctx.error(GENERAL_ERROR, "(" + v.name + "): Invalid down_timer_adverts [1:100] '" + a.word(1) + "'");
            else v.downTimerAdverts = r.intValue();
        });
        for (String n : new String[] {"garp_extra_if", "vmac_garp_intvl"}) {
            KeywordInfo i = KeywordInfo.of(n, 1, 2, ValueType.WORDS).range("[all] 1..86400");
            if (n.equals("vmac_garp_intvl")) i = i.replacedBy("garp_extra_if");
            b.simple(i, VrrpInstanceOptions::garpExtraIf);
        }
        for (String n : new String[] {"lower_prio_no_advert", "higher_prio_send_advert"}) {
            b.simple(bool(n), (ctx, v, a) -> {
                int r = a.has(1) ? Words.trueFalse(a.word(1)) : 1;
                if (r < 0) {
                    ctx.error(GENERAL_ERROR, "(" + v.name + ") invalid " + n + " " + a.word(1) + " specified");
                } else if (n.startsWith("lower")) {
                    v.lowerPrioNoAdvert = r == 1;
                } else {
                    v.higherPrioSendAdvert = r == 1;
                }
            });
        }
    }

    private static void garpExtraIf(ParseContext ctx, InstanceBuilder v, Args a) {
        String cmd = a.keyword();
        if (cmd.equals("vmac_garp_intvl")) VrrpInstanceTable.deprecated(ctx, "vmac_garp_intvl", "garp_extra_if");
        long delay = -1;
        for (int i = 1; i < a.size(); i++) {
            if (a.word(i).equals("all")) {
                v.garpExtraIfAll = true;
                continue;
            }
            Long d = a.readUnsigned(i, 0, 86400);
            if (d == null) {
                ctx.error(GENERAL_ERROR, "(" + v.name + "): " + cmd + " '" + a.word(i) + "' invalid - ignoring");
                return;
            }
            delay = d;
        }
        if (delay < 0) {
            ctx.error(GENERAL_ERROR, "(" + v.name + "): " + cmd + " specified without time - ignoring");
            return;
        }
        v.garpExtraIf = delay * 1_000_000;
    }

    private static void useVmac(ParseContext ctx, InstanceBuilder v, Args a) {
        v.useVmac = true;
        // keepalived 2.2.7 reads at most two words: an interface name and/or a MAC address
        for (int i = 1; i < a.size() && i <= 2; i++) {
            String w = a.word(i);
            if (w.indexOf(':') >= 0) {
                if (v.vmacMac != null) {
                    ctx.error(GENERAL_ERROR, "VMAC interface address already specified");
                } else if (!w.matches("[0-9A-Fa-f:]+")) {
                    ctx.error(GENERAL_ERROR, "VMAC invalid MAC address " + w);
                } else if (!w.matches("[0-9A-Fa-f]{1,2}(:[0-9A-Fa-f]{1,2}){4}:?|[0-9A-Fa-f]{1,2}(:[0-9A-Fa-f]{1,2}){5}")) {
                    ctx.error(GENERAL_ERROR, "VMAC invalid MAC address " + w + " - ignored");
                } else if ((Integer.parseInt(w.substring(0, w.indexOf(':')), 16) & 1) != 0) {
                    ctx.error(GENERAL_ERROR, "VMAC MAC address is multicast " + w + " - ignoring");
                } else if (w.toLowerCase().matches("0?0:0?0:5e:0?0:0?[12](:.*)?:?")) {
                    ctx.error(GENERAL_ERROR, "VMAC MAC address not allowed to be RFC5798 address (" + w + ") - ignoring");
                } else {
                    v.vmacMac = w;
                }
                continue;
            }
            if (v.vmacIfname != null) {
                ctx.error(GENERAL_ERROR, "VMAC interface name already specified");
            } else if (w.isEmpty() || w.length() >= 16 || w.equals(".") || w.equals("..") || w.contains("/")
                    || w.chars().anyMatch(Character::isWhitespace)) {
                ctx.error(GENERAL_ERROR, "VMAC interface name '" + w + "' too long or invalid characters - ignoring");
            } else if (!nameFree(ctx, v, w)) {
                // reported
            } else if (ctx.interfaceExists(w)) {
                // an existing interface here is never one of our private macvlans
                ctx.error(GENERAL_ERROR, "(" + v.name + ") interface " + w
                        + " already exists and is not a private macvlan; ignoring vmac if_name");
            } else {
                v.vmacIfname = w;
            }
        }
    }

    private static boolean nameFree(ParseContext ctx, InstanceBuilder v, String name) {
        for (InstanceBuilder o : v.root.vrrp.instances) {
            if (name.equals(o.vmacIfname)) {
                ctx.error(GENERAL_ERROR, "(" + v.name + ") VRRP instance " + o.name + " is already using " + name
                        + " - ignoring name");
                return false;
            }
        }
        return true;
    }

    /** use_ipvlan [IFNAME] [ADDR[/LEN]] [bridge|private|vepa]. */
    private static void useIpvlan(ParseContext ctx, InstanceBuilder v, Args a) {
        if (v.ipvlan) {
            ctx.error(GENERAL_ERROR, "(" + v.name + ") use_ipvlan already specified");
            return;
        }
        v.ipvlan = true;
        boolean hadType = false;
        for (int i = 1; i < a.size(); i++) {
            String w = a.word(i);
            if (w.equals("bridge") || w.equals("private") || w.equals("vepa")) {
                if (hadType) {
                    ctx.error(GENERAL_ERROR, "(" + v.name + ") ipvlan type already specified - ignoring '" + w + "'");
                } else {
                    v.ipvlanMode = w;
                    hadType = true;
                }
                continue;
            }
            AddressGrammar.Parsed p = validAddress(w);
            if (p != null) {
                if (v.ipvlanAddr != null) {
                    ctx.error(GENERAL_ERROR, "(" + v.name + ") ipvlan address already specified - ignoring '" + w + "'");
                    continue;
                }
                int fam = p.address() instanceof java.net.Inet4Address ? 4 : 6;
                if (v.family == 0) v.family = fam;
                else if (fam != v.family) {
                    ctx.error(GENERAL_ERROR, "(" + v.name + ") ipvlan address[" + w
                            + "] MUST match vrrp instance family !!! Skipping...");
                    continue;
                }
                v.ipvlanAddr = new io.jkeepalived.config.model.Prefix(p.address(), p.prefix());
                if (v.saddr == null) v.saddr = p.address();
                continue;
            }
            if (v.vmacIfname != null) {
                ctx.error(GENERAL_ERROR, "(" + v.name + ") IPVLAN interface already specified - ignoring '" + w + "'");
            } else if (w.length() >= 16) {
                ctx.error(GENERAL_ERROR, "(" + v.name + ") IPVLAN interface name '" + w + "' too long - ignoring");
            } else if (nameFree(ctx, v, w)) {
                if (ctx.interfaceExists(w)) {
                    ctx.error(GENERAL_ERROR, "(" + v.name + ") interface " + w
                            + " already exists and is not an l2 ipvlan; ignoring ipvlan if_name");
                } else {
                    v.vmacIfname = w;
                }
            }
        }
    }

    /** check_valid_ipaddress: an address with an optional prefix, without reporting. */
    private static AddressGrammar.Parsed validAddress(String w) {
        int slash = w.indexOf('/');
        String addr = slash < 0 ? w : w.substring(0, slash);
        var ip = Words.ip(addr);
        if (ip == null) return null;
        int max = ip instanceof java.net.Inet4Address ? 32 : 128;
        int len = max;
        if (slash >= 0) {
            String l = w.substring(slash + 1);
            if (l.isEmpty() || !l.chars().allMatch(Character::isDigit) || l.length() > 3) return null;
            len = Integer.parseInt(l);
            if (len > max) return null;
        }
        return new AddressGrammar.Parsed(ip, len);
    }
}
