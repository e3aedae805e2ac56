#!/usr/bin/env bash
# jvc-streaming on a local minikube, from scratch, in order:
#   1. start minikube (CPU/memory for 5 Spark jobs: 5 drivers + 5 executors with 2 cores each)
#   2. build the images inside minikube (no registry needed)
#   3. create the namespace
#   4. install the kubeflow Spark Operator chart 2.2.1 (its spark-submit is Spark 3.5; 2.3+ bundle Spark 4)
#      watching our namespace
#   5. helm install/upgrade our chart, wait for the scraper and Redis
#   6. print the kubectl logs commands
# Idempotent: rerun it after a change (images are rebuilt, releases upgraded).
#
# Usage: k8s/minikube.sh [--demo] [--skip-build] [--help]
#   --demo        also run the forum simulator in-cluster and point the scraper at it (no traffic to jeuxvideo.com)
#   --skip-build  reuse the images already in minikube
# Environment overrides: NAMESPACE (jvc-streaming), RELEASE (jvc-streaming), MINIKUBE_CPUS (6), MINIKUBE_MEMORY (14g),
#   MINIKUBE_PROFILE (minikube), IMAGE_TAG (1.0.0-SNAPSHOT), HELM_EXTRA_ARGS (e.g. "--set scraper.replicas=2").
set -euo pipefail

NAMESPACE="${NAMESPACE:-jvc-streaming}"
RELEASE="${RELEASE:-jvc-streaming}"
MINIKUBE_CPUS="${MINIKUBE_CPUS:-6}"
MINIKUBE_MEMORY="${MINIKUBE_MEMORY:-14g}"
MINIKUBE_PROFILE="${MINIKUBE_PROFILE:-minikube}"
IMAGE_TAG="${IMAGE_TAG:-1.0.0-SNAPSHOT}"
HELM_EXTRA_ARGS="${HELM_EXTRA_ARGS:-}"
OPERATOR_RELEASE="spark-operator"
OPERATOR_NAMESPACE="spark-operator"
OPERATOR_CHART_VERSION="2.2.1"
OPERATOR_REPO_URL="https://kubeflow.github.io/spark-operator"

DEMO=false
BUILD=true
for arg in "$@"; do
  case "$arg" in
    --demo) DEMO=true ;;
    --skip-build) BUILD=false ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $arg (try --help)" >&2; exit 2 ;;
  esac
done

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CHART_DIR="$REPO_ROOT/helm/jvc-streaming"

step() { printf '\n==> %s\n' "$*"; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

for tool in minikube kubectl helm; do
  command -v "$tool" >/dev/null 2>&1 || die "'$tool' is not installed (needed: minikube, kubectl, helm 3)"
done

step "1/6 minikube (profile $MINIKUBE_PROFILE, ${MINIKUBE_CPUS} CPUs, ${MINIKUBE_MEMORY})"
if minikube status -p "$MINIKUBE_PROFILE" --format '{{.Host}}' 2>/dev/null | grep -q Running; then
  echo "already running (CPU/memory are only applied at creation: 'minikube delete -p $MINIKUBE_PROFILE' to resize)"
else
  # calico enforces the chart's NetworkPolicies (the default CNI ignores them)
  minikube start -p "$MINIKUBE_PROFILE" --cpus "$MINIKUBE_CPUS" --memory "$MINIKUBE_MEMORY" --cni calico
fi
kubectl config use-context "$MINIKUBE_PROFILE" >/dev/null

step "2/6 images (tag $IMAGE_TAG) built inside minikube"
images=(
  "jvc-streaming/scraper:scraper-vertx/Dockerfile"
  "jvc-streaming/spark-analytics:spark-analytics/Dockerfile"
)
if [[ "$DEMO" == true ]]; then
  images+=("jvc-streaming/forum-simulator:forum-simulator/Dockerfile")
fi
if [[ "$BUILD" == true ]]; then
  for entry in "${images[@]}"; do
    name="${entry%%:*}"
    dockerfile="${entry#*:}"
    echo "building $name:$IMAGE_TAG from $dockerfile"
    (cd "$REPO_ROOT" && minikube image build -p "$MINIKUBE_PROFILE" -t "$name:$IMAGE_TAG" -f "$dockerfile" .)
  done
else
  echo "skipped (--skip-build)"
fi

step "3/6 namespace $NAMESPACE"
kubectl create namespace "$NAMESPACE" --dry-run=client -o yaml | kubectl apply -f -

step "4/6 Spark Operator chart $OPERATOR_CHART_VERSION watching $NAMESPACE"
helm repo add spark-operator "$OPERATOR_REPO_URL" --force-update >/dev/null
helm repo update spark-operator >/dev/null
helm upgrade --install "$OPERATOR_RELEASE" spark-operator/spark-operator \
  --version "$OPERATOR_CHART_VERSION" \
  --namespace "$OPERATOR_NAMESPACE" --create-namespace \
  --set "spark.jobNamespaces={$NAMESPACE}" \
  --set webhook.enable=true \
  --wait --timeout 5m

step "5/6 helm upgrade --install $RELEASE"
helm_args=(
  upgrade --install "$RELEASE" "$CHART_DIR"
  --namespace "$NAMESPACE"
  --set "scraper.image.tag=$IMAGE_TAG"
  --set "spark.image.tag=$IMAGE_TAG"
  --set "simulator.image.tag=$IMAGE_TAG"
)
if [[ "$DEMO" == true ]]; then
  helm_args+=(--set simulator.enabled=true)
fi
if [[ -n "$HELM_EXTRA_ARGS" ]]; then
  # shellcheck disable=SC2206 # word splitting of the extra arguments is intended
  helm_args+=($HELM_EXTRA_ARGS)
fi
helm "${helm_args[@]}"

echo "waiting for Redis and for one Ready scraper (in HA mode only the leader is Ready)"
kubectl rollout status statefulset/"$RELEASE-redis" -n "$NAMESPACE" --timeout 5m 2>/dev/null \
  || echo "(no bundled Redis: externalRedis in use)"
if [[ "$DEMO" == true ]]; then
  kubectl rollout status deployment/"$RELEASE-simulator" -n "$NAMESPACE" --timeout 5m
fi
kubectl wait deployment/"$RELEASE-scraper" -n "$NAMESPACE" \
  --for=jsonpath='{.status.readyReplicas}'=1 --timeout 5m

step "6/6 done"
kubectl get sparkapplications -n "$NAMESPACE"
helm get notes "$RELEASE" -n "$NAMESPACE"
cat <<MSG

The drivers start within a minute (kubectl get pods -n $NAMESPACE -w). Follow one job:
  kubectl logs -f $RELEASE-stickers-driver -n $NAMESPACE
Remove everything: helm uninstall $RELEASE -n $NAMESPACE && kubectl delete namespace $NAMESPACE
MSG
