package io.jkeepalived.check;

import io.jkeepalived.config.model.ConnectOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * SMTP_CHECK (check_smtp.c): banner 220, {@code HELO name} → 250, {@code QUIT} and its answer. A status is
 * the first three digits of a line followed by a space or the line's end (so "220-" continuation lines fail,
 * as they do in keepalived). The failure texts are keepalived's, with the server as {@code [ip]:port}.
 */
public final class SmtpProbe implements Probe {
    private final ConnectOptions co;
    private final String helo;
    private final String server;

    public SmtpProbe(ConnectOptions co, String helo) {
        this.co = co;
        this.helo = helo;
        this.server = "[" + co.destination().host() + "]:" + co.destination().port();
    }

    @Override
    public Outcome run(int urlIndex) {
        Socket socket;
        try {
            socket = TcpProbe.connect(co);
        } catch (SocketTimeoutException e) {
            return down("Connection timeout to server %s");
        } catch (IOException e) {
            return down("Error connecting to server %s");
        }
        try (Socket s = socket) {
            s.setSoTimeout(TcpProbe.millis(co.connectTimeout()));
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            String banner = line(in);
            if (banner == null) return down("Read failure from server %s");
            if (status(banner) != 220) return down("Bad greeting banner from server %s");
            if (!write(out, "HELO " + helo + "\r\n")) return down("Write failure to server %s");
            String heloReply = line(in);
            if (heloReply == null) return down("Read failure from server %s");
            if (status(heloReply) != 250) return down("Bad HELO response from server %s");
            if (!write(out, "QUIT\r\n")) return down("Write failure to server %s");
            if (line(in) == null) return down("Read failure from server %s");
            return Outcome.up();
        } catch (SocketTimeoutException e) {
            return down("Read timeout from server %s");
        } catch (IOException e) {
            return down("Read failure from server %s");
        }
    }

    private Outcome.Down down(String format) {
        return new Outcome.Down(format.formatted(server));
    }

    private static boolean write(OutputStream out, String text) {
        try {
            out.write(text.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** One line up to LF (CR dropped), or null at end of stream before any byte. */
    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') return sb.toString();
            if (b != '\r' && sb.length() < 512) sb.append((char) b);
        }
        return sb.isEmpty() ? null : sb.toString();
    }

    /** check_smtp.c smtp_get_status. */
    static int status(String line) {
        if (line.length() < 3) return -1;
        for (int i = 0; i < 3; i++) if (!Character.isDigit(line.charAt(i))) return -1;
        if (line.length() > 3 && line.charAt(3) != ' ') return -1;
        return Integer.parseInt(line.substring(0, 3));
    }
}
