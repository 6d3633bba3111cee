/**
 * Typeahead: {@code /v1/suggest}, suggestions of titles and cast names as people type, from the completion fields
 * with typo tolerance, and a prefix match inside titles when the completions run short.
 */
package io.marquee.api.suggest;
