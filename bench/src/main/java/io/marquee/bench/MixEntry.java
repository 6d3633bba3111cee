package io.marquee.bench;

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

    MixEntry sending(SearchRecorder.Recorded search) {
        return new MixEntry(kind, apiPath, search.pathAndQuery(), search.body(), staticPath);
    }

    MixEntry servedAt(String path) {
        return new MixEntry(kind, apiPath, esPath, esBody, path);
    }
}
