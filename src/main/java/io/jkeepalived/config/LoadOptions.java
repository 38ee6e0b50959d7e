package io.jkeepalived.config;

import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * How to load a configuration.
 *
 * @param mainFile        the {@code -f} file (a glob, as keepalived treats it)
 * @param configId        the {@code -i} id for {@code @id} lines (default: the short host name)
 * @param allConfig       {@code -e}: every configuration file must exist
 * @param interfaceExists whether a network interface of that name exists where the daemon runs
 */
public record LoadOptions(Path mainFile, String configId, boolean allConfig, Predicate<String> interfaceExists) {

    public static LoadOptions of(Path mainFile) {
        return new LoadOptions(mainFile, HostNames.shortHostName(), false, HostNames::interfaceExists);
    }

    public LoadOptions withConfigId(String id) {
        return new LoadOptions(mainFile, id, allConfig, interfaceExists);
    }

    public LoadOptions withAllConfig(boolean e) {
        return new LoadOptions(mainFile, configId, e, interfaceExists);
    }

    public LoadOptions withInterfaces(Predicate<String> p) {
        return new LoadOptions(mainFile, configId, allConfig, p);
    }
}
