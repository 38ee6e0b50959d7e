/**
 * The VRRP advertisement codec: bytes in, bytes out, no sockets and no decisions.
 *
 * <p>{@link io.jkeepalived.vrrp.packet.AdvertEncoder} writes adverts exactly as keepalived 2.2.7 puts them on
 * the wire (IPv4 header for IP_HDRINCL, IPsec AH done in user space, VRRPv2/v3 checksums);
 * {@link io.jkeepalived.vrrp.packet.AdvertValidator} applies keepalived's receive checks in keepalived's order and
 * answers with a {@link io.jkeepalived.vrrp.packet.Verdict}, never an exception. Both take plain records of this
 * package ({@link io.jkeepalived.vrrp.packet.AdvertSpec}, {@link io.jkeepalived.vrrp.packet.ReceivePolicy}), not
 * the config model.
 */
package io.jkeepalived.vrrp.packet;
