package io.jkeepalived.config;

import io.jkeepalived.config.lexer.ConfigReader;
import io.jkeepalived.config.model.KeepalivedConfig;
import io.jkeepalived.config.parse.KeywordParser;
import io.jkeepalived.config.parse.MissingParameterException;
import io.jkeepalived.config.parse.ParseContext;
import io.jkeepalived.config.tables.RootBuilder;
import io.jkeepalived.config.tables.RootTable;
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
        ConfigReader reader = new ConfigReader(opts, diags);
        if (reader.mainFileMissing()) {
            return new LoadResult(null, diags.list(), diags.worst(), false, true);
        }
        ParseContext ctx = new ParseContext(diags, opts.interfaceExists());
        RootBuilder root = new RootBuilder();
        try {
            new KeywordParser(reader, ctx, RootTable.HINTS).parseRoot(RootTable.ROOT, root);
        } catch (MissingParameterException e) {
            return new LoadResult(null, diags.list(), diags.worst(), true, false);
        }
        KeepalivedConfig config = root.build(ctx);
        return new LoadResult(config, diags.list(), diags.worst(), false, false);
    }
}
