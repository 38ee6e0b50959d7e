package io.jkeepalived.vrrp.packet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A tiny pcap (libpcap, Ethernet link type) reader for the keepalived captures: yields each VRRP or AH packet
 * as the raw socket would deliver it (IPv4: the datagram trimmed to its total length; IPv6: the payload with
 * the header's source, destination and hop limit beside it).
 */
record PcapFrames(List<Captured> packets) {

    /** One captured VRRP packet; {@code number} is the 1-based frame number tshark shows. */
    record Captured(int number, IpFamily family, byte[] bytes, byte[] source, byte[] destination, int hopLimit) {
        ByteBuffer buffer() {
            return ByteBuffer.wrap(bytes);
        }

        int vrrpOffset() {
            if (family == IpFamily.IPV6) {
                return 0;
            }
            int ihl = (bytes[0] & 0x0F) * 4;
            return bytes[9] == VrrpWire.IPPROTO_AH ? ihl + VrrpWire.AH_HEADER : ihl;
        }

        int priority() {
            return bytes[vrrpOffset() + 2] & 0xFF;
        }

        int vrid() {
            return bytes[vrrpOffset() + 1] & 0xFF;
        }

        boolean fromAddress(byte[] address) {
            return Arrays.equals(source, address);
        }
    }

    static PcapFrames load(String name) {
        try (InputStream in = PcapFrames.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PcapFrames parse(byte[] file) {
        ByteBuffer b = ByteBuffer.wrap(file);
        int magic = b.getInt(0);
        b.order(magic == 0xd4c3b2a1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        if (b.getInt(20) != 1) {
            throw new IllegalArgumentException("not an Ethernet capture");
        }
        List<Captured> out = new ArrayList<>();
        int pos = 24;
        int number = 0;
        while (pos + 16 <= file.length) {
            int captured = b.getInt(pos + 8);
            int frame = pos + 16;
            number++;
            pos = frame + captured;
            int etherType = ((file[frame + 12] & 0xFF) << 8) | (file[frame + 13] & 0xFF);
            int ip = frame + 14;
            if (etherType == 0x0800) {
                int protocol = file[ip + 9] & 0xFF;
                if (protocol == VrrpWire.IPPROTO_VRRP || protocol == VrrpWire.IPPROTO_AH) {
                    int total = ((file[ip + 2] & 0xFF) << 8) | (file[ip + 3] & 0xFF);
                    out.add(new Captured(number, IpFamily.IPV4, Arrays.copyOfRange(file, ip, ip + total),
                            Arrays.copyOfRange(file, ip + 12, ip + 16), Arrays.copyOfRange(file, ip + 16, ip + 20),
                            file[ip + 8] & 0xFF));
                }
            } else if (etherType == 0x86DD && (file[ip + 6] & 0xFF) == VrrpWire.IPPROTO_VRRP) {
                int payload = ((file[ip + 4] & 0xFF) << 8) | (file[ip + 5] & 0xFF);
                out.add(new Captured(number, IpFamily.IPV6, Arrays.copyOfRange(file, ip + 40, ip + 40 + payload),
                        Arrays.copyOfRange(file, ip + 8, ip + 24), Arrays.copyOfRange(file, ip + 24, ip + 40),
                        file[ip + 7] & 0xFF));
            }
        }
        return new PcapFrames(out);
    }
}
