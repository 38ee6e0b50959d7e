package io.jkeepalived.check;

/** The checkers whose cycles differ in keepalived (each check_*.c has its own epilog). */
public enum CheckKind { TCP, HTTP, SSL, SMTP, DNS, MISC, UDP, PING }
