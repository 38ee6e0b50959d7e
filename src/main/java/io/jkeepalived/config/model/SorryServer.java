package io.jkeepalived.config.model;

/**
 * {@code sorry_server IP [PORT]}, used while the quorum is lost (keepalived.conf(5)).
 *
 * @param duplicatesRealServer it is also one of the real servers (keepalived's s_svr_duplicates_rs): the
 *                             runtime must not remove it from IPVS when the quorum is regained
 */
public record SorryServer(Endpoint address, Forwarding forwarding, boolean inhibit, boolean duplicatesRealServer) {}
