package io.jkeepalived.config.model;

/** {@code sorry_server IP [PORT]}, used while the quorum is lost (keepalived.conf(5)). */
public record SorryServer(Endpoint address, Forwarding forwarding, boolean inhibit) {}
