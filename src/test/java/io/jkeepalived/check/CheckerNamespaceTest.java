package io.jkeepalived.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkeepalived.harness.Daemon;
import io.jkeepalived.harness.LabProcess;
import io.jkeepalived.harness.NetLab;
import io.jkeepalived.harness.Netns;
import io.jkeepalived.harness.Packages;
import io.jkeepalived.harness.Poll;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * jkeepalived's checkers against real servers in a network namespace: nginx for HTTP_GET and SSL_GET (a
 * self-signed certificate made here), a plain TCP and a UDP listener (socat), dnsmasq for DNS_CHECK, Debian's
 * exim for SMTP_CHECK, and PING_CHECK against an address that comes and goes. Stopping a server takes its
 * real server out after the configured retry; starting it brings it back (HTTP after two good checks one
 * delay_loop apart); notify_up/notify_down run. The kernel has no IPVS: the daemon says so and keeps checking.
 */
@Tag("integration")
class CheckerNamespaceTest {
    private static final Duration START = Duration.ofSeconds(90);
    /** delay_loop 2 + delay_before_retry 1 + two connect timeouts of 1 s + two busy cores. */
    private static final Duration DOWN = Duration.ofSeconds(12);
    private static final Duration UP = Duration.ofSeconds(12);
    private static final String BODY = "healthy\n";

    @RegisterExtension
    final NetLab lab = new NetLab();

    private Netns ns;
    private Path dir;
    private Path fifoLog;
    private String globals;

    @Test
    void realServersLeaveWhenTheirServerStopsAndComeBackWhenItStarts() throws Exception {
        Packages.require("nginx", "nginx-light");
        Packages.require("openssl", "openssl");
        Packages.require("dnsmasq", "dnsmasq-base");
        Packages.require("socat", "socat");
        Packages.require("exim4", "exim4-daemon-light");
        ns = lab.namespace("servers");
        dir = lab.dir();
        for (int i = 1; i <= 6; i++) ns.addAddress("lo", "10.99.7." + i + "/32");
        Path events = dir.resolve("events.log");
        Path rec = lab.writeFile("rec.sh", "#!/bin/sh\necho \"$1 $2\" >> " + events + "\n");
        Files.setPosixFilePermissions(rec, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path miscRc = lab.writeFile("misc.rc", "0\n");
        Path misc = lab.writeFile("misc.sh", "#!/bin/sh\nexit $(cat " + miscRc + ")\n");
        Files.setPosixFilePermissions(misc, PosixFilePermissions.fromString("rwxr-xr-x"));
        makeCertificate();
        Path nginxConf = lab.writeFile("nginx.conf", nginxConf());

        LabProcess nginx = nginx(nginxConf);
        LabProcess tcp = tcpListener();
        LabProcess udp = udpListener();
        LabProcess dns = dnsmasq();
        LabProcess smtp = exim();

        fifoLog = dir.resolve("fifo.log");
        Path fifoScript = lab.writeFile("fifo.sh", "#!/bin/sh\nwhile read line; do echo \"$line\" >> " + fifoLog
                + "; done < \"$1\"\n");
        Files.setPosixFilePermissions(fifoScript, PosixFilePermissions.fromString("rwxr-xr-x"));
        globals = "global_defs {\n    lvs_notify_fifo " + dir.resolve("lvs.fifo") + "\n    lvs_notify_fifo_script "
                + fifoScript + "\n}\n";
        Path conf = lab.writeFile("keepalived.conf", globals + conf(rec, md5(BODY)) + miscConf(misc));
        Daemon j = lab.jkeepalived(ns, conf);
        j.waitForLine("IPVS: Can't initialize ipvs: No such file or directory", START);
        j.waitForLine("Remote Web server [10.99.7.2]:tcp:80 succeed on service.", START);
        j.waitForLine("Remote Web server [10.99.7.2]:tcp:443 succeed on service.", UP);
        j.waitForLine("TCP connection to [10.99.7.3]:tcp:9000 success.", UP);
        j.waitForLine("UDP connection to [10.99.7.3]:udp:9001 success.", UP);
        j.waitForLine("Remote SMTP server [10.99.7.5]:tcp:25 succeed on service.", UP);
        j.waitForLine("ICMP connection to [10.99.7.6]:tcp:25 success.", UP);
        // a real server starts in the pool: no notify_up at start (lab-facts: rs_init_notifies is off)
        assertThat(lines(events)).isEmpty();

        // nginx stops: HTTP_GET and SSL_GET each take their real server out after one retry
        long t0 = System.nanoTime();
        int mark = j.process().mark();
        nginx.kill();
        waitFrom(j, mark, "HTTP_CHECK on service [10.99.7.2]:tcp:80 failed after 1 retries.");
        waitFrom(j, mark, "Removing service [10.99.7.2]:tcp:80 from VS [10.99.7.1]:tcp:80");
        long downMs = (System.nanoTime() - t0) / 1_000_000;
        waitFrom(j, mark, "Removing service [10.99.7.2]:tcp:443 from VS [10.99.7.1]:tcp:443");
        // the failure, then a retry delay_before_retry (1 s) later: never less than that
        assertThat(downMs).as("HTTP real server removed after stop, ms").isBetween(900L, DOWN.toMillis());
        Poll.until("notify_down web", DOWN, () -> lines(events).contains("down web"));
        Poll.until("lvs_notify_fifo lines", DOWN, () -> lines(fifoLog).containsAll(List.of(
                "RS [10.99.7.2]:tcp:80 [10.99.7.1]:tcp:80 DOWN", "RS [10.99.7.2]:tcp:443 [10.99.7.1]:tcp:443 DOWN",
                "VS [10.99.7.1]:tcp:443 DOWN")));

        // nginx back: the failed url once, then every url one delay_loop (2 s) later, then the server is up
        t0 = System.nanoTime();
        mark = j.process().mark();
        nginx = nginx(nginxConf);
        waitFrom(j, mark, "MD5 digest success to [10.99.7.2]:tcp:80 url(/health)");
        long firstGoodMs = (System.nanoTime() - t0) / 1_000_000;
        waitFrom(j, mark, "Remote Web server [10.99.7.2]:tcp:80 succeed on service.");
        waitFrom(j, mark, "Adding service [10.99.7.2]:tcp:80 to VS [10.99.7.1]:tcp:80");
        long upMs = (System.nanoTime() - t0) / 1_000_000;
        waitFrom(j, mark, "Adding service [10.99.7.2]:tcp:443 to VS [10.99.7.1]:tcp:443");
        assertThat(upMs - firstGoodMs).as("second good check one delay_loop after the first, ms").isGreaterThan(1_500L);
        Poll.until("notify_up web", UP, () -> lines(events).contains("up web"));

        // the plain TCP listener
        mark = j.process().mark();
        tcp.kill();
        waitFrom(j, mark, "TCP_CHECK on service [10.99.7.3]:tcp:9000 failed after 1 retries.");
        waitFrom(j, mark, "Removing service [10.99.7.3]:tcp:9000 from VS [10.99.7.1]:tcp:80");
        Poll.until("notify_down tcp", DOWN, () -> lines(events).contains("down tcp"));
        mark = j.process().mark();
        tcp = tcpListener();
        waitFrom(j, mark, "TCP connection to [10.99.7.3]:tcp:9000 success.");
        waitFrom(j, mark, "Adding service [10.99.7.3]:tcp:9000 to VS [10.99.7.1]:tcp:80");
        Poll.until("notify_up tcp", UP, () -> lines(events).contains("up tcp"));

        // DNS: dnsmasq answers for example.test; stopped, the query gets a port unreachable
        mark = j.process().mark();
        dns.kill();
        waitFrom(j, mark, "Removing service [10.99.7.4]:udp:53 from VS [10.99.7.1]:udp:53");
        assertThat(j.process().output()).contains("DNS_CHECK ([10.99.7.4]:udp:53) ");
        mark = j.process().mark();
        dns = dnsmasq();
        waitFrom(j, mark, "Adding service [10.99.7.4]:udp:53 to VS [10.99.7.1]:udp:53");

        // UDP: the listener gone, the kernel answers port unreachable
        mark = j.process().mark();
        udp.kill();
        waitFrom(j, mark, "Removing service [10.99.7.3]:udp:9001 from VS [10.99.7.1]:udp:53");
        mark = j.process().mark();
        udp = udpListener();
        waitFrom(j, mark, "Adding service [10.99.7.3]:udp:9001 to VS [10.99.7.1]:udp:53");

        // SMTP: exim behind socat
        mark = j.process().mark();
        smtp.kill();
        waitFrom(j, mark, "SMTP_CHECK Error connecting to server [10.99.7.5]:25");
        waitFrom(j, mark, "Removing service [10.99.7.5]:tcp:25 from VS [10.99.7.1]:tcp:25");
        mark = j.process().mark();
        smtp = exim();
        waitFrom(j, mark, "Adding service [10.99.7.5]:tcp:25 to VS [10.99.7.1]:tcp:25");

        // PING: the address goes away and comes back
        mark = j.process().mark();
        ns.run("ip", "addr", "del", "10.99.7.6/32", "dev", "lo");
        waitFrom(j, mark, "Removing service [10.99.7.6]:tcp:25 from VS [10.99.7.1]:tcp:25");
        mark = j.process().mark();
        ns.addAddress("lo", "10.99.7.6/32");
        waitFrom(j, mark, "Adding service [10.99.7.6]:tcp:25 to VS [10.99.7.1]:tcp:25");

        // MISC_CHECK with misc_dynamic: exit 12 sets the weight to 10, exit 1 fails
        mark = j.process().mark();
        Files.writeString(miscRc, "12\n");
        waitFrom(j, mark, "Changing weight from 1 to 10 for active service [10.99.7.3]:tcp:7000 of VS [10.99.7.1]:tcp:7000");
        mark = j.process().mark();
        Files.writeString(miscRc, "1\n");
        waitFrom(j, mark, "Misc check for [[10.99.7.3]:tcp:7000 VS [10.99.7.1]:tcp:7000] by [" + misc
                + "] failed after 1 retry (exited with status 1).");
        waitFrom(j, mark, "Removing service [10.99.7.3]:tcp:7000 from VS [10.99.7.1]:tcp:7000");
        mark = j.process().mark();
        Files.writeString(miscRc, "0\n");
        waitFrom(j, mark, "Misc check for [[10.99.7.3]:tcp:7000 VS [10.99.7.1]:tcp:7000] by [" + misc + "] succeeded.");
        waitFrom(j, mark, "Adding service [10.99.7.3]:tcp:7000 to VS [10.99.7.1]:tcp:7000");

        // SIGHUP without the MISC_CHECK's virtual server: it is removed, the others keep their state
        mark = j.process().mark();
        lab.writeFile("keepalived.conf", globals + conf(rec, md5(BODY)));
        j.process().signal("HUP");
        waitFrom(j, mark, "Removing Virtual Server [10.99.7.1]:tcp:7000");
        waitFrom(j, mark, "Activating healthchecker for service [10.99.7.2]:tcp:80 for VS [10.99.7.1]:tcp:80");
        assertThat(j.process().linesSince(mark))
                .noneMatch(l -> l.contains("Adding service") || l.contains("Removing service [10.99.7.2]"));

        // SIGTERM: every real server is shut down, no down notifiers without omega
        mark = j.process().mark();
        int before = lines(events).size();
        assertThat(j.stop(Duration.ofSeconds(20))).isZero();
        assertThat(j.process().linesSince(mark))
                .anyMatch(l -> l.endsWith("Shutting down service [10.99.7.2]:tcp:80 from VS [10.99.7.1]:tcp:80"));
        assertThat(lines(events)).hasSize(before);
        for (LabProcess p : List.of(nginx, tcp, udp, dns, smtp)) p.kill();
    }

    private static void waitFrom(Daemon d, int mark, String text) {
        d.process().waitForLine(Pattern.compile(Pattern.quote(text)), Duration.ofSeconds(20), mark);
    }

    private static List<String> lines(Path p) {
        try {
            return Files.exists(p) ? Files.readAllLines(p) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String md5(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.US_ASCII)));
    }

    private void makeCertificate() {
        ns.run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=jkeepalived-test",
                "-keyout", dir.resolve("key.pem").toString(), "-out", dir.resolve("cert.pem").toString());
    }

    private String nginxConf() {
        String d = dir.toString();
        return """
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/nginx-error.log;
                events { worker_connections 64; }
                http {
                    access_log off;
                    default_type text/plain;
                    client_body_temp_path %1$s/nginx-body;
                    proxy_temp_path %1$s/nginx-proxy;
                    fastcgi_temp_path %1$s/nginx-fastcgi;
                    uwsgi_temp_path %1$s/nginx-uwsgi;
                    scgi_temp_path %1$s/nginx-scgi;
                    server {
                        listen 10.99.7.2:80;
                        listen 10.99.7.2:443 ssl;
                        ssl_certificate %1$s/cert.pem;
                        ssl_certificate_key %1$s/key.pem;
                        location = /health { return 200 "healthy\\n"; }
                    }
                }
                """.formatted(d);
    }

    private LabProcess nginx(Path conf) {
        LabProcess p = lab.start(ns, "nginx", List.of("nginx", "-p", dir.toString(), "-c", conf.toString(), "-g", "daemon off;"));
        Poll.until("nginx listening", Duration.ofSeconds(10), () -> listening("tcp", "10.99.7.2:443"));
        return p;
    }

    private LabProcess tcpListener() {
        LabProcess p = lab.start(ns, "tcp", List.of("socat", "-u", "TCP-LISTEN:9000,bind=10.99.7.3,reuseaddr,fork", "OPEN:/dev/null"));
        Poll.until("tcp listener", Duration.ofSeconds(10), () -> listening("tcp", "10.99.7.3:9000"));
        return p;
    }

    private LabProcess udpListener() {
        LabProcess p = lab.start(ns, "udp", List.of("socat", "-u", "UDP-RECV:9001,bind=10.99.7.3,reuseaddr", "OPEN:/dev/null"));
        Poll.until("udp listener", Duration.ofSeconds(10), () -> listening("udp", "10.99.7.3:9001"));
        return p;
    }

    private LabProcess dnsmasq() {
        LabProcess p = lab.start(ns, "dnsmasq", List.of("dnsmasq", "--no-daemon", "--conf-file=/dev/null",
                "--listen-address=10.99.7.4", "--bind-interfaces", "--port=53", "--no-resolv", "--no-hosts",
                "--address=/example.test/10.99.7.9", "--pid-file=" + dir.resolve("dnsmasq.pid"), "--user=root"));
        Poll.until("dnsmasq listening", Duration.ofSeconds(10), () -> listening("udp", "10.99.7.4:53"));
        return p;
    }

    private LabProcess exim() {
        LabProcess p = lab.start(ns, "exim", List.of("socat", "TCP-LISTEN:25,bind=10.99.7.5,reuseaddr,fork",
                "EXEC:exim4 -bs"));
        Poll.until("exim listening", Duration.ofSeconds(10), () -> listening("tcp", "10.99.7.5:25"));
        return p;
    }

    private boolean listening(String proto, String local) {
        String out = ns.exec("ss", "-H", "-n", proto.equals("tcp") ? "-lt" : "-lu").stdout();
        return out.contains(local + " ");
    }

    private static String miscConf(Path misc) {
        return """
                virtual_server 10.99.7.1 7000 {
                    delay_loop 1
                    lvs_sched rr
                    lvs_method NAT
                    protocol TCP
                    real_server 10.99.7.3 7000 {
                        MISC_CHECK {
                            misc_path %s
                            misc_timeout 3
                            misc_dynamic
                            retry 1
                            delay_before_retry 1
                            warmup 0
                        }
                    }
                }
                """.formatted(misc);
    }

    private static String conf(Path rec, String digest) {
        String timing = "      connect_timeout 1\n      retry 1\n      delay_before_retry 1\n      warmup 0\n";
        return """
                virtual_server 10.99.7.1 80 {
                    delay_loop 2
                    lvs_sched rr
                    lvs_method NAT
                    protocol TCP
                    real_server 10.99.7.2 80 {
                        notify_up "%1$s up web"
                        notify_down "%1$s down web"
                        HTTP_GET {
                            url {
                                path /health
                                digest %2$s
                            }
                %3$s        }
                    }
                    real_server 10.99.7.3 9000 {
                        notify_up "%1$s up tcp"
                        notify_down "%1$s down tcp"
                        TCP_CHECK {
                %3$s        }
                    }
                }
                virtual_server 10.99.7.1 443 {
                    delay_loop 2
                    lvs_sched rr
                    lvs_method NAT
                    protocol TCP
                    real_server 10.99.7.2 443 {
                        SSL_GET {
                            url {
                                path /health
                                digest %2$s
                            }
                %3$s        }
                    }
                }
                virtual_server 10.99.7.1 53 {
                    delay_loop 2
                    lvs_sched rr
                    lvs_method NAT
                    protocol UDP
                    real_server 10.99.7.4 53 {
                        DNS_CHECK {
                            type A
                            name example.test
                %3$s        }
                    }
                    real_server 10.99.7.3 9001 {
                        UDP_CHECK {
                %3$s        }
                    }
                }
                virtual_server 10.99.7.1 25 {
                    delay_loop 2
                    lvs_sched rr
                    lvs_method NAT
                    protocol TCP
                    real_server 10.99.7.5 25 {
                        SMTP_CHECK {
                %3$s        }
                    }
                    real_server 10.99.7.6 25 {
                        PING_CHECK {
                %3$s        }
                    }
                }
                """.formatted(rec, digest, timing);
    }
}
