package io.marquee.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON templates shipped under {@code es-templates/} on the classpath, with names and patterns
 * rewritten for one deployment's {@link IndexNames}. Nothing else in the code base spells out the schema.
 */
public final class SchemaTemplates {

    /** Component templates in the order the index template composes them. */
    public static final List<String> COMPONENTS = List.of("movies-settings", "movies-mappings");

    private static final String ROOT = "/es-templates/";

    private final ObjectMapper json = new ObjectMapper();
    private final IndexNames names;

    public SchemaTemplates(IndexNames names) {
        this.names = names;
    }

    /** Component template bodies by their (prefixed) name, in composition order. */
    public Map<String, String> componentTemplates() {
        Map<String, String> bodies = new LinkedHashMap<>();
        for (String component : COMPONENTS) {
            bodies.put(names.componentTemplate(component), read("component-templates/" + component + ".json").toString());
        }
        return bodies;
    }

    /** The composable index template body, its patterns and components rewritten for the prefix. */
    public String indexTemplate() {
        ObjectNode template = (ObjectNode) read("index-templates/movies.json");
        ArrayNode patterns = template.putArray("index_patterns");
        patterns.add(names.indexPattern());
        ArrayNode composedOf = template.putArray("composed_of");
        COMPONENTS.forEach(component -> composedOf.add(names.componentTemplate(component)));
        return template.toString();
    }

    /** The schema version the index template declares. */
    public long version() {
        return read("index-templates/movies.json").path("version").asLong();
    }

    /** The mapped properties of a movie document, for checks that code and schema agree. */
    public JsonNode mappingProperties() {
        return read("component-templates/movies-mappings.json").path("template").path("mappings").path("properties");
    }

    private JsonNode read(String resource) {
        try (InputStream in = SchemaTemplates.class.getResourceAsStream(ROOT + resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing schema resource " + ROOT + resource);
            }
            return json.readTree(in);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Unreadable schema resource " + ROOT + resource, ex);
        }
    }
}
