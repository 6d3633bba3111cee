package io.marquee.api.identity;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

import org.springframework.http.server.reactive.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;

/**
 * Tags every HTTP server metric with the client it served: its configured client id, or {@code anonymous}. The set is
 * bounded by configuration, so it is safe as a low-cardinality tag; the request id and source address are not, and
 * go only into the logs.
 */
@Component
class CallerObservations extends DefaultServerRequestObservationConvention {

    @Override
    public KeyValues getLowCardinalityKeyValues(ServerRequestObservationContext context) {
        Object caller = context.getAttributes().get(Caller.KEY);
        String client = caller instanceof Caller known ? known.clientId() : Caller.ANONYMOUS;
        return super.getLowCardinalityKeyValues(context).and(KeyValue.of(Caller.CLIENT_TAG, client));
    }
}
