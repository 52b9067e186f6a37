package org.hotline.history;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code --name value} pairs (and bare {@code --flag} for true) over defaults; unknown names are refused. */
final class Options {

    private Options() {
    }

    static Map<String, String> parse(String[] args, Map<String, String> defaults) {
        Map<String, String> options = new LinkedHashMap<>(defaults);
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!defaults.containsKey(name)) {
                throw new IllegalArgumentException("unknown option " + name + "; known: " + defaults.keySet());
            }
            boolean flag = "false".equals(defaults.get(name)) || "true".equals(defaults.get(name));
            if (flag && (i + 1 == args.length || args[i + 1].startsWith("--"))) {
                options.put(name, "true");
            } else if (i + 1 < args.length) {
                options.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException(name + " needs a value");
            }
        }
        return options;
    }
}
