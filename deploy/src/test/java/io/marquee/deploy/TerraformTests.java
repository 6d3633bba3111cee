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
 * prefixes, a dead-letter queue behind the ingest queue, no wildcard grants, more than one region; each region's cluster
 * over three zones with a private endpoint and its add-ons, every version pinned; CloudFront behind WAF without sharing
 * keyed answers; CloudTrail into a write-once log; providers told of their rejections.
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
    void buildsEachRegionsClusterOverThreeZonesWithAPrivateEndpoint() {
        assertThat(module("region").path("module").path("cluster").get(0).path("source").asText()).isEqualTo("../cluster");
        assertThat(module("iam").isMissingNode()).isFalse();
        assertThat(module("region").path("module").path("iam").get(0).path("oidc_provider_arn").asText())
                .isEqualTo("${module.cluster.oidc_provider_arn}");
        JsonNode cluster = module("cluster");
        assertThat(cluster.path("locals").get(0).path("azs").asText()).isEqualTo("${slice(sort(data.aws_availability_zones.available.names), 0, 3)}");
        JsonNode vpc = cluster.path("module").path("vpc").get(0);
        assertThat(vpc.path("source").asText()).isEqualTo("terraform-aws-modules/vpc/aws");
        assertThat(vpc.path("azs").asText()).isEqualTo("${local.azs}");
        assertThat(vpc.path("private_subnets").asText()).contains("for index, az in local.azs");
        assertThat(vpc.path("one_nat_gateway_per_az").asBoolean()).isTrue();
        JsonNode eks = cluster.path("module").path("eks").get(0);
        assertThat(eks.path("source").asText()).isEqualTo("terraform-aws-modules/eks/aws");
        // Node groups: Elasticsearch one per zone (its EBS volumes are zonal), the apps group over all three.
        String elasticsearch = cluster.path("locals").get(0).path("elasticsearch_node_groups").asText();
        assertThat(elasticsearch).contains("for index, az in local.azs", "subnet_ids     = [module.vpc.private_subnets[index]]");
        assertThat(eks.path("eks_managed_node_groups").asText()).contains("local.elasticsearch_node_groups",
                "subnet_ids            = module.vpc.private_subnets");
        // The endpoint: private, and public only for the CIDRs given (none by default).
        assertThat(eks.path("cluster_endpoint_private_access").asBoolean()).isTrue();
        assertThat(eks.path("cluster_endpoint_public_access").asText()).isEqualTo("${length(var.endpoint_public_cidrs) > 0}");
        assertThat(eks.path("cluster_endpoint_public_access_cidrs").asText()).isEqualTo("${var.endpoint_public_cidrs}");
        assertThat(file("modules/cluster/variables.tf").path("variable").path("endpoint_public_cidrs").get(0).path("default").size()).isZero();
        assertThat(eks.path("enable_irsa").asBoolean()).isTrue();
        assertThat(eks.path("cluster_encryption_config").toString()).contains("secrets");
        assertThat(eks.path("enable_cluster_creator_admin_permissions").asBoolean(true)).isFalse();
        JsonNode ebs = eks.path("cluster_addons").path("aws-ebs-csi-driver");
        assertThat(ebs.path("service_account_role_arn").asText()).isEqualTo("${module.ebs_csi_role.iam_role_arn}");
        assertThat(cluster.path("module").path("ebs_csi_role").get(0).path("attach_ebs_csi_policy").asBoolean()).isTrue();
    }

    @Test
    void installsTheAddOnsTheChartNeedsInEveryCluster() throws IOException {
        JsonNode releases = module("addons").path("resource").path("helm_release");
        List<String> charts = new ArrayList<>();
        releases.forEach(release -> charts.add(release.get(0).path("chart").asText()));
        assertThat(charts).contains("aws-load-balancer-controller", "eck-operator", "keda", "kube-prometheus-stack", "external-secrets");
        // The chart's ExternalSecrets read this store, and its ServiceMonitor and PrometheusRule need the operator to select them.
        assertThat(Files.readString(ROOT.resolve("modules/addons/secret-store/templates/cluster-secret-store.yaml")))
                .contains("kind: ClusterSecretStore", "name: aws-secrets-manager");
        assertThat(Files.readString(ROOT.resolve("../charts/marquee/values.yaml"))).contains("storeName: aws-secrets-manager");
        assertThat(releases.path("secret_store").get(0).path("name").asText()).isEqualTo("aws-secrets-manager");
        assertThat(releases.path("monitoring").get(0).path("values").toString()).contains("ruleSelectorNilUsesHelmValues", "grafana_dashboard");
        assertThat(modulesFrom("environments/prod/main.tf", "modules/addons")).containsExactlyInAnyOrder("us_east_1_addons", "eu_west_1_addons");
        assertThat(modulesFrom("environments/staging/main.tf", "modules/addons")).containsExactly("us_east_1_addons");
    }

    @Test
    void pinsEveryModuleChartAndProviderVersion() {
        List<String> unpinned = new ArrayList<>();
        files.fields().forEachRemaining(file -> {
            file.getValue().path("module").fields().forEachRemaining(module -> {
                JsonNode call = module.getValue().get(0);
                boolean registry = !call.path("source").asText().startsWith(".");
                if (registry && !call.path("version").asText().matches("\\d+\\.\\d+\\.\\d+")) {
                    unpinned.add(file.getKey() + " module " + module.getKey());
                }
            });
            file.getValue().path("resource").path("helm_release").fields().forEachRemaining(release -> {
                JsonNode spec = release.getValue().get(0);
                if (spec.has("repository") && !spec.path("version").asText().startsWith("${var.chart_versions.")) {
                    unpinned.add(file.getKey() + " helm_release " + release.getKey());
                }
            });
            for (JsonNode terraform : file.getValue().path("terraform")) {
                for (JsonNode required : terraform.path("required_providers")) {
                    required.fields().forEachRemaining(provider -> {
                        if (provider.getValue().path("version").asText().isBlank()) {
                            unpinned.add(file.getKey() + " provider " + provider.getKey());
                        }
                    });
                }
            }
        });
        assertThat(unpinned).isEmpty();
        file("modules/addons/variables.tf").path("variable").path("chart_versions").get(0).path("default").fields()
                .forEachRemaining(chart -> assertThat(chart.getValue().asText()).as(chart.getKey()).matches("\\d+\\.\\d+\\.\\d+"));
        file("modules/cluster/variables.tf").path("variable").path("addon_versions").get(0).path("default").fields()
                .forEachRemaining(addon -> assertThat(addon.getValue().asText()).as(addon.getKey()).matches("v\\d+\\.\\d+\\.\\d+-eksbuild\\.\\d+"));
        module("cluster").path("module").path("eks").get(0).path("cluster_addons").fields()
                .forEachRemaining(addon -> assertThat(addon.getValue().path("addon_version").asText()).as(addon.getKey()).startsWith("${var.addon_versions."));
    }

    @Test
    void putsCloudFrontBehindWafInFrontOfTheRegionsWithoutSharingKeyedAnswers() {
        JsonNode edge = module("edge");
        JsonNode distribution = resource(edge, "aws_cloudfront_distribution", "api");
        assertThat(distribution.path("web_acl_id").asText()).isEqualTo("${aws_wafv2_web_acl.edge.arn}");
        JsonNode acl = resource(edge, "aws_wafv2_web_acl", "edge");
        assertThat(acl.path("scope").asText()).isEqualTo("CLOUDFRONT");
        JsonNode rate = acl.path("rule").get(0);
        assertThat(rate.path("action").toString()).contains("block");
        assertThat(rate.path("statement").get(0).path("rate_based_statement").get(0).path("aggregate_key_type").asText()).isEqualTo("IP");
        assertThat(acl.path("dynamic").path("rule").get(0).toString()).contains("managed_rule_group_statement", "\"vendor_name\":\"AWS\"");
        assertThat(texts(file("modules/edge/variables.tf").path("variable").path("managed_rule_groups").get(0).path("default")))
                .contains("AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet", "AWSManagedRulesAmazonIpReputationList");
        // Keyed answers are keyed: every header the API varies on is in the cache key (so forwarded too).
        JsonNode cache = resource(edge, "aws_cloudfront_cache_policy", "api");
        JsonNode key = cache.path("parameters_in_cache_key_and_forwarded_to_origin").get(0);
        assertThat(key.path("headers_config").get(0).path("header_behavior").asText()).isEqualTo("whitelist");
        assertThat(texts(key.path("headers_config").get(0).path("headers").get(0).path("items"))).contains("Authorization", "X-Api-Key", "Origin");
        assertThat(key.path("query_strings_config").get(0).path("query_string_behavior").asText()).isEqualTo("all");
        assertThat(key.path("enable_accept_encoding_gzip").asBoolean()).isTrue();
        // The API's Cache-Control decides: nothing is kept that it does not allow to be.
        assertThat(cache.path("default_ttl").asInt(-1)).isZero();
        assertThat(cache.path("min_ttl").asInt(-1)).isZero();
        JsonNode behavior = distribution.path("default_cache_behavior").get(0);
        assertThat(behavior.path("cache_policy_id").asText()).isEqualTo("${aws_cloudfront_cache_policy.api.id}");
        assertThat(behavior.path("viewer_protocol_policy").asText()).isEqualTo("redirect-to-https");
        assertThat(distribution.path("origin").get(0).path("custom_origin_config").get(0).path("origin_protocol_policy").asText())
                .isEqualTo("https-only");
        assertThat(distribution.path("viewer_certificate").get(0).path("minimum_protocol_version").asText()).startsWith("TLSv1.2");
        // The origin is the latency-routed, health-checked name of the regions' load balancers.
        assertThat(resource(module("dns"), "aws_route53_record", "api").path("name").asText()).isEqualTo("origin.${var.record_name}");
        for (String environment : List.of("prod", "staging")) {
            JsonNode call = file("environments/" + environment + "/main.tf").path("module").path("edge").get(0);
            assertThat(call.path("origin_domain_name").asText()).as(environment).isEqualTo("${module.dns.origin_name}");
        }
        assertThat(file("environments/prod/main.tf").path("module").path("edge").get(0).path("providers").toString())
                .as("CloudFront's WAF and certificate live in us-east-1").contains("aws.us_east_1");
    }

    @Test
    void recordsEveryObjectLevelCallOnTheIngestBucketsIntoAWriteOnceLog() {
        JsonNode trail = module("audit-trail");
        JsonNode cloudtrail = resource(trail, "aws_cloudtrail", "data_events");
        assertThat(cloudtrail.path("enable_log_file_validation").asBoolean()).isTrue();
        assertThat(cloudtrail.path("is_multi_region_trail").asBoolean()).isTrue();
        assertThat(cloudtrail.path("kms_key_id").asText()).contains("aws_kms_key.trail");
        String dataEvents = cloudtrail.path("advanced_event_selector").get(0).toString();
        assertThat(dataEvents).contains("eventCategory", "Data", "AWS::S3::Object", "resources.ARN", "var.bucket_arns");
        JsonNode lock = resource(trail, "aws_s3_bucket_object_lock_configuration", "trail").path("rule").get(0).path("default_retention").get(0);
        assertThat(lock.path("mode").asText()).isEqualTo("COMPLIANCE");
        assertThat(resource(trail, "aws_s3_bucket", "trail").path("object_lock_enabled").asBoolean()).isTrue();
        assertThat(file("environments/prod/main.tf").path("module").path("audit_trail").get(0).path("bucket_arns").toString())
                .contains("module.us_east_1.bucket_arn", "module.eu_west_1.bucket_arn");
        assertThat(file("environments/staging/main.tf").path("module").path("audit_trail").get(0).path("bucket_arns").toString())
                .contains("module.us_east_1.bucket_arn");
    }

    @Test
    void tellsEachProviderAboutItsRejectionsOnItsOwnTopic() {
        JsonNode storage = module("storage");
        JsonNode topic = resource(storage, "aws_sns_topic", "quarantine");
        assertThat(topic.path("for_each").asText()).isEqualTo("${var.providers_allowed}");
        assertThat(topic.path("kms_master_key_id").asText()).contains("aws_kms_key.notices");
        JsonNode policy = policy(storage, "quarantine_topic");
        assertThat(statement(policy, "BucketPublishes").path("condition").toString()).contains("aws:SourceArn", "aws_s3_bucket.ingest.arn");
        assertThat(statement(policy, "ProviderSubscribes").path("principals").toString()).contains("${each.value}");
        JsonNode notices = resource(module("queue"), "aws_s3_bucket_notification", "incoming").path("dynamic").path("topic").get(0);
        assertThat(notices.path("for_each").asText()).isEqualTo("${var.quarantine_topic_arns}");
        assertThat(notices.path("content").get(0).path("filter_prefix").asText()).isEqualTo("quarantine/${topic.key}/");
        assertThat(module("region").path("module").path("queue").get(0).path("quarantine_topic_arns").asText())
                .isEqualTo("${module.storage.quarantine_topic_arns}");
    }

    @Test
    void encryptsEveryBucketQueueAndTopicAndMakesNoBucketPublic() {
        List<String> offending = new ArrayList<>();
        files.fields().forEachRemaining(file -> {
            JsonNode resources = file.getValue().path("resource");
            resources.path("aws_s3_bucket").fieldNames().forEachRemaining(bucket -> {
                JsonNode sse = resources.path("aws_s3_bucket_server_side_encryption_configuration").path(bucket);
                if (!sse.toString().contains("aws:kms")) {
                    offending.add(file.getKey() + " bucket " + bucket + " without SSE-KMS");
                }
                JsonNode block = resources.path("aws_s3_bucket_public_access_block").path(bucket);
                for (String setting : List.of("block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets")) {
                    if (block.isMissingNode() || !block.get(0).path(setting).asBoolean()) {
                        offending.add(file.getKey() + " bucket " + bucket + " without " + setting);
                    }
                }
                if (!file.getValue().path("data").path("aws_iam_policy_document").toString().contains("DenyInsecureTransport")) {
                    offending.add(file.getKey() + " bucket " + bucket + " without a TLS-only policy");
                }
            });
            for (String type : List.of("aws_sqs_queue", "aws_sns_topic")) {
                resources.path(type).fields().forEachRemaining(queue -> {
                    if (queue.getValue().get(0).path("kms_master_key_id").asText().isBlank()) {
                        offending.add(file.getKey() + " " + type + " " + queue.getKey() + " without a KMS key");
                    }
                });
            }
        });
        assertThat(offending).isEmpty();
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

    private static List<String> modulesFrom(String relative, String source) {
        List<String> names = new ArrayList<>();
        file(relative).path("module").fields().forEachRemaining(module -> {
            if (module.getValue().get(0).path("source").asText().endsWith(source)) {
                names.add(module.getKey());
            }
        });
        return names;
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
