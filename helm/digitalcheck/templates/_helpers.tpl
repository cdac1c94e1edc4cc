{{/* The release's resource names: <release>-digitalcheck, or the release name where it already says digitalcheck. */}}
{{- define "digitalcheck.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "digitalcheck.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "digitalcheck.labels" -}}
{{ include "digitalcheck.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{/* The Secrets by reference, as environment variables: the same for the portal's pods and the migration Job. */}}
{{- define "digitalcheck.secretEnv" -}}
- name: DB_URL
  valueFrom:
    secretKeyRef:
      name: {{ .Values.secrets.database.name }}
      key: {{ .Values.secrets.database.urlKey }}
- name: DB_USER
  valueFrom:
    secretKeyRef:
      name: {{ .Values.secrets.database.name }}
      key: {{ .Values.secrets.database.userKey }}
- name: DB_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .Values.secrets.database.name }}
      key: {{ .Values.secrets.database.passwordKey }}
- name: SESSION_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ .Values.secrets.session.name }}
      key: {{ .Values.secrets.session.key }}
- name: OIDC_CLIENT_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ .Values.secrets.oidc.name }}
      key: {{ .Values.secrets.oidc.clientSecretKey }}
{{- if .Values.secrets.smtp.enabled }}
- name: JAVAMAIL_AUTHENTICATION_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ .Values.secrets.smtp.name }}
      key: {{ .Values.secrets.smtp.usernameKey }}
- name: JAVAMAIL_AUTHENTICATION_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .Values.secrets.smtp.name }}
      key: {{ .Values.secrets.smtp.passwordKey }}
{{- end }}
{{- if .Values.secrets.webhook.enabled }}
- name: WEBHOOK_SECRETS_KEY
  valueFrom:
    secretKeyRef:
      name: {{ .Values.secrets.webhook.name }}
      key: {{ .Values.secrets.webhook.key }}
      # seals the agencies' webhook secrets; without it they are stored as they are
      optional: true
{{- end }}
{{- end -}}
