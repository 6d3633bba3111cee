# What the chart needs in a cluster besides Kubernetes itself, each at a pinned chart version: the AWS Load Balancer
# Controller (the API's ALB), ECK (the Elasticsearch operator and its CRDs), KEDA (the indexer scaled by queue
# depth), the Prometheus Operator stack (ServiceMonitor, PrometheusRule, Grafana with its dashboard sidecar), and
# external-secrets with the ClusterSecretStore the chart's ExternalSecrets name.

resource "helm_release" "load_balancer_controller" {
  name       = "aws-load-balancer-controller"
  repository = "https://aws.github.io/eks-charts"
  chart      = "aws-load-balancer-controller"
  version    = var.chart_versions.load_balancer_controller
  namespace  = "kube-system"
  atomic     = true

  values = [yamlencode({
    clusterName  = var.cluster_name
    region       = var.region
    vpcId        = var.vpc_id
    replicaCount = 2
    serviceAccount = {
      name        = "aws-load-balancer-controller"
      annotations = { "eks.amazonaws.com/role-arn" = var.load_balancer_controller_role_arn }
    }
  })]
}

resource "helm_release" "eck_operator" {
  name             = "elastic-operator"
  repository       = "https://helm.elastic.co"
  chart            = "eck-operator"
  version          = var.chart_versions.eck_operator
  namespace        = "elastic-system"
  create_namespace = true
  atomic           = true
}

resource "helm_release" "keda" {
  name             = "keda"
  repository       = "https://kedacore.github.io/charts"
  chart            = "keda"
  version          = var.chart_versions.keda
  namespace        = "keda"
  create_namespace = true
  atomic           = true

  # The indexer's ScaledObject reads its queue's depth as the operator (identityOwner: operator).
  values = [yamlencode({
    podIdentity = { aws = { irsa = { enabled = true, roleArn = var.keda_role_arn } } }
  })]
}

resource "helm_release" "monitoring" {
  name             = "kube-prometheus-stack"
  repository       = "https://prometheus-community.github.io/helm-charts"
  chart            = "kube-prometheus-stack"
  version          = var.chart_versions.kube_prometheus_stack
  namespace        = "monitoring"
  create_namespace = true
  atomic           = true
  timeout          = 900

  values = [yamlencode({
    prometheus = {
      prometheusSpec = {
        # Pick up the chart's ServiceMonitors and PrometheusRules whatever their labels.
        serviceMonitorSelectorNilUsesHelmValues = false
        ruleSelectorNilUsesHelmValues           = false
        retention                               = "15d"
      }
    }
    grafana = {
      sidecar = {
        dashboards = { enabled = true, label = "grafana_dashboard", labelValue = "1", searchNamespace = "ALL" }
      }
    }
    alertmanager = { enabled = true }
  })]
}

resource "helm_release" "external_secrets" {
  name             = "external-secrets"
  repository       = "https://charts.external-secrets.io"
  chart            = "external-secrets"
  version          = var.chart_versions.external_secrets
  namespace        = "external-secrets"
  create_namespace = true
  atomic           = true

  values = [yamlencode({
    installCRDs = true
    serviceAccount = {
      name        = "external-secrets"
      annotations = { "eks.amazonaws.com/role-arn" = var.external_secrets_role_arn }
    }
  })]
}

# The store the chart's ExternalSecrets read from (values: externalSecrets.store).
resource "helm_release" "secret_store" {
  name       = "aws-secrets-manager"
  chart      = "${path.module}/secret-store"
  namespace  = "external-secrets"
  atomic     = true
  depends_on = [helm_release.external_secrets]

  values = [yamlencode({ region = var.region })]
}
