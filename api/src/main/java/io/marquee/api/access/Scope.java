package io.marquee.api.access;

/** What a key allows: searching and reading; submitting movies; reading audit history and administration. */
public enum Scope {
    SEARCH, WRITE, ADMIN
}
