{{/* The release's name, cut to what Kubernetes names allow. */}}
{{- define "marquee.fullname" -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}

{{- define "marquee.labels" -}}
app.kubernetes.io/part-of: marquee
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ include "marquee.tag" . | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
marquee.io/region: {{ .Values.region }}
marquee.io/environment: {{ .Values.environment }}
{{- end -}}

{{/* Selector labels of one component (api, indexer, reindex). */}}
{{- define "marquee.selector" -}}
app.kubernetes.io/name: marquee-{{ .component }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{/* Images are always pinned: a tag that is empty falls back to the chart's appVersion; "latest" is refused. */}}
{{- define "marquee.tag" -}}
{{- $tag := .Values.image.tag | default .Chart.AppVersion -}}
{{- if eq $tag "latest" -}}
{{- fail "image.tag must pin a version; \"latest\" is not deployable" -}}
{{- end -}}
{{- $tag -}}
{{- end -}}

{{- define "marquee.image" -}}
{{ .root.Values.image.registry }}/{{ .repository }}:{{ include "marquee.tag" .root }}
{{- end -}}

{{/* The ECK cluster's HTTPS service and the Secret with the CA of its certificates. */}}
{{- define "marquee.esUrl" -}}
https://{{ .Values.elasticsearch.name }}-es-http.{{ .Release.Namespace }}.svc:9200
{{- end -}}

{{- define "marquee.esCaSecret" -}}
{{ .Values.elasticsearch.name }}-es-http-certs-public
{{- end -}}

{{/* Non-root, no privilege escalation, no capabilities, read-only root filesystem: for every Marquee container. */}}
{{- define "marquee.containerSecurity" -}}
securityContext:
  runAsNonRoot: true
  runAsUser: 65532
  runAsGroup: 65532
  allowPrivilegeEscalation: false
  readOnlyRootFilesystem: true
  privileged: false
  capabilities:
    drop: ["ALL"]
  seccompProfile:
    type: RuntimeDefault
{{- end -}}

{{- define "marquee.podSecurity" -}}
securityContext:
  runAsNonRoot: true
  runAsUser: 65532
  runAsGroup: 65532
  fsGroup: 65532
  seccompProfile:
    type: RuntimeDefault
{{- end -}}

{{/* What both JVM workloads need to reach Elasticsearch over TLS as their own user. */}}
{{- define "marquee.esEnv" -}}
- name: ES_URL
  value: {{ include "marquee.esUrl" .root | quote }}
- name: ES_USERNAME
  valueFrom:
    secretKeyRef: {name: {{ .secret }}, key: username}
- name: ES_PASSWORD
  valueFrom:
    secretKeyRef: {name: {{ .secret }}, key: password}
- name: SPRING_SSL_BUNDLE_PEM_ELASTICSEARCH_TRUSTSTORE_CERTIFICATE
  value: file:/etc/marquee/es-ca/ca.crt
- name: SPRING_ELASTICSEARCH_RESTCLIENT_SSL_BUNDLE
  value: elasticsearch
{{- end -}}
