package io.marquee.localstack;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The local stack's API key: random for each run, so no key is written into the repository, and given to the API
 * only as its SHA-256 ({@code Digests}), as production keys are.
 */
final class LocalKeys {

    private LocalKeys() {
    }

    static String newKey() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return "local-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
