package io.jkeepalived.config.model;

import java.util.List;
import java.util.Optional;

/**
 * Everything the checker side reads: the SSL context, virtual_server_groups, and the virtual servers with
 * their real servers and checkers, after keepalived's post-parse validation (check_data.c
 * validate_check_config): defaults filled in, invalid servers dropped.
 */
public record LvsConfig(Optional<SslConfig> ssl, List<VirtualServerGroup> groups,
                        List<VirtualServer> virtualServers) {
    public LvsConfig {
        groups = List.copyOf(groups);
        virtualServers = List.copyOf(virtualServers);
    }

    public LvsConfig() {
        this(Optional.empty(), List.of(), List.of());
    }

    public Optional<VirtualServerGroup> group(String name) {
        return groups.stream().filter(g -> g.name().equals(name)).findFirst();
    }

    /** Every script the checker side may run (keepalived checks them for script security after parsing). */
    public List<Script> scripts() {
        var out = new java.util.ArrayList<Script>();
        for (VirtualServer vs : virtualServers) {
            vs.quorumUp().ifPresent(out::add);
            vs.quorumDown().ifPresent(out::add);
            for (RealServer rs : vs.realServers()) {
                rs.notifyUp().ifPresent(out::add);
                rs.notifyDown().ifPresent(out::add);
                for (Checker c : rs.checkers()) {
                    if (c instanceof MiscCheck m) out.add(m.script());
                }
            }
        }
        return List.copyOf(out);
    }
}
