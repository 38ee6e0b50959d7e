package io.jkeepalived.notify.smtp;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.function.Consumer;

/**
 * The client side of one alert's SMTP conversation, without sockets (keepalived 2.2.7 core/smtp.c SMTP_FSM):
 * greeting 220, HELO 250, MAIL FROM 250, one RCPT TO per recipient 250, DATA 354, the message 250, QUIT 221.
 * A reply with another code is logged and answered with QUIT; a silent server gets QUIT after the first
 * timeout and is left after the second. The runtime feeds replies in and sends what comes out.
 */
final class SmtpDialogue {
    /** Each stage: the reply code it waits for and the name keepalived logs it under. */
    enum Stage {
        GREETING(220, "(E)SMTP"), HELO(250, "HELO"), MAIL(250, "MAIL"), RCPT(250, "RCPT"), DATA(354, "DATA"),
        BODY(250, "BODY"), QUIT(221, "QUIT"), END(0, "");

        final int expected;
        final String label;

        Stage(int expected, String label) {
            this.expected = expected;
            this.label = label;
        }
    }

    private final SmtpSettings settings;
    private final SmtpAlert alert;
    private final String server;
    private final Consumer<String> log;
    private Stage stage = Stage.GREETING;
    private int nextRecipient;
    private boolean sent;

    /** {@code server} is the "[address]:port" text the log lines name. */
    SmtpDialogue(SmtpSettings settings, SmtpAlert alert, String server, Consumer<String> log) {
        this.settings = settings;
        this.alert = alert;
        this.server = server;
        this.log = log;
    }

    Stage stage() {
        return stage;
    }

    boolean done() {
        return stage == Stage.END;
    }

    /** Whether the server accepted the message (its 250 after the data). */
    boolean sent() {
        return sent;
    }

    /** A complete reply with {@code code} arrived: answers the next command, or null when the dialogue is over. */
    String onReply(int code, ZonedDateTime now) {
        if (stage == Stage.END) return null;
        if (code == stage.expected) {
            advance();
        } else {
            log.accept("Error processing " + stage.label + " cmd on SMTP server " + server
                    + ". SMTP status code = " + code);
            // keepalived would answer a bad QUIT reply with QUIT again until the server hangs up: stop here
            stage = stage == Stage.QUIT ? Stage.END : Stage.QUIT;
        }
        return command(now);
    }

    /** No reply within smtp_connect_timeout: QUIT, or the end if QUIT was already sent. */
    String onTimeout(ZonedDateTime now) {
        log.accept("Timeout reading data to remote SMTP server " + server + ".");
        if (stage == Stage.END) return null;
        stage = stage == Stage.QUIT ? Stage.END : Stage.QUIT;
        return command(now);
    }

    /** The reply overflowed keepalived's 1024-byte buffer: QUIT. */
    String onOverflow(ZonedDateTime now) {
        log.accept("Received buffer from remote SMTP server " + server + " overflow our get read buffer length.");
        stage = Stage.QUIT;
        return command(now);
    }

    /** The server closed the connection: the dialogue is over. */
    void onClosed() {
        log.accept("Remote SMTP server " + server + " has closed the connection.");
        stage = Stage.END;
    }

    private void advance() {
        switch (stage) {
            case RCPT -> {
                if (nextRecipient >= settings.recipients().size()) stage = Stage.DATA;
            }
            case BODY -> {
                sent = true;
                if (settings.logDetail()) log.accept("SMTP alert successfully sent.");
                stage = Stage.QUIT;
            }
            case QUIT -> stage = Stage.END;
            default -> stage = Stage.values()[stage.ordinal() + 1];
        }
    }

    private String command(ZonedDateTime now) {
        List<String> to = settings.recipients();
        return switch (stage) {
            case GREETING, END -> null;
            case HELO -> "HELO " + settings.heloName() + "\r\n";
            case MAIL -> "MAIL FROM:<" + SmtpMessage.orNull(settings.from()) + ">\r\n";
            case RCPT -> "RCPT TO:<" + to.get(nextRecipient++) + ">\r\n";
            case DATA -> "DATA\r\n";
            case BODY -> SmtpMessage.data(now, settings.from(), alert, to);
            case QUIT -> "QUIT\r\n";
        };
    }
}
