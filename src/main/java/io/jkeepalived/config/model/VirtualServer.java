package io.jkeepalived.config.model;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code virtual_server IP PORT | fwmark N | group NAME { … }} after validation: every default applied
 * (keepalived.conf(5) and check_data.c validate_check_config), real servers deduplicated.
 *
 * @param persistenceTimeout     seconds, 0 = not persistent
 * @param persistenceGranularity IPv4: the netmask as an unsigned 32-bit number; IPv6: the prefix length;
 *                               empty when not set
 * @param retry                  empty = each checker's own default
 * @param delayBeforeRetry       empty = each checker's own default
 * @param warmup                 empty = the checker's delay_loop
 */
public record VirtualServer(
        Service service, AddressFamily family, Protocol protocol, String scheduler, Forwarding forwarding,
        Set<ServiceFlag> flags, long persistenceTimeout, Optional<String> persistenceEngine,
        java.util.OptionalLong persistenceGranularity, boolean haSuspend, Optional<String> virtualhost,
        Optional<String> snmpName, boolean alpha, boolean omega, long quorum, long hysteresis,
        Optional<Script> quorumUp, Optional<Script> quorumDown, long weight, Optional<SorryServer> sorryServer,
        boolean smtpAlert, Duration connectTimeout, Duration delayLoop, Optional<Duration> delayBeforeRetry,
        Optional<Duration> warmup, java.util.OptionalLong retry, boolean inhibitOnFailure,
        List<RealServer> realServers, String file, int line) {

    public VirtualServer {
        flags = Set.copyOf(flags);
        realServers = List.copyOf(realServers);
    }

    /** What the service is keyed on. */
    public sealed interface Service {
        record Address(Endpoint endpoint) implements Service {}

        record Fwmark(long mark) implements Service {}

        record Group(String name) implements Service {}
    }

    /** IPVS service flags (keepalived.conf(5): ops, flag-1..3, sh-port, sh-fallback, mh-port, mh-fallback). */
    public enum ServiceFlag {
        ONE_PACKET("ops"), FLAG_1("flag-1"), FLAG_2("flag-2"), FLAG_3("flag-3"), SH_PORT("sh-port"),
        SH_FALLBACK("sh-fallback"), MH_PORT("mh-port"), MH_FALLBACK("mh-fallback");

        private final String keyword;

        ServiceFlag(String keyword) {
            this.keyword = keyword;
        }

        public String keyword() {
            return keyword;
        }
    }

    /** keepalived's FMT_VS: {@code [ip]:proto:port}, {@code FWM n} or {@code [group]:n}. */
    public String label() {
        return switch (service) {
            case Service.Address a -> a.endpoint().trio(protocol);
            case Service.Fwmark f -> "FWM " + f.mark();
            case Service.Group g -> "[" + g.name() + "]:0";
        };
    }
}
