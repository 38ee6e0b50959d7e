package io.jkeepalived.net;

import java.net.InetAddress;
import java.nio.ByteBuffer;

/**
 * A raw IP endpoint for one protocol on one interface (VRRP adverts, AH): the port the VRRP runtime sends
 * and receives through. The Linux implementation is {@code io.jkeepalived.net.linux.RawIpSocket}; tests of
 * the runtime may script their own.
 *
 * <p>Zero allocation in steady state: destinations are prepared once ({@link #peer}); a sender either passes
 * its array or writes straight into {@link #sendBuffer()}; a receiver reuses one {@link PacketInfo} and reads
 * either into its array or from {@link #receiveBuffer()}. One sending and one receiving thread at a time.
 */
public interface IpRawChannel extends AutoCloseable {
    /** {@link #receive} result: {@link #wakeup()} was called. */
    int WOKEN = -1;
    /** {@link #receive} result: the timeout passed with nothing received. */
    int TIMED_OUT = -2;

    /** A destination prepared by {@link #peer}. */
    interface Destination {
        InetAddress address();
    }

    IpFamily family();

    Destination peer(InetAddress destination);

    /** The source address of later sends, or null to let the kernel choose. */
    void source(InetAddress source);

    int send(byte[] data, int offset, int len, Destination to);

    /** The channel's own send area (network byte order, position 0): encode into it, then {@link #sendFromBuffer}. */
    ByteBuffer sendBuffer();

    /** Sends the first {@code len} bytes of {@link #sendBuffer()}. */
    int sendFromBuffer(int len, Destination to);

    /**
     * Goes through {@link #sendFromBuffer}'s whole path, the kernel's routing included, but sends nothing
     * (sendmsg's MSG_PROBE): warms the send path of a socket that has not sent yet. Returns {@code len}.
     */
    default int probeFromBuffer(int len, Destination to) {
        return len;
    }

    /** Receives one packet into {@code buf}; returns its length, {@link #WOKEN} or {@link #TIMED_OUT}. */
    int receive(byte[] buf, int offset, int maxLen, PacketInfo info, int timeoutMillis);

    /** Receives one packet into {@link #receiveBuffer()}; returns its length, {@link #WOKEN} or {@link #TIMED_OUT}. */
    int receive(PacketInfo info, int timeoutMillis);

    /** The area the last {@link #receive(PacketInfo, int)} filled, from index 0 (absolute reads). */
    ByteBuffer receiveBuffer();

    /** Releases a thread blocked in a receive, now and for every later receive. Any thread. */
    void wakeup();

    @Override
    void close();
}
