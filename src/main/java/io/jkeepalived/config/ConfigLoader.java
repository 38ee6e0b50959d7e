package io.jkeepalived.config;

import io.jkeepalived.config.lexer.ConfigReader;
import io.jkeepalived.config.model.KeepalivedConfig;
import io.jkeepalived.config.tables.ProcessPasses;
import java.util.function.Consumer;

/** Reads keepalived.conf: lexer → keyword tables → model, collecting diagnostics on the way. */
public final class ConfigLoader {
    private ConfigLoader() {}

    public static LoadResult load(LoadOptions opts) {
        return load(opts, d -> {});
    }

    /** @param sink sees each diagnostic as soon as it is reported (for -t printing in keepalived's order) */
    public static LoadResult load(LoadOptions opts, Consumer<Diagnostic> sink) {
        Diagnostics diags = new Diagnostics(sink);
        // the lexer's messages are kept apart, then merged into the parent's by line, as keepalived prints them
        Diagnostics lexer = new Diagnostics();
        ConfigReader reader = new ConfigReader(opts, lexer);
        if (reader.mainFileMissing()) {
            lexer.list().forEach(diags::add);
            return new LoadResult(null, diags.list(), diags.worst(), false, true);
        }
        // one view per keepalived process (parent, VRRP, checker, BFD), as keepalived -t reports them all
        ProcessPasses.Outcome o = ProcessPasses.run(reader, opts.interfaceExists(), reader::setIncludeCheck, lexer,
                reader::hadFileError, diags);
        KeepalivedConfig config = o.config();
        if (o.missingParameter()) return new LoadResult(null, diags.list(), diags.worst(), true, false);
        return new LoadResult(config, diags.list(), diags.worst(), false, false, o.fileError(), o.otherNamespace());
    }
}
