package io.jkeepalived.config.tables;

import java.nio.file.Files;
import java.nio.file.Path;

/** Prints the exit code and diagnostics of a config file, for comparing with keepalived -t by hand. */
final class Probe {
    public static void main(String[] args) throws Exception {
        for (String f : args) {
            var l = ConfText.load(Files.readString(Path.of(f)));
            l.diagnostics().forEach(d -> System.out.println(d.format() + "   [" + d.kind() + "]"));
            System.out.println("rc=" + l.exitCode() + " lines=" + l.lines());
        }
    }
}
