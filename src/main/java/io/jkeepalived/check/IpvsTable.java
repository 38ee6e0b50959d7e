package io.jkeepalived.check;

import io.jkeepalived.config.model.Endpoint;
import io.jkeepalived.config.model.VirtualServer;
import java.util.List;

/** The IPVS table the checkers want: services with their destinations and weights (a pure value). */
public record IpvsTable(List<Service> services) {
    public IpvsTable {
        services = List.copyOf(services);
    }

    public record Service(VirtualServer virtualServer, List<Dest> dests) {
        public Service {
            dests = List.copyOf(dests);
        }
    }

    public record Dest(Endpoint address, long weight) {}
}
