package io.marquee.bench;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One query of the mix, as the API is asked it and as the API asks Elasticsearch.
 *
 * @param kind which of the mix's query types it is
 * @param apiPath the API's path and query string, URL-encoded
 * @param esPath the Elasticsearch search path with the URL parameters the API sets, as the API sent it
 * @param esBody the search body the API sends, as it sent it
 * @param staticPath where nginx serves the very bytes of this query's API answer (set once they are known)
 */
record MixEntry(String kind, String apiPath, String esPath, String esBody, String staticPath) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * This query with the searches the API sent for it: one as it was sent; several (typeahead's two, sent at once) as
     * one {@code _msearch} carrying each with its own index and parameters, so the Elasticsearch runs do the work the
     * API asks of Elasticsearch for the query, in one request as the query is one.
     */
    MixEntry sending(List<SearchRecorder.Recorded> searches) {
        if (searches.size() == 1) {
            return new MixEntry(kind, apiPath, searches.get(0).pathAndQuery(), searches.get(0).body(), staticPath);
        }
        StringBuilder body = new StringBuilder();
        for (SearchRecorder.Recorded search : searches) {
            URI uri = URI.create(search.pathAndQuery());
            ObjectNode header = JSON.createObjectNode().put("index", uri.getPath().substring(1, uri.getPath().indexOf("/_search")));
            if (uri.getQuery() != null) {
                for (String parameter : uri.getQuery().split("&")) {
                    String[] pair = parameter.split("=", 2);
                    if (!pair[0].equals("typed_keys")) {
                        header.put(pair[0], pair.length > 1 ? pair[1] : "");
                    }
                }
            }
            body.append(header).append('\n').append(search.body()).append('\n');
        }
        return new MixEntry(kind, apiPath, "/_msearch?typed_keys=true", body.toString(), staticPath);
    }

    MixEntry servedAt(String path) {
        return new MixEntry(kind, apiPath, esPath, esBody, path);
    }
}
