// Checks rendered Kubernetes objects against their schemas: built-in kinds and the KEDA, Prometheus Operator and
// external-secrets kinds with kubernetes-models; the ECK Elasticsearch kind with the CRD's own openAPIV3Schema.
// Usage: node validate-manifests.mjs <objects.json> <eck-elasticsearch-schema.json>
// Prints one line per object ("ok <kind>/<name>" or "invalid <kind>/<name>: <reasons>"); exits 1 if any is invalid.
import fs from 'node:fs';
import Ajv from 'ajv';

const [objectsFile, eckSchemaFile] = process.argv.slice(2);
const objects = JSON.parse(fs.readFileSync(objectsFile, 'utf8'));
// The CRD's schema is OpenAPI v3 with Kubernetes extensions: allow those keywords, check everything else. Unknown
// fields are refused, as the API server's strict field validation refuses them, except where the schema keeps them
// (x-kubernetes-preserve-unknown-fields, as under an Elasticsearch nodeSet's free-form config).
function strict(schema) {
  if (schema && typeof schema === 'object') {
    if (schema.properties && schema.additionalProperties === undefined && !schema['x-kubernetes-preserve-unknown-fields']) {
      schema.additionalProperties = false;
    }
    Object.values(schema).forEach(strict);
  }
  return schema;
}
const eckSchema = strict(JSON.parse(fs.readFileSync(eckSchemaFile, 'utf8')));
const ajv = new Ajv({ strict: false, allErrors: true });
// OpenAPI's formats only annotate types the schema already checks.
['int32', 'int64', 'date-time', 'byte', 'double', 'float', 'quantity'].forEach((format) => ajv.addFormat(format, true));
const validateElasticsearch = ajv.compile(eckSchema);

const packages = {
  'monitoring.coreos.com': '@kubernetes-models/prometheus-operator',
  'keda.sh': '@kubernetes-models/keda',
  'external-secrets.io': '@kubernetes-models/external-secrets',
};

async function modelOf(apiVersion, kind) {
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  const pkg = packages[group] || 'kubernetes-models';
  try {
    return (await import(`${pkg}/${apiVersion}`))[kind] || null;
  } catch (e) {
    return null;
  }
}

let invalid = 0;
for (const object of objects) {
  const id = `${object.apiVersion} ${object.kind}/${object.metadata && object.metadata.name}`;
  let problem = null;
  if (object.apiVersion === 'elasticsearch.k8s.elastic.co/v1' && object.kind === 'Elasticsearch') {
    // The CRD schema describes spec and status; apiVersion, kind and metadata are the API server's.
    if (!validateElasticsearch(object)) {
      problem = ajv.errorsText(validateElasticsearch.errors, { separator: '; ' });
    }
  } else {
    const Model = await modelOf(object.apiVersion, object.kind);
    if (!Model) {
      problem = 'no schema known for this kind';
    } else {
      try {
        new Model(object).validate();
      } catch (e) {
        problem = e.message.replace(/\s+/g, ' ');
      }
    }
  }
  if (problem) {
    invalid++;
    console.log(`invalid ${id}: ${problem}`);
  } else {
    console.log(`ok ${id}`);
  }
}
process.exit(invalid === 0 ? 0 : 1);
