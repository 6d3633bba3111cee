package io.marquee.api.access;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;

import io.marquee.text.Digests;

/**
 * The keys the API accepts: those in its configuration, and those in the keys file ({@code hashes-file}, in
 * production the mounted Secret, which Kubernetes updates in place), read again every {@code reload-interval} when
 * its content changed. A key removed from the file stops working within that interval, without a restart; a file
 * that cannot be read or holds an invalid key changes nothing (the keys before stay, and the reason is logged).
 */
final class KeyRing implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KeyRing.class);
    private static final String KEYS = "marquee.api.access.keys";
    /** Far more than any number of keys needs; a bigger file is not read. */
    static final long MAX_FILE_BYTES = 1024 * 1024;

    private final List<AccessProperties.Key> configured;
    private final Path file;
    private final java.time.Duration interval;
    private final Validator validator;
    private final ClientBuckets buckets;
    private volatile Map<String, AccessProperties.Key> byHash;
    private volatile String fileDigest = "";
    private ScheduledExecutorService reloads;

    KeyRing(AccessProperties properties, Validator validator, ClientBuckets buckets) {
        this.configured = properties.keys();
        this.file = properties.hashesFile();
        this.interval = properties.reloadInterval();
        this.validator = validator;
        this.buckets = buckets;
        this.byHash = index(configured);
        reload();
    }

    Optional<AccessProperties.Key> byHash(String sha256) {
        return Optional.ofNullable(byHash.get(sha256));
    }

    int size() {
        return byHash.size();
    }

    /** Reads the keys file again if its content changed; returns whether the keys changed. */
    synchronized boolean reload() {
        if (file == null) {
            return false;
        }
        byte[] content;
        try {
            if (!Files.isRegularFile(file)) {
                content = new byte[0];
            }
            else if (Files.size(file) > MAX_FILE_BYTES) {
                log.warn("Keys file {} is larger than {} bytes; keeping the keys before", file, MAX_FILE_BYTES);
                return false;
            }
            else {
                content = Files.readAllBytes(file);
            }
        }
        catch (IOException ex) {
            log.warn("Could not read keys file {}; keeping the keys before: {}", file, ex.toString());
            return false;
        }
        String digest = Digests.sha256Hex(content, Digests.SHA256_BYTES);
        if (digest.equals(fileDigest)) {
            return false;
        }
        List<AccessProperties.Key> fromFile;
        try {
            fromFile = parse(content);
        }
        catch (RuntimeException | IOException ex) {
            log.warn("Keys file {} is not valid; keeping the keys before: {}", file, ex.getMessage());
            return false;
        }
        List<AccessProperties.Key> all = new ArrayList<>(configured);
        all.addAll(fromFile);
        byHash = index(all);
        buckets.retainKeys(all);
        fileDigest = digest;
        log.info("API keys loaded: {} from configuration, {} from {}", configured.size(), fromFile.size(), file);
        return true;
    }

    private List<AccessProperties.Key> parse(byte[] content) throws IOException {
        if (content.length == 0) {
            return List.of();
        }
        List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("keys", new ByteArrayResource(content));
        List<AccessProperties.Key> keys = new Binder(ConfigurationPropertySources.from(sources))
                .bind(KEYS, Bindable.listOf(AccessProperties.Key.class)).orElse(List.of());
        for (AccessProperties.Key key : keys) {
            Set<ConstraintViolation<AccessProperties.Key>> violations = validator.validate(key);
            if (!violations.isEmpty()) {
                throw new IllegalArgumentException("key of " + key.clientId() + ": " + violations.stream()
                        .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().collect(Collectors.joining(", ")));
            }
        }
        return keys;
    }

    private static Map<String, AccessProperties.Key> index(List<AccessProperties.Key> keys) {
        return keys.stream().collect(Collectors.toUnmodifiableMap(AccessProperties.Key::sha256, Function.identity(), (a, b) -> a));
    }

    @Override
    public synchronized void start() {
        if (file == null || reloads != null) {
            return;
        }
        reloads = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "api-keys-reload");
            thread.setDaemon(true);
            return thread;
        });
        reloads.scheduleWithFixedDelay(this::reloadQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void reloadQuietly() {
        try {
            reload();
        }
        catch (RuntimeException ex) {
            log.warn("Reloading the API keys failed: {}", ex.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (reloads != null) {
            reloads.shutdownNow();
            reloads = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return reloads != null;
    }
}
