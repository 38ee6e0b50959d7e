package io.jkeepalived.check;

import io.jkeepalived.config.model.ConnectOptions;
import io.jkeepalived.config.model.DnsCheck;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * DNS_CHECK (check_dns.c): one UDP query (RD set, class IN) to the server; up on a reply with the same ID,
 * QR set and RCODE 0, whether or not it holds records. Replies with another ID or without QR are ignored
 * until connect_timeout.
 */
public final class DnsProbe implements Probe {
    private final ConnectOptions co;
    private final DnsCheck.Type type;
    private final String name;

    public DnsProbe(ConnectOptions co, DnsCheck.Type type, String name) {
        this.co = co;
        this.type = type;
        this.name = name;
    }

    /** check_dns.c dns_make_query: header, the name label by label, a final root label unless the name is ".". */
    static byte[] query(int id, DnsCheck.Type type, String name) {
        ByteArrayOutputStream q = new ByteArrayOutputStream();
        q.write(id >> 8 & 0xff);
        q.write(id & 0xff);
        q.write(0x01); // RD
        q.write(0);
        q.writeBytes(new byte[] {0, 1, 0, 0, 0, 0, 0, 0});
        int s = 0;
        while (s < name.length()) {
            int e = name.indexOf('.', s);
            if (e < 0) e = name.length();
            byte[] label = name.substring(s, e).getBytes(StandardCharsets.US_ASCII);
            q.write(label.length);
            q.writeBytes(label);
            s = e < name.length() ? e + 1 : e;
        }
        if (!name.equals(".")) q.write(0);
        q.write(type.code() >> 8);
        q.write(type.code() & 0xff);
        q.write(0);
        q.write(1);
        return q.toByteArray();
    }

    @Override
    public Outcome run(int urlIndex) {
        int id = ThreadLocalRandom.current().nextInt(0x10000);
        byte[] query = query(id, type, name);
        long deadline = System.nanoTime() + co.connectTimeout().toNanos();
        try (DatagramSocket s = co.bindTo().isPresent()
                ? new DatagramSocket(new InetSocketAddress(co.bindTo().get().address(), co.bindTo().get().port()))
                : new DatagramSocket()) {
            s.connect(new InetSocketAddress(co.destination().address(), co.destination().port()));
            s.send(new DatagramPacket(query, query.length));
            byte[] buf = new byte[512];
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return new Outcome.Down("read timeout from socket");
                s.setSoTimeout((int) Math.max(1, left / 1_000_000));
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                s.receive(p);
                if (p.getLength() < 12) continue;
                int rid = (buf[0] & 0xff) << 8 | (buf[1] & 0xff);
                if (rid != id || (buf[2] & 0x80) == 0) continue;
                int rcode = buf[3] & 0x0f;
                if (rcode != 0) return new Outcome.Down("read error occurred. (rcode = " + rcode + ")");
                return Outcome.up();
            }
        } catch (SocketTimeoutException e) {
            return new Outcome.Down("read timeout from socket");
        } catch (PortUnreachableException e) {
            return new Outcome.Down("failed to read socket; errno 111 (Connection refused)");
        } catch (IOException e) {
            return new Outcome.Down("connection error.");
        }
    }
}
