package io.marquee.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON templates shipped under {@code es-templates/} on the classpath, with names and patterns
 * rewritten for one deployment's {@link IndexNames}. Nothing else in the code base spells out the schema.
 */
public final class SchemaTemplates {

    /** Component templates in the order the movie index template composes them. */
    public static final List<String> COMPONENTS = List.of("movies-settings", "movies-mappings");
    /** Component templates of the audit index template. */
    public static final List<String> AUDIT_COMPONENTS = List.of("movies-audit-mappings");
    /** Component templates of the control index template. */
    public static final List<String> CONTROL_COMPONENTS = List.of("movies-control-mappings");

    private static final String ROOT = "/es-templates/";

    private final ObjectMapper json = new ObjectMapper();
    private final IndexNames names;

    public SchemaTemplates(IndexNames names) {
        this.names = names;
    }

    /** The deployment whose names the templates are rewritten for. */
    public IndexNames names() {
        return names;
    }

    /** Component template bodies by their (prefixed) name, in composition order. */
    public Map<String, String> componentTemplates() {
        Map<String, String> bodies = new LinkedHashMap<>();
        for (String component : Stream.of(COMPONENTS, AUDIT_COMPONENTS, CONTROL_COMPONENTS).flatMap(List::stream).toList()) {
            bodies.put(names.componentTemplate(component), read("component-templates/" + component + ".json").toString());
        }
        return bodies;
    }

    /** The composable index template bodies by (prefixed) name, patterns and components rewritten for the prefix. */
    public Map<String, String> indexTemplates() {
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put(names.indexTemplate(), indexTemplate("index-templates/movies.json", names.indexPattern(), COMPONENTS));
        bodies.put(names.auditTemplate(), indexTemplate("index-templates/movies-audit.json", names.auditPattern(), AUDIT_COMPONENTS));
        bodies.put(names.controlTemplate(), indexTemplate("index-templates/movies-control.json", names.controlIndex(), CONTROL_COMPONENTS));
        return bodies;
    }

    /**
     * How long a movie index remembers a deleted document's version ({@code index.gc_deletes}), as the settings
     * template says: the one place the tombstone retention is written.
     */
    public String tombstoneRetention() {
        return read("component-templates/movies-settings.json").path("template").path("settings").path("index").path("gc_deletes").asText();
    }

    /** The movie index template body. */
    public String indexTemplate() {
        return indexTemplates().get(names.indexTemplate());
    }

    private String indexTemplate(String resource, String pattern, List<String> components) {
        ObjectNode template = (ObjectNode) read(resource);
        ArrayNode patterns = template.putArray("index_patterns");
        patterns.add(pattern);
        ArrayNode composedOf = template.putArray("composed_of");
        components.forEach(component -> composedOf.add(names.componentTemplate(component)));
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

    /** The mapped properties of an audit entry. */
    public JsonNode auditMappingProperties() {
        return read("component-templates/movies-audit-mappings.json").path("template").path("mappings").path("properties");
    }

    /** The mapped properties of the control documents. */
    public JsonNode controlMappingProperties() {
        return read("component-templates/movies-control-mappings.json").path("template").path("mappings").path("properties");
    }

    /**
     * The Elasticsearch roles of the API's and the indexer's users, in the file-realm {@code roles.yml} format (the
     * chart hands the same file to ECK).
     */
    public static String roles() {
        try (InputStream in = SchemaTemplates.class.getResourceAsStream(ROOT + "security/roles.yml")) {
            if (in == null) {
                throw new IllegalStateException("Missing schema resource " + ROOT + "security/roles.yml");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Unreadable schema resource " + ROOT + "security/roles.yml", ex);
        }
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
