/**
 * Netlink as bytes, with no sockets: {@link io.jkeepalived.net.nl.NlWriter} builds messages (nlmsghdr,
 * family header, attributes on 4-byte boundaries, nests), {@link io.jkeepalived.net.nl.NlDecoded} splits
 * a datagram into {@link io.jkeepalived.net.nl.NlMessage}s (or says why it is malformed),
 * {@link io.jkeepalived.net.nl.NlAttrs} reads attributes, {@link io.jkeepalived.net.nl.NlError} reads
 * NLMSG_ERROR with its extended ack. {@link io.jkeepalived.net.nl.RtnlRequests} and
 * {@link io.jkeepalived.net.nl.RtnlReplies} speak rtnetlink and the generic-netlink controller;
 * {@link io.jkeepalived.net.nl.GenlHeader} frames requests of other generic families (IPVS).
 * Host byte order throughout, as netlink is; one constants class per kernel header.
 */
package io.jkeepalived.net.nl;
