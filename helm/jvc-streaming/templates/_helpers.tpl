{{/* Chart name, truncated to 63 chars. */}}
{{- define "jvc.name" -}}
{{- .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Resource name prefix: fullnameOverride, else the release name (so users type <release>-stickers-driver). */}}
{{- define "jvc.prefix" -}}
{{- default .Release.Name .Values.fullnameOverride | trunc 40 | trimSuffix "-" -}}
{{- end -}}

{{- define "jvc.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Standard labels; call with (dict "ctx" $ "component" "scraper"). */}}
{{- define "jvc.labels" -}}
helm.sh/chart: {{ include "jvc.chart" .ctx }}
{{ include "jvc.selectorLabels" . }}
app.kubernetes.io/version: {{ .ctx.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .ctx.Release.Service }}
app.kubernetes.io/part-of: jvc-streaming
{{- with .ctx.Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* Immutable selector labels; call with (dict "ctx" $ "component" "scraper"). */}}
{{- define "jvc.selectorLabels" -}}
app.kubernetes.io/name: {{ include "jvc.name" .ctx }}
app.kubernetes.io/instance: {{ .ctx.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{/* image reference; call with (dict "ctx" $ "image" .Values.scraper.image). */}}
{{- define "jvc.image" -}}
{{- printf "%s:%s" .image.repository (default .ctx.Chart.AppVersion .image.tag) -}}
{{- end -}}

{{- define "jvc.scraperName" -}}{{ include "jvc.prefix" . }}-scraper{{- end -}}
{{- define "jvc.redisName" -}}{{ include "jvc.prefix" . }}-redis{{- end -}}
{{- define "jvc.simulatorName" -}}{{ include "jvc.prefix" . }}-simulator{{- end -}}
{{- define "jvc.dashboardName" -}}{{ include "jvc.prefix" . }}-dashboard{{- end -}}
{{- define "jvc.checkpointPvcName" -}}{{ include "jvc.prefix" . }}-spark-checkpoints{{- end -}}

{{- define "jvc.sparkServiceAccountName" -}}
{{- if .Values.spark.serviceAccount.create -}}
{{- default (printf "%s-spark" (include "jvc.prefix" .)) .Values.spark.serviceAccount.name -}}
{{- else -}}
{{- required "spark.serviceAccount.name is required when spark.serviceAccount.create is false" .Values.spark.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* true when the scraper replicas elect a leader (explicitly, or because there are several). */}}
{{- define "jvc.leaderElection" -}}
{{- if or .Values.scraper.leaderElection.enabled (gt (int .Values.scraper.replicas) 1) -}}true{{- end -}}
{{- end -}}

{{- define "jvc.leaseName" -}}
{{- default (include "jvc.scraperName" .) .Values.scraper.leaderElection.leaseName -}}
{{- end -}}

{{/* host:port of the scraper's stream, as the Spark receivers (in other pods) reach it. */}}
{{- define "jvc.streamAddress" -}}
{{- printf "%s.%s.svc.cluster.local:%d" (include "jvc.scraperName" .) .Release.Namespace (int .Values.scraper.streamPort) -}}
{{- end -}}

{{- define "jvc.forumUrl" -}}
{{- if .Values.simulator.enabled -}}
{{- printf "http://%s:%d/forums/0-51-0-1-0-1-0-blabla-18-25-ans.htm" (include "jvc.simulatorName" .) (int .Values.simulator.port) -}}
{{- else -}}
{{- .Values.scraper.forumUrl -}}
{{- end -}}
{{- end -}}

{{/* The application version the Spark jobs checkpoint under (JVC_APP_VERSION). */}}
{{- define "jvc.sparkAppVersion" -}}
{{- default .Chart.AppVersion .Values.spark.appVersion -}}
{{- end -}}

{{- define "jvc.credentialsName" -}}{{ include "jvc.prefix" . }}-credentials{{- end -}}

{{/* secretKeyRef fields (name, key) of each credential: the user's existingSecret, else the generated Secret. */}}
{{- define "jvc.streamTokenRef" -}}
{{- with .Values.scraper.streamToken -}}
name: {{ default (include "jvc.credentialsName" $) .existingSecret }}
key: {{ ternary .key "stream-token" (ne .existingSecret "") }}
{{- end -}}
{{- end -}}
{{- define "jvc.redisPasswordRef" -}}
{{- with .Values.redis.auth -}}
name: {{ default (include "jvc.credentialsName" $) .existingSecret }}
key: {{ ternary .passwordKey "redis-password" (ne .existingSecret "") }}
{{- end -}}
{{- end -}}
{{- define "jvc.resultsTokenRef" -}}
{{- with .Values.dashboard.resultsToken -}}
name: {{ default (include "jvc.credentialsName" $) .existingSecret }}
key: {{ ternary .key "results-token" (ne .existingSecret "") }}
{{- end -}}
{{- end -}}
{{/* The REDIS_URL Secret reference (bundled Redis: the URL with its password; externalRedis.existingSecret), or
nothing when externalRedis.url is a plain value. */}}
{{- define "jvc.redisUrlRef" -}}
{{- if .Values.redis.enabled -}}
{{- with .Values.redis.auth -}}
name: {{ default (include "jvc.credentialsName" $) .existingSecret }}
key: {{ ternary .urlKey "redis-url" (ne .existingSecret "") }}
{{- end -}}
{{- else if .Values.externalRedis.existingSecret -}}
name: {{ .Values.externalRedis.existingSecret }}
key: {{ .Values.externalRedis.existingSecretKey }}
{{- end -}}
{{- end -}}

{{/* REDIS_URL env entry: from a Secret, or the plain externalRedis.url. */}}
{{- define "jvc.redisUrlEnv" -}}
- name: REDIS_URL
{{- with include "jvc.redisUrlRef" . }}
  valueFrom:
    secretKeyRef:
      {{- . | nindent 6 }}
{{- else }}
  value: {{ .Values.externalRedis.url | quote }}
{{- end }}
{{- end -}}

{{/* STREAM_TOKEN env entry from its Secret, when the token is on. */}}
{{- define "jvc.streamTokenEnv" -}}
{{- if .Values.scraper.streamToken.enabled -}}
- name: STREAM_TOKEN
  valueFrom:
    secretKeyRef:
      {{- include "jvc.streamTokenRef" . | nindent 6 }}
{{- end -}}
{{- end -}}

{{/* JVC_RESULTS_TOKEN env entry from its Secret. */}}
{{- define "jvc.resultsTokenEnv" -}}
- name: JVC_RESULTS_TOKEN
  valueFrom:
    secretKeyRef:
      {{- include "jvc.resultsTokenRef" . | nindent 6 }}
{{- end -}}

{{/* "name:key" of a secretKeyRef, the form Spark's spark.kubernetes.<role>.secretKeyRef.<ENV> takes. */}}
{{- define "jvc.sparkSecretRef" -}}
{{- $r := fromYaml . -}}
{{- printf "%s:%s" $r.name $r.key -}}
{{- end -}}

{{- define "jvc.sparkExecutorServiceAccountName" -}}
{{- if .Values.spark.executorServiceAccount.create -}}
{{- default (printf "%s-spark-executor" (include "jvc.prefix" .)) .Values.spark.executorServiceAccount.name -}}
{{- else -}}
{{- required "spark.executorServiceAccount.name is required when spark.executorServiceAccount.create is false" .Values.spark.executorServiceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* Selector of the Spark driver and executor pods of this release (labels set in every SparkApplication). */}}
{{- define "jvc.sparkPodSelector" -}}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: spark-job
{{- end -}}

{{/* Hardened container securityContext for our own images. */}}
{{- define "jvc.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
capabilities:
  drop: ["ALL"]
{{- end -}}

{{/* A job's driver / executor: spark.driver / spark.executor with the job's own keys on top; call with
(dict "ctx" $ "job" $job), read back with fromYaml. */}}
{{- define "jvc.jobDriver" -}}
{{- toYaml (merge (deepCopy (default (dict) .job.driver)) (deepCopy .ctx.Values.spark.driver)) -}}
{{- end -}}
{{- define "jvc.jobExecutor" -}}
{{- toYaml (merge (deepCopy (default (dict) .job.executor)) (deepCopy .ctx.Values.spark.executor)) -}}
{{- end -}}

{{/*
Cross-field checks that JSON schema cannot express; every message is collected and reported once.
*/}}
{{- /* "true" when a Prometheus Operator monitor scrapes the pods (then no prometheus.io annotations), else "". */ -}}
{{- define "jvc.monitors" -}}
{{- if or .Values.metrics.serviceMonitor.enabled .Values.metrics.podMonitor.enabled -}}true{{- end -}}
{{- end -}}

{{- define "jvc.sparkMetricsName" -}}{{ include "jvc.prefix" . }}-spark-metrics{{- end -}}

{{- define "jvc.validateValues" -}}
{{- $msgs := list -}}
{{- $prefix := include "jvc.prefix" . -}}
{{- $seen := dict -}}
{{- range $i, $j := .Values.jobs -}}
{{- if hasKey $seen $j.name -}}
{{- $msgs = append $msgs (printf "jobs[%d].name %q is used twice: each job needs its own name (SparkApplication, driver pod, checkpoint dir)" $i $j.name) -}}
{{- end -}}
{{- $_ := set $seen $j.name true -}}
{{- $app := printf "%s-%s" $prefix $j.name -}}
{{- if gt (len $app) 56 -}}
{{- $msgs = append $msgs (printf "jobs[%d]: SparkApplication name %q is longer than 56 characters (the driver pod <name>-driver must fit in 63)" $i $app) -}}
{{- end -}}
{{- $executor := include "jvc.jobExecutor" (dict "ctx" $ "job" $j) | fromYaml -}}
{{- $total := mul (int $executor.cores) (int $executor.instances) -}}
{{- if lt $total 2 -}}
{{- $msgs = append $msgs (printf "jobs[%d] (%s): executor.cores x executor.instances = %d, but the job's receiver pins one core: give at least 2 so batches get processed" $i $j.name $total) -}}
{{- end -}}
{{- end -}}
{{- if and (not .Values.redis.enabled) (not .Values.externalRedis.url) (not .Values.externalRedis.existingSecret) -}}
{{- $msgs = append $msgs "redis.enabled is false: set externalRedis.url (or externalRedis.existingSecret)" -}}
{{- end -}}
{{- if hasKey .Values.spark.sparkConf "spark.ui.port" -}}
{{- $msgs = append $msgs "spark.sparkConf sets spark.ui.port: set spark.metrics.port instead (the chart sets spark.ui.port, the annotations and the monitors from it)" -}}
{{- end -}}
{{- if and .Values.metrics.serviceMonitor.enabled .Values.metrics.podMonitor.enabled -}}
{{- $msgs = append $msgs "metrics.serviceMonitor.enabled and metrics.podMonitor.enabled are both true: every target would be scraped twice; enable one" -}}
{{- end -}}
{{- if $msgs -}}
{{- fail (printf "\n\nVALUES VALIDATION:\n- %s" (join "\n- " $msgs)) -}}
{{- end -}}
{{- end -}}
