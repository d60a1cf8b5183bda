package org.vitalis.app;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.vitalis.store.DatabaseConfig;

/**
 * The station's settings, from lowest to highest precedence: built-in defaults, the config file
 * ({@code vitalis.properties} in the data directory, or {@code --config FILE}), environment
 * variables, command-line options.
 */
public record AppConfig(Path dataDir, boolean demo, DatabaseConfig database, String workstation, int idleLockMinutes,
        String language, boolean dark) {

    public static final String CONFIG_FILE_NAME = "vitalis.properties";

    /** Command-line values; null where the option was not given. */
    public record Overrides(Path dataDir, Path configFile, boolean demo, String language, Boolean dark) {
    }

    public static AppConfig load(Overrides cli, Map<String, String> env) {
        Path dataDir = cli.dataDir() != null ? cli.dataDir()
                : env.containsKey("VITALIS_DATA_DIR") ? Path.of(env.get("VITALIS_DATA_DIR"))
                : DataDirectories.defaultFor(cli.demo());
        Path configFile = cli.configFile() != null ? cli.configFile() : dataDir.resolve(CONFIG_FILE_NAME);
        Properties file = new Properties();
        if (Files.isRegularFile(configFile)) {
            try (Reader r = Files.newBufferedReader(configFile, StandardCharsets.UTF_8)) {
                file.load(r);
            } catch (IOException e) {
                throw new ConfigException("Cannot read the config file " + configFile + ": " + e.getMessage());
            }
        } else if (cli.configFile() != null) {
            throw new ConfigException("The config file " + configFile + " does not exist.");
        }
        String url = pick(env, "VITALIS_DB_URL", file, "db.url", null);
        DatabaseConfig db;
        if (url == null || url.isBlank()) {
            db = DatabaseConfig.h2File(dataDir);
        } else {
            String user = pick(env, "VITALIS_DB_USER", file, "db.user", null);
            String password = pick(env, "VITALIS_DB_PASSWORD", file, "db.password", "");
            if (user == null || user.isBlank()) {
                throw new ConfigException("A PostgreSQL URL is configured but no user: set db.user in " + configFile
                        + " or VITALIS_DB_USER.");
            }
            try {
                db = DatabaseConfig.postgresql(url.strip(), user.strip(), password);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(e.getMessage());
            }
        }
        String workstation = pick(env, "VITALIS_WORKSTATION", file, "workstation.name", null);
        if (workstation == null || workstation.isBlank()) {
            workstation = hostName();
        }
        int idle = parseInt(pick(env, "VITALIS_IDLE_LOCK_MINUTES", file, "session.idleLockMinutes", "5"),
                "session.idleLockMinutes");
        if (idle < 1 || idle > 240) {
            throw new ConfigException("session.idleLockMinutes must be between 1 and 240, not " + idle + ".");
        }
        String language = cli.language() != null ? cli.language() : file.getProperty("ui.language", "en");
        if (!language.equals("en") && !language.equals("ar")) {
            throw new ConfigException("The language must be en or ar, not " + language + ".");
        }
        boolean dark = cli.dark() != null ? cli.dark() : "dark".equalsIgnoreCase(file.getProperty("ui.theme", "light"));
        return new AppConfig(dataDir, cli.demo(), db, workstation.strip(), idle, language, dark);
    }

    private static String pick(Map<String, String> env, String envName, Properties file, String key, String fallback) {
        String v = env.get(envName);
        if (v != null) {
            return v;
        }
        return file.getProperty(key, fallback);
    }

    private static int parseInt(String s, String key) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw new ConfigException(key + " must be a whole number, not \"" + s + "\".");
        }
    }

    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return System.getenv().getOrDefault("HOSTNAME", "workstation");
        }
    }

    /** A setting is missing or wrong; the message names it and where it came from. */
    public static final class ConfigException extends RuntimeException {
        public ConfigException(String message) {
            super(message);
        }
    }
}
