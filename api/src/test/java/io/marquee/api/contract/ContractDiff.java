package io.marquee.api.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedSchema;
import org.openapitools.openapidiff.core.model.Endpoint;

/**
 * What changed between the committed contract and a served document, as openapi-diff sees it, with one rule added:
 * a response field that disappears is breaking for the clients that read it, though openapi-diff counts the removal
 * of a property it does not see as required as compatible (OpenAPITools/openapi-diff#198, #673).
 */
record ContractDiff(List<String> breaking, List<String> changes) {

    static ContractDiff of(String committed, String served) {
        ChangedOpenApi diff = OpenApiCompare.fromContents(committed, served);
        List<String> breaking = new ArrayList<>(endpoints("removed", diff.getMissingEndpoints()));
        List<String> changes = new ArrayList<>(endpoints("new", diff.getNewEndpoints()));
        for (ChangedOperation operation : diff.getChangedOperations()) {
            String name = operation.getHttpMethod() + " " + operation.getPathUrl();
            if (operation.isIncompatible()) {
                breaking.add("changed incompatibly: " + name);
            }
            else {
                changes.add("changed: " + name);
            }
            if (operation.getApiResponses() != null) {
                operation.getApiResponses().getMissing().keySet().forEach(status -> breaking.add("response removed: " + name + " " + status));
                operation.getApiResponses().getChanged().forEach((status, response) -> {
                    if (response.getContent() != null) {
                        response.getContent().getChanged().values().forEach(media ->
                                removedFields(media.getSchema(), name + " " + status + " ", breaking));
                    }
                });
            }
        }
        return new ContractDiff(List.copyOf(breaking), List.copyOf(changes));
    }

    boolean unchanged() {
        return breaking.isEmpty() && changes.isEmpty();
    }

    private static void removedFields(ChangedSchema schema, String at, List<String> breaking) {
        if (schema == null) {
            return;
        }
        schema.getMissingProperties().keySet().forEach(field -> breaking.add("response field removed: " + at + field));
        for (Map.Entry<String, ChangedSchema> property : schema.getChangedProperties().entrySet()) {
            removedFields(property.getValue(), at + property.getKey() + ".", breaking);
        }
        removedFields(schema.getItems(), at + "[].", breaking);
    }

    private static List<String> endpoints(String what, List<Endpoint> endpoints) {
        return endpoints.stream().map(endpoint -> what + ": " + endpoint.getMethod() + " " + endpoint.getPathUrl()).toList();
    }
}
