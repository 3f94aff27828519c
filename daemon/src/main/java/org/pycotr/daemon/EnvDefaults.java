package org.pycotr.daemon;

import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Lets every option be set by an environment variable: {@code --miner-pause} by
 * {@code PYCOTR_MINER_PAUSE}, and so on. A flag on the command line wins over the variable, the
 * variable over the built-in default. Docker Compose configures nodes this way.
 */
public final class EnvDefaults implements IDefaultValueProvider {
    private final Map<String, String> env;

    public EnvDefaults(Map<String, String> env) {
        this.env = env;
    }

    public static String variableFor(OptionSpec option) {
        return "PYCOTR_" + option.longestName().replaceFirst("^--", "").replace('-', '_').toUpperCase(java.util.Locale.ROOT);
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (arg instanceof OptionSpec option && option.longestName().startsWith("--")) {
            return env.get(variableFor(option));
        }
        return null;
    }
}
