package io.marquee.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;

/** The Marquee chart, linted and rendered by real Helm (helm-java), as Kubernetes objects to inspect. */
final class Chart {

    static final Path DIRECTORY = Path.of("../charts/marquee").toAbsolutePath().normalize();
    static final String RELEASE = "marquee";
    static final String NAMESPACE = "marquee";
    /** Every environment's values file, next to the default values. */
    static final List<String> ENVIRONMENTS = List.of("values-staging.yaml", "values-prod-us-east-1.yaml", "values-prod-eu-west-1.yaml");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Chart() {
    }

    static LintResult lint() {
        return new Helm(DIRECTORY).lint().strict().call();
    }

    /** Renders with the default values, then {@code valuesFile} (when given) and {@code settings} over them. */
    static Rendered render(Optional<String> valuesFile, Map<String, Object> settings) {
        TemplateCommand template = new Helm(DIRECTORY).template().withName(RELEASE).withNamespace(NAMESPACE).withKubeVersion("1.31.0");
        valuesFile.ifPresent(file -> template.withValuesFile(DIRECTORY.resolve(file)));
        settings.forEach(template::set);
        return new Rendered(parse(template.call()));
    }

    static Rendered render(String valuesFile) {
        return render(Optional.of(valuesFile), Map.of());
    }

    private static List<JsonNode> parse(String manifests) {
        List<JsonNode> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(manifests)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null && !document.isNull() && !document.isEmpty()) {
                    objects.add(document);
                }
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return objects;
    }

    /** The objects of one rendering. */
    record Rendered(List<JsonNode> objects) {

        List<JsonNode> ofKind(String kind) {
            return objects.stream().filter(object -> kind.equals(object.path("kind").asText())).toList();
        }

        JsonNode one(String kind, String name) {
            return objects.stream().filter(object -> kind.equals(object.path("kind").asText()))
                    .filter(object -> name.equals(object.path("metadata").path("name").asText())).findFirst()
                    .orElseThrow(() -> new AssertionError("No " + kind + " " + name + " in " + names()));
        }

        List<String> names() {
            return objects.stream().map(object -> object.path("kind").asText() + "/" + object.path("metadata").path("name").asText()).toList();
        }

        /** Every pod spec: of Deployments, Jobs and CronJobs. */
        List<JsonNode> podSpecs() {
            List<JsonNode> specs = new ArrayList<>();
            for (JsonNode object : objects) {
                switch (object.path("kind").asText()) {
                    case "Deployment", "Job" -> specs.add(object.path("spec").path("template").path("spec"));
                    case "CronJob" -> specs.add(object.path("spec").path("jobTemplate").path("spec").path("template").path("spec"));
                    default -> {
                    }
                }
            }
            return specs;
        }
    }
}
