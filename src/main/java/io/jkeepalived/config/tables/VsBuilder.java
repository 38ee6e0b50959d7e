package io.jkeepalived.config.tables;

import io.jkeepalived.config.model.AddressFamily;
import io.jkeepalived.config.model.Endpoint;
import io.jkeepalived.config.model.Forwarding;
import io.jkeepalived.config.model.Protocol;
import io.jkeepalived.config.model.Script;
import io.jkeepalived.config.model.VirtualServer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * A virtual_server while its block is read. Fields left null are "not set", resolved by
 * {@link LvsValidation} the way keepalived's check_data.c validate_check_config does.
 */
final class VsBuilder {
    final String file;
    final int line;
    VirtualServer.Service service;
    Endpoint address;           // for Service.Address; its port is rewritten by validation rules
    AddressFamily family = AddressFamily.UNSPEC;
    Protocol protocol = Protocol.NONE;
    String scheduler;           // null = not set (wlc with an error)
    Forwarding forwarding;      // null = not set (NAT with an error)
    final EnumSet<VirtualServer.ServiceFlag> flags = EnumSet.noneOf(VirtualServer.ServiceFlag.class);
    long persistenceTimeout;
    String persistenceEngine;
    Long persistenceGranularity;
    boolean haSuspend;
    String virtualhost;
    String snmpName;
    boolean alpha;
    boolean omega;
    long quorum = 1;
    long hysteresis;
    Script quorumUp;
    Script quorumDown;
    long weight = 1;
    SorryBuilder sorry;
    Boolean smtpAlert;
    long connectTimeoutMicros = 5_000_000L;
    long delayLoopMicros = 60_000_000L;
    Long delayBeforeRetryMicros;
    Long warmupMicros;
    Long retry;
    boolean inhibit;
    final List<RsBuilder> realServers = new ArrayList<>();

    VsBuilder(String file, int line) {
        this.file = file;
        this.line = line;
    }

    boolean isFwmark() {
        return service instanceof VirtualServer.Service.Fwmark;
    }

    String groupName() {
        return service instanceof VirtualServer.Service.Group g ? g.name() : null;
    }

    /** keepalived's FMT_VS, for messages. */
    String label() {
        // instanceof, not a pattern switch: its bootstrap spins a class at start-up (issue 3's -t timing)
        if (service instanceof VirtualServer.Service.Fwmark f) return "FWM " + f.mark();
        if (service instanceof VirtualServer.Service.Group g) return "[" + g.name() + "]:0";
        return address.trio(protocol);
    }

    /** A sorry_server while the virtual server is read. */
    static final class SorryBuilder {
        Endpoint address;
        Forwarding forwarding;  // null until validation unless sorry_server_lvs_method set it
        boolean inhibit;
        boolean duplicatesRealServer;
    }
}
