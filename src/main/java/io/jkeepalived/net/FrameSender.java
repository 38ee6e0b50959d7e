package io.jkeepalived.net;

/** Sends whole link-layer frames (gratuitous ARP, unsolicited neighbour adverts) out of an interface. */
public interface FrameSender extends AutoCloseable {
    /** Sends {@code len} bytes of an Ethernet frame (header included) on {@code ifIndex}. */
    void sendFrame(int ifIndex, int etherType, byte[] frame, int offset, int len);

    @Override
    void close();
}
