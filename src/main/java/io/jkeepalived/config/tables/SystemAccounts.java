package io.jkeepalived.config.tables;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a user or group name exists (getpwnam/getgrnam), read from /etc/passwd and /etc/group, for
 * MISC_CHECK's {@code user} keyword. Replaceable in tests.
 */
final class SystemAccounts {
    private SystemAccounts() {}

    interface Lookup {
        boolean userExists(String name);

        boolean groupExists(String name);
    }

    static volatile Lookup current = new Lookup() {
        @Override
        public boolean userExists(String name) {
            return hasName(Path.of("/etc/passwd"), name);
        }

        @Override
        public boolean groupExists(String name) {
            return hasName(Path.of("/etc/group"), name);
        }
    };

    private static boolean hasName(Path file, String name) {
        try (var lines = Files.lines(file)) {
            return lines.anyMatch(l -> l.startsWith(name + ":"));
        } catch (IOException e) {
            return false;
        }
    }
}
