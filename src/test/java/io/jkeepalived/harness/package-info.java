/**
 * The network lab of the integration tests: {@link io.jkeepalived.harness.NetLab} (a JUnit 5 extension) makes
 * namespaces {@code jkt-<testJvmPid>-<n>}, LANs (a bridge in a switch namespace), addresses in 10.99.0.0/16 and
 * fd00:99::/64, runs commands in them ({@link io.jkeepalived.harness.Netns#exec}), starts long-running
 * processes under setsid with captured output ({@link io.jkeepalived.harness.LabProcess}), keepalived and
 * jkeepalived with their own pid files ({@link io.jkeepalived.harness.Daemon}) and tcpdump captures
 * ({@link io.jkeepalived.harness.Capture}), and removes all of it after the test, passed or failed.
 * Waiting is by polling with deadlines ({@link io.jkeepalived.harness.Poll}), never fixed sleeps.
 */
package io.jkeepalived.harness;
