/**
 * The kernel endpoints, on java.lang.foreign (no JNI, no shelling out). Each socket belongs to the network
 * namespace of the thread that opened it ({@link io.jkeepalived.net.linux.NetNamespace#enter} on a dedicated
 * platform thread, then open); it keeps that namespace whichever thread uses it later.
 *
 * <ul>
 *   <li>{@link io.jkeepalived.net.linux.RawIpSocket}: protocol 112 (VRRP) or 51 (AH), IPv4 or IPv6, bound to
 *       an interface, TTL / hop limit 255, multicast groups joined per socket, IP_HDRINCL for IPv4, and per
 *       packet the TTL, destination and interface ({@link io.jkeepalived.net.PacketInfo}).</li>
 *   <li>{@link io.jkeepalived.net.linux.PacketSocket}: whole Ethernet frames (gratuitous ARP, unsolicited
 *       NA built by {@code io.jkeepalived.net.frame}).</li>
 *   <li>{@link io.jkeepalived.net.linux.RouteNetlink}: addresses, routes, rules, links, macvlan (use_vmac);
 *       {@link io.jkeepalived.net.linux.LinkMonitor}: link and address announcements;
 *       {@link io.jkeepalived.net.linux.GenericNetlink}: family resolution and framing for the IPVS client.</li>
 * </ul>
 *
 * <p>Threads: receives ({@code receive}, {@code poll}) block in poll(2) and belong on platform threads; each
 * is released from any thread by {@code wakeup()}, after which {@code close()} is safe. Send and receive
 * buffers are separate, so one sender and one receiver may use a socket at once. Every kernel failure is a
 * {@link io.jkeepalived.net.NetException} naming the operation and the errno text.
 */
package io.jkeepalived.net.linux;
