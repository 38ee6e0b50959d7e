package io.jkeepalived.config.model;

/** A health checker attached to a real server (keepalived.conf(5): TCP_CHECK, HTTP_GET, …). */
public sealed interface Checker
        permits TcpCheck, HttpGetCheck, SslGetCheck, SmtpCheck, DnsCheck, MiscCheck, UdpCheck, PingCheck,
        FileCheck, BfdCheck {

    /** The block keyword that declared it. */
    String keyword();

    /** The line of that keyword. */
    int line();
}
