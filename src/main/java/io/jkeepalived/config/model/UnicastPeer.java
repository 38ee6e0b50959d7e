package io.jkeepalived.config.model;

import java.net.InetAddress;

/** A unicast_peer line: the address adverts are sent to, and the TTL window accepted from it. */
public record UnicastPeer(InetAddress address, int minTtl, int maxTtl) {}
