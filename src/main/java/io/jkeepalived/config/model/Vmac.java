package io.jkeepalived.config.model;

/**
 * use_vmac / use_ipvlan: the instance runs on a macvlan (or ipvlan) interface with the VRRP virtual MAC.
 *
 * @param ifname          the interface name, or null to generate {@code vrrp.<vrid>}
 * @param mac             a fixed MAC ("xx:xx:xx:xx:xx:xx"), or null for 00:00:5e:00:0x:VRID
 * @param netlinkNotify   {@code netlink_notify_msg}
 * @param ipvlan          true for use_ipvlan
 * @param ipvlanMode      bridge|private|vepa for ipvlan, or null
 * @param ipvlanAddress   the ipvlan's address, or null
 * @param group           the interface group ({@code group G}), or 0
 */
public record Vmac(String ifname, String mac, boolean netlinkNotify, boolean ipvlan, String ipvlanMode,
                   Prefix ipvlanAddress, long group) {}
