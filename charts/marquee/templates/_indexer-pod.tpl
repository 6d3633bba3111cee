{{/*
The indexer's pod: the consuming Deployment, the reindex Job and CronJob and the bootstrap hook all run this, with
their own arguments. Call with (dict "root" $ "args" (list …) "serves" bool).
*/}}
{{- define "marquee.indexerPod" -}}
{{- $root := .root -}}
serviceAccountName: {{ include "marquee.fullname" $root }}-indexer
{{- include "marquee.podSecurity" $root | nindent 0 }}
containers:
  - name: indexer
    image: {{ include "marquee.image" (dict "root" $root "repository" $root.Values.indexer.repository) }}
    imagePullPolicy: {{ $root.Values.image.pullPolicy }}
    args:
      {{- toYaml .args | nindent 6 }}
    {{- if .serves }}
    ports:
      - name: http
        containerPort: {{ $root.Values.indexer.port }}
        protocol: TCP
    {{- end }}
    env:
      - name: PORT
        value: {{ $root.Values.indexer.port | quote }}
      - name: JAVA_TOOL_OPTIONS
        value: {{ $root.Values.indexer.javaOptions | quote }}
      - name: AWS_REGION
        value: {{ $root.Values.region | quote }}
      - name: MARQUEE_REGION
        value: {{ $root.Values.region | quote }}
      - name: MARQUEE_QUEUE_URL
        value: {{ $root.Values.indexer.queueUrl | quote }}
      - name: MARQUEE_DEAD_LETTER_QUEUE_URL
        value: {{ $root.Values.indexer.deadLetterQueueUrl | quote }}
      - name: MARQUEE_BUCKET
        value: {{ $root.Values.indexer.bucket | quote }}
      - name: MARQUEE_INDEXER_PIPELINE_CONCURRENCY
        value: {{ $root.Values.indexer.concurrency | quote }}
      {{- include "marquee.esEnv" (dict "root" $root "secret" $root.Values.elasticsearch.indexerUserSecret) | nindent 6 }}
    {{- include "marquee.containerSecurity" $root | nindent 4 }}
    resources:
      {{- toYaml $root.Values.indexer.resources | nindent 6 }}
    {{- if .serves }}
    startupProbe:
      httpGet: {path: /actuator/health/liveness, port: http}
      periodSeconds: 2
      failureThreshold: 60
    livenessProbe:
      httpGet: {path: /actuator/health/liveness, port: http}
      periodSeconds: 10
      timeoutSeconds: 2
      failureThreshold: 3
    readinessProbe:
      httpGet: {path: /actuator/health/readiness, port: http}
      periodSeconds: 10
      timeoutSeconds: 2
    {{- end }}
    volumeMounts:
      - {name: tmp, mountPath: /tmp}
      - {name: es-ca, mountPath: /etc/marquee/es-ca, readOnly: true}
volumes:
  - name: tmp
    emptyDir: {sizeLimit: 1Gi}
  - name: es-ca
    secret: {secretName: {{ include "marquee.esCaSecret" $root }}}
{{- end -}}
