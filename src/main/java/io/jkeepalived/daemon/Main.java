package io.jkeepalived.daemon;

/** Entry point; the command line is keepalived 2.2's (see {@code Cli}). */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (args.length > 0 && (args[0].equals("-v") || args[0].equals("--version"))) {
            System.err.println("jkeepalived v0.1.0");
            return;
        }
        if (args.length > 0 && args[0].equals("--aot-training")) {
            return;
        }
        System.err.println("jkeepalived: not implemented yet");
        System.exit(1);
    }
}
