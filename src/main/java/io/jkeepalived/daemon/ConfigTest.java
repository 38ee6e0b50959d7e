package io.jkeepalived.daemon;

import io.jkeepalived.config.ConfigError;
import io.jkeepalived.config.ConfigLoader;
import io.jkeepalived.config.LoadOptions;
import io.jkeepalived.config.LoadResult;
import io.jkeepalived.daemon.cli.Options;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * {@code -t}: read the configuration, print each message, exit with keepalived 2.2.7's config-test status.
 * Kept lean on purpose (no logging framework, no threads): it is timed against keepalived's 0.13 s.
 */
final class ConfigTest {
    private ConfigTest() {}

    /** The status to exit with; messages go to {@code err}, or to the {@code -t=FILE} file. */
    static int run(Options o, boolean badArgument, PrintStream err) {
        PrintStream sink = err;
        OutputStream file = null;
        String logName = o.configTestLog();
        if (logName != null) {
            try {
                // keepalived: open(O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW, 0644) then dup2 onto stderr
                file = Files.newOutputStream(Path.of(logName), StandardOpenOption.WRITE, StandardOpenOption.APPEND,
                        StandardOpenOption.CREATE, LinkOption.NOFOLLOW_LINKS);
                sink = new PrintStream(file, true, StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                err.println("Unable to open config-test log file " + logName + " " + errnoText(e));
                return 1;
            }
        }
        try {
            PrintStream out = sink;
            LoadResult r = ConfigLoader.load(loadOptions(o), d -> out.println(d.format()));
            out.flush();
            return exitCode(r, badArgument);
        } finally {
            if (file != null) sink.close();
        }
    }

    static LoadOptions loadOptions(Options o) {
        LoadOptions lo = LoadOptions.of(o.configFile());
        if (o.configId() != null) lo = lo.withConfigId(o.configId());
        return lo.withAllConfig(o.has(io.jkeepalived.daemon.cli.Opt.ALL_CONFIG));
    }

    /** An invalid {@code -S} counts as a configuration error in keepalived (measured: -t then gives 5). */
    static int exitCode(LoadResult r, boolean badArgument) {
        int code = r.configTestExitCode();
        if (!badArgument || r.missingParameter() || r.fileError() || r.otherNamespace()) return code;
        return r.worst().worse(ConfigError.INVALID_NUMBER).configTestExitCode();
    }

    /** keepalived prints {@code errno - strerror}; the JDK gives the reason only, so map the usual ones. */
    static String errnoText(Exception e) {
        if (e instanceof NoSuchFileException) return "2 - No such file or directory";
        if (e instanceof AccessDeniedException) return "13 - Permission denied";
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            String reason = fse.getReason();
            if (reason.contains("symbolic links")) return "40 - Too many levels of symbolic links";
            if (reason.contains("directory")) return "21 - Is a directory";
            return "5 - " + reason;
        }
        return "5 - Input/output error";
    }

}
