package io.jkeepalived.daemon;

import io.jkeepalived.daemon.cli.Opt;
import io.jkeepalived.daemon.cli.Options;

/**
 * The command-line flags the runtime rooms act on, handed to {@link Lifecycle#start}.
 *
 * @param runVrrp           not {@code -C} (or {@code --all})
 * @param runCheckers       not {@code -P} (or {@code --all})
 * @param releaseVips       {@code -X}: drop VIPs on a transition caused by a signal
 * @param dontReleaseVrrp   {@code -V}: leave VIPs and VROUTEs in place at stop
 * @param dontReleaseIpvs   {@code -I}: leave the IPVS table in place at stop
 * @param addressMonitoring {@code -a}: log every address change netlink reports
 * @param logDetail         {@code -D} count: 1 detailed, 2 extra detail
 * @param namespace         {@code -s}, or null (the process already runs inside it)
 */
public record RuntimeFlags(boolean runVrrp, boolean runCheckers, boolean releaseVips, boolean dontReleaseVrrp,
                           boolean dontReleaseIpvs, boolean addressMonitoring, int logDetail, String namespace) {

    static RuntimeFlags of(Options o) {
        return new RuntimeFlags(o.runVrrp(), o.runCheckers(), o.has(Opt.RELEASE_VIPS), o.has(Opt.DONT_RELEASE_VRRP),
                o.has(Opt.DONT_RELEASE_IPVS), o.has(Opt.ADDRESS_MONITORING), o.logDetail(), o.namespace());
    }
}
