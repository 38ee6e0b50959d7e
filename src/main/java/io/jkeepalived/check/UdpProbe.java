package io.jkeepalived.check;

import io.jkeepalived.config.model.ConnectOptions;
import io.jkeepalived.config.model.UdpCheck;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * UDP_CHECK (check_udp.c): sends the payload (random bytes when none is given) on a connected socket. Down on
 * an ICMP port unreachable; silence until connect_timeout is up, unless {@code require_reply}, where the
 * reply must have a length within min/max_reply_length and match the reply bytes under the mask.
 */
public final class UdpProbe implements Probe {
    private final ConnectOptions co;
    private final byte[] payload;
    private final boolean requireReply;
    private final byte[] reply;
    private final byte[] mask;
    private final int minLength;
    private final int maxLength;

    public UdpProbe(UdpCheck c) {
        this.co = c.connection();
        this.payload = c.payload().map(UdpProbe::hex).orElse(null);
        this.requireReply = c.requireReply();
        this.reply = c.reply().map(UdpProbe::hex).orElse(new byte[0]);
        this.mask = c.replyMask().map(UdpProbe::hex).orElse(null);
        this.minLength = c.minReplyLength();
        this.maxLength = c.maxReplyLength();
    }

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.length() % 2 == 0 ? s : s + "0");
    }

    @Override
    public Outcome run(int urlIndex) {
        byte[] out = payload;
        if (out == null) {
            out = new byte[16];
            ThreadLocalRandom.current().nextBytes(out);
        }
        try (DatagramSocket s = co.bindTo().isPresent()
                ? new DatagramSocket(new InetSocketAddress(co.bindTo().get().address(), co.bindTo().get().port()))
                : new DatagramSocket()) {
            s.connect(new InetSocketAddress(co.destination().address(), co.destination().port()));
            s.setSoTimeout(TcpProbe.millis(co.connectTimeout()));
            s.send(new DatagramPacket(out, out.length));
            byte[] buf = new byte[65536];
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                s.receive(p);
            } catch (SocketTimeoutException e) {
                return requireReply ? new Outcome.Down("no reply") : Outcome.up();
            }
            if (requireReply && !matches(buf, p.getLength())) return new Outcome.Down("reply data mismatch");
            return Outcome.up();
        } catch (PortUnreachableException e) {
            return new Outcome.Down("port unreachable");
        } catch (IOException e) {
            return new Outcome.Down("failed");
        }
    }

    /** check_udp.c check_udp_reply: length bounds, then the lesser of both lengths compared under the mask. */
    boolean matches(byte[] data, int len) {
        if (len < minLength || len > maxLength) return false;
        int n = Math.min(len, reply.length);
        for (int i = 0; i < n; i++) {
            int m = mask == null ? 0xff : mask[i] & 0xff;
            if (((data[i] ^ reply[i]) & m) != 0) return false;
        }
        return true;
    }
}
