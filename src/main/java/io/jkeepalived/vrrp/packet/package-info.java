/**
 * The VRRP advertisement codec: bytes in, bytes out, no sockets and no decisions (keepalived 2.2.7's wire).
 *
 * <p>Sending: {@link io.jkeepalived.vrrp.packet.AdvertEncoder} writes an advert into a caller's
 * {@link java.nio.ByteBuffer} (keep one view of a {@code MemorySegment} with {@code asByteBuffer()}) exactly as
 * keepalived hands it to its socket: for IPv4 the whole datagram for IP_HDRINCL (IPsec AH computed here), for
 * IPv6 the VRRP message. Call {@link io.jkeepalived.vrrp.packet.PacketCounters#nextAdvert()} once per advert,
 * then encode once per destination (each unicast peer gets a copy with the same ID and AH sequence).
 *
 * <p>Receiving: a socket shared by several instances finds the VRID with
 * {@link io.jkeepalived.vrrp.packet.AdvertView#wrap} and {@code vrid()}, skips instances in INIT or FAULT, then
 * asks that instance's {@link io.jkeepalived.vrrp.packet.AdvertValidator}, which applies keepalived's checks in
 * keepalived's order and answers a {@link io.jkeepalived.vrrp.packet.Verdict}, never an exception;
 * {@link io.jkeepalived.vrrp.packet.VerdictLog} gives keepalived's log line for it. The validator expects what a
 * raw socket delivers (the kernel has trimmed Ethernet padding to the IPv4 total length and verified IPv6
 * checksums); input from a packet socket or a capture must be trimmed likewise.
 *
 * <p>{@link io.jkeepalived.vrrp.packet.PacketCounters} is the state both directions share per instance (IP ID,
 * AH sequence, unicast checksum mode). Both sides take records of this package
 * ({@link io.jkeepalived.vrrp.packet.AdvertSpec}, {@link io.jkeepalived.vrrp.packet.ReceivePolicy}), not the
 * config model.
 */
package io.jkeepalived.vrrp.packet;
