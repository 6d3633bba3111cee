package io.marquee.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Terraform, parsed by HashiCorp's HCL parser (npm {@code @cdktf/hcl2json}: no provider download needed), and held
 * to its security properties: encryption at rest everywhere, nothing public, TLS only, providers confined to their
 * prefixes, a dead-letter queue behind the ingest queue, no wildcard grants, and more than one region.
 */
class TerraformTests {

    private static final Path ROOT = Path.of("../terraform").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode files;

    @BeforeAll
    static void parse() throws IOException {
        List<String> paths;
        try (Stream<Path> walk = Files.walk(ROOT)) {
            paths = walk.filter(path -> path.toString().endsWith(".tf") || path.toString().endsWith(".tfvars")).map(Path::toString).sorted()
                    .toList();
        }
        List<String> args = new ArrayList<>(paths);
        NodeTools.Result result = NodeTools.script("hcl2json.mjs", args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.output()).isZero();
        files = JSON.readTree(result.output());
        assertThat(files.size()).isEqualTo(paths.size());
    }

    @Test
    void parsesEveryFile() {
        assertThat(files.size()).isGreaterThanOrEqualTo(20);
        assertThat(module("storage")).isNotNull();
    }

    @Test
    void encryptsTheBucketWithACustomerKeyAndNeverMakesItPublic() {
        JsonNode storage = module("storage");
        JsonNode sse = resource(storage, "aws_s3_bucket_server_side_encryption_configuration", "ingest").path("rule").get(0);
        assertThat(sse.path("apply_server_side_encryption_by_default").get(0).path("sse_algorithm").asText()).isEqualTo("aws:kms");
        assertThat(sse.path("apply_server_side_encryption_by_default").get(0).path("kms_master_key_id").asText()).contains("aws_kms_key.bucket");
        assertThat(resource(storage, "aws_kms_key", "bucket").path("enable_key_rotation").asBoolean()).isTrue();
        assertThat(resource(storage, "aws_s3_bucket_versioning", "ingest").path("versioning_configuration").get(0).path("status").asText())
                .isEqualTo("Enabled");
        JsonNode block = resource(storage, "aws_s3_bucket_public_access_block", "ingest");
        for (String setting : List.of("block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets")) {
            assertThat(block.path(setting).asBoolean()).as(setting).isTrue();
        }
        assertThat(statement(policy(storage, "bucket"), "DenyInsecureTransport").path("condition").toString())
                .contains("aws:SecureTransport", "false");
    }

    @Test
    void confinesEachProviderToItsOwnPrefix() {
        JsonNode write = policy(module("storage"), "provider_write");
        assertThat(statement(write, "WriteOwnPrefixOnly").path("resources").toString()).contains("/incoming/${each.key}/*");
        assertThat(statement(write, "ReadOwnQuarantineOnly").path("resources").toString()).contains("/quarantine/${each.key}/*");
        assertThat(statement(write, "ListOwnPrefixOnly").path("condition").toString())
                .contains("s3:prefix", "incoming/${each.key}/*", "quarantine/${each.key}/*");
        JsonNode indexer = policy(module("iam"), "indexer");
        assertThat(statement(indexer, "ReadDeliveries").path("resources").toString()).contains("/incoming/*");
        assertThat(statement(indexer, "WriteQuarantine").path("resources").toString()).contains("/quarantine/*");
    }

    @Test
    void letsTheIndexerRunTheDeadLetterRunbookAndNoMore() {
        JsonNode indexer = policy(module("iam"), "indexer");
        // DeadLetters.peek and replay, QueueConsumer.moveAside, IngestMetrics.refreshDepths: every SQS call they make.
        JsonNode deadLetters = statement(indexer, "WorkTheDeadLetterQueue");
        assertThat(texts(deadLetters.path("actions"))).containsExactlyInAnyOrder("sqs:SendMessage", "sqs:GetQueueAttributes",
                "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility");
        assertThat(texts(deadLetters.path("resources"))).containsExactly("${var.dead_letter_queue_arn}");
        JsonNode replay = statement(indexer, "ReplayDeadLetters");
        assertThat(texts(replay.path("actions"))).containsExactly("sqs:SendMessage");
        assertThat(texts(replay.path("resources"))).containsExactly("${var.queue_arn}");
        JsonNode consume = statement(indexer, "ConsumeTheQueue");
        assertThat(texts(consume.path("actions"))).containsExactlyInAnyOrder("sqs:ReceiveMessage", "sqs:DeleteMessage",
                "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes");
        assertThat(texts(statement(indexer, "WriteQuarantine").path("actions"))).as("quarantine records stream as multipart uploads")
                .containsExactlyInAnyOrder("s3:PutObject", "s3:AbortMultipartUpload");
        assertThat(texts(statement(indexer, "UseTheQueueKey").path("actions"))).containsExactlyInAnyOrder("kms:Decrypt", "kms:GenerateDataKey");
    }

    @Test
    void expiresOldDeliveriesAndQuarantineRecords() {
        JsonNode rules = resource(module("storage"), "aws_s3_bucket_lifecycle_configuration", "ingest").path("rule");
        assertThat(rules.findValuesAsText("prefix")).contains("incoming/", "quarantine/");
        assertThat(rules.toString()).contains("noncurrent_version_expiration", "\"expiration\"");
    }

    @Test
    void putsAnEncryptedDeadLetterQueueBehindTheEncryptedIngestQueue() {
        JsonNode queue = module("queue");
        JsonNode ingest = resource(queue, "aws_sqs_queue", "ingest");
        JsonNode deadLetter = resource(queue, "aws_sqs_queue", "dead_letter");
        assertThat(ingest.path("kms_master_key_id").asText()).contains("aws_kms_key.queue");
        assertThat(deadLetter.path("kms_master_key_id").asText()).contains("aws_kms_key.queue");
        assertThat(ingest.path("redrive_policy").asText()).contains("aws_sqs_queue.dead_letter.arn", "maxReceiveCount");
        JsonNode notification = resource(queue, "aws_s3_bucket_notification", "incoming").path("queue").get(0);
        assertThat(notification.path("filter_prefix").asText()).isEqualTo("incoming/");
        assertThat(notification.path("events").toString()).contains("s3:ObjectCreated:*", "s3:ObjectRemoved:*");
        assertThat(statement(policy(queue, "queue"), "BucketNotifications").path("condition").toString()).contains("aws:SourceArn");
    }

    @Test
    void grantsNoWildcardActionOnWildcardResources() {
        List<String> offending = new ArrayList<>();
        files.fields().forEachRemaining(file -> {
            JsonNode documents = file.getValue().path("data").path("aws_iam_policy_document");
            documents.fields().forEachRemaining(document -> {
                for (JsonNode statement : document.getValue().get(0).path("statement")) {
                    boolean allow = !"Deny".equals(statement.path("effect").asText("Allow"));
                    List<String> actions = texts(statement.path("actions"));
                    boolean anyAction = actions.contains("*");
                    boolean anyResource = texts(statement.path("resources")).contains("*");
                    if (allow && anyAction && anyResource) {
                        offending.add(file.getKey() + " " + document.getKey());
                    }
                    // A key policy's account statement is the one place kms:* on * belongs (the key's own policy).
                    if (allow && anyResource && actions.stream().anyMatch(action -> action.endsWith(":*"))
                            && !statement.path("sid").asText().equals("Account")) {
                        offending.add(file.getKey() + " " + document.getKey() + " " + actions);
                    }
                }
            });
        });
        assertThat(offending).isEmpty();
    }

    @Test
    void runsProductionInTwoRegionsReplicatingDeliveriesBothWays() {
        JsonNode prod = file("environments/prod/main.tf");
        JsonNode modules = prod.path("module");
        List<String> regionModules = new ArrayList<>();
        modules.fields().forEachRemaining(module -> {
            if (module.getValue().get(0).path("source").asText().endsWith("modules/region")) {
                regionModules.add(module.getValue().get(0).path("region").asText());
            }
        });
        assertThat(regionModules).containsExactlyInAnyOrder("us-east-1", "eu-west-1");
        assertThat(modules.path("replicate_us_east_1_to_eu_west_1").get(0).path("destination_bucket_arn").asText()).contains("eu_west_1");
        assertThat(modules.path("replicate_eu_west_1_to_us_east_1").get(0).path("destination_bucket_arn").asText()).contains("us_east_1");
        JsonNode replication = resource(module("replication"), "aws_s3_bucket_replication_configuration", "incoming").path("rule").get(0);
        assertThat(replication.path("destination").get(0).path("encryption_configuration").toString()).contains("replica_kms_key_id");
        JsonNode record = resource(module("dns"), "aws_route53_record", "api");
        assertThat(record.has("latency_routing_policy")).isTrue();
        assertThat(record.path("health_check_id").asText()).contains("aws_route53_health_check.region");
        // The pipeline smoke-tests each region by its own name (Jenkinsfile), which this record gives it.
        assertThat(resource(module("dns"), "aws_route53_record", "regional").path("name").asText()).isEqualTo("${each.key}.${var.record_name}");
        JsonNode check = resource(module("dns"), "aws_route53_health_check", "region");
        assertThat(check.path("resource_path").asText()).isEqualTo("${var.health_path}");
        assertThat(file("modules/dns/variables.tf").path("variable").path("health_path").get(0).path("default").asText())
                .isEqualTo("/actuator/health/readiness");
        // The failover runbook drains a region by its check's id.
        assertThat(file("environments/prod/outputs.tf").path("output").path("health_check_ids").get(0).path("value").asText())
                .contains("module.dns.health_check_ids");
        assertThat(file("environments/prod/versions.tf").path("terraform").get(0).path("backend").path("s3").get(0).path("encrypt").asBoolean())
                .isTrue();
    }

    @Test
    void isFormattedAsTerraformFmtWouldWriteIt() throws Exception {
        Assumptions.assumeTrue(onPath("terraform"), "no terraform binary here: formatting is checked where one exists (the pipeline)");
        NodeTools.Result result = NodeTools.run(List.of("terraform", "fmt", "-check", "-recursive", ROOT.toString()));
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv("PATH").split(java.io.File.pathSeparator)).anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    private static JsonNode file(String relative) {
        JsonNode found = files.path(ROOT.resolve(relative).toString());
        assertThat(found.isMissingNode()).as(relative).isFalse();
        return found;
    }

    private static JsonNode module(String name) {
        return file("modules/" + name + "/main.tf");
    }

    private static JsonNode resource(JsonNode file, String type, String name) {
        JsonNode found = file.path("resource").path(type).path(name);
        assertThat(found.isMissingNode()).as(type + "." + name).isFalse();
        return found.get(0);
    }

    private static JsonNode policy(JsonNode file, String name) {
        JsonNode found = file.path("data").path("aws_iam_policy_document").path(name);
        assertThat(found.isMissingNode()).as("policy " + name).isFalse();
        return found.get(0);
    }

    private static JsonNode statement(JsonNode policy, String sid) {
        for (JsonNode statement : policy.path("statement")) {
            if (sid.equals(statement.path("sid").asText())) {
                return statement;
            }
        }
        throw new AssertionError("No statement " + sid + " in " + policy);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
