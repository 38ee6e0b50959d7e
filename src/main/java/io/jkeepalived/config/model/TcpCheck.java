package io.jkeepalived.config.model;

/** TCP_CHECK: up when a TCP connection completes within connect_timeout. */
public record TcpCheck(ConnectOptions connection, CheckTiming timing, int line) implements Checker {
    @Override
    public String keyword() {
        return "TCP_CHECK";
    }
}
