#!/usr/bin/env bash
# jvc-streaming on a local minikube, from scratch, in order:
#   1. start minikube (one node sized for 5 Spark jobs, the scraper, Redis, the dashboard, the operator and the
#      control plane: helm/src/test ResourceFitTest checks the chart's requests against these defaults)
#   2. build every image the chart may use inside minikube, tagged by content (git revision, plus a hash of the
#      uncommitted changes), and check that each one really exists afterwards
#   3. create the namespace
#   4. install the kubeflow Spark Operator chart 2.2.1 (its spark-submit is Spark 3.5; 2.3+ bundle Spark 4)
#      watching our namespace
#   5. helm install/upgrade our chart (dashboard on), wait for Redis and the scraper
#   6. print the kubectl logs commands
# Idempotent: rerun it after a change; new code gets a new tag, so the pods are rolled out with it.
#
# Usage: k8s/minikube.sh [--demo] [--skip-build] [--help]
#   --demo        also run the forum simulator in-cluster and point the scraper at it (no traffic to jeuxvideo.com)
#   --skip-build  reuse the images already in minikube (they must exist under the tag computed from the tree)
# Environment overrides: NAMESPACE (jvc-streaming), RELEASE (jvc-streaming), MINIKUBE_CPUS (6), MINIKUBE_MEMORY (14g),
#   MINIKUBE_PROFILE (minikube), IMAGE_TAG (default: from git), HELM_EXTRA_ARGS (e.g. "--set scraper.replicas=2").
set -euo pipefail

NAMESPACE="${NAMESPACE:-jvc-streaming}"
RELEASE="${RELEASE:-jvc-streaming}"
MINIKUBE_CPUS="${MINIKUBE_CPUS:-6}"
MINIKUBE_MEMORY="${MINIKUBE_MEMORY:-14g}"
MINIKUBE_PROFILE="${MINIKUBE_PROFILE:-minikube}"
IMAGE_TAG="${IMAGE_TAG:-}"
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
    -h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $arg (try --help)" >&2; exit 2 ;;
  esac
done

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CHART_DIR="$REPO_ROOT/helm/jvc-streaming"

step() { printf '\n==> %s\n' "$*"; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

# The image tag of the working tree: the commit, plus a hash of every uncommitted change (tracked diffs and
# untracked files) when the tree is dirty, so that any change to the sources gives a new tag and a rollout.
content_tag() {
  local rev dirty
  rev="$(git -C "$REPO_ROOT" rev-parse --short=12 HEAD)" || return 1
  if [[ -z "$(git -C "$REPO_ROOT" status --porcelain)" ]]; then
    printf '%s\n' "$rev"
    return 0
  fi
  dirty="$(
    cd "$REPO_ROOT"
    git diff HEAD --binary
    git ls-files --others --exclude-standard -z | xargs -0 -r sha256sum
  )"
  printf '%s-dirty-%s\n' "$rev" "$(printf '%s' "$dirty" | sha256sum | cut -c1-12)"
}

# true when minikube holds the image (minikube image ls prints docker.io/<name>:<tag> or <name>:<tag>)
image_present() {
  local listed
  listed="$(minikube image ls -p "$MINIKUBE_PROFILE")" || die "minikube image ls failed"
  grep -xF -e "$1" -e "docker.io/$1" <<<"$listed" >/dev/null
}

for tool in minikube kubectl helm; do
  command -v "$tool" >/dev/null 2>&1 || die "'$tool' is not installed (needed: minikube, kubectl, helm 3)"
done
if [[ -z "$IMAGE_TAG" ]]; then
  command -v git >/dev/null 2>&1 || die "'git' is not installed: set IMAGE_TAG to tag the images yourself"
  IMAGE_TAG="$(content_tag)" || die "$REPO_ROOT is not a git checkout: set IMAGE_TAG to tag the images yourself"
fi

step "1/6 minikube (profile $MINIKUBE_PROFILE, ${MINIKUBE_CPUS} CPUs, ${MINIKUBE_MEMORY})"
if minikube status -p "$MINIKUBE_PROFILE" --format '{{.Host}}' 2>/dev/null | grep -q Running; then
  echo "already running (CPU/memory are only applied at creation: 'minikube delete -p $MINIKUBE_PROFILE' to resize)"
else
  # calico enforces the chart's NetworkPolicies (the default CNI ignores them)
  minikube start -p "$MINIKUBE_PROFILE" --cpus "$MINIKUBE_CPUS" --memory "$MINIKUBE_MEMORY" --cni calico
fi
kubectl config use-context "$MINIKUBE_PROFILE" >/dev/null

# <chart values key>:<image name>:<Dockerfile>; every image the chart can run, whatever is enabled
images=(
  "scraper:jvc-streaming/scraper:scraper-vertx/Dockerfile"
  "spark:jvc-streaming/spark-analytics:spark-analytics/Dockerfile"
  "dashboard:jvc-streaming/dashboard:docker/dashboard.Dockerfile"
  "simulator:jvc-streaming/forum-simulator:forum-simulator/Dockerfile"
)

step "2/6 images (tag $IMAGE_TAG) built inside minikube"
for entry in "${images[@]}"; do
  rest="${entry#*:}"
  name="${rest%%:*}"
  dockerfile="${rest#*:}"
  ref="$name:$IMAGE_TAG"
  if [[ "$BUILD" == true ]]; then
    if image_present "$ref"; then
      echo "$ref is already in minikube (same sources): not rebuilt"
      continue
    fi
    echo "building $ref from $dockerfile"
    # minikube image build can log a failed build and still exit 0: the check below is what counts
    (cd "$REPO_ROOT" && minikube image build -p "$MINIKUBE_PROFILE" -t "$ref" -f "$dockerfile" .) \
      || die "building $ref from $dockerfile failed"
    image_present "$ref" || die "building $ref from $dockerfile failed: the image is not in minikube (see the build log above)"
  else
    image_present "$ref" || die "--skip-build, but $ref is not in minikube: run once without --skip-build"
  fi
done

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
  --set dashboard.enabled=true
)
for entry in "${images[@]}"; do
  # --set-string: a tag such as 1234567 or 1e10 would otherwise become a number the schema refuses
  helm_args+=(--set-string "${entry%%:*}.image.tag=$IMAGE_TAG")
done
# each build is its own application version: the jobs checkpoint under it, so new code never tries to recover a
# checkpoint the previous build wrote (the counts start afresh; Redis keeps the posts and the stream position)
helm_args+=(--set-string "spark.appVersion=$IMAGE_TAG")
if [[ "$DEMO" == true ]]; then
  helm_args+=(--set simulator.enabled=true)
fi
if [[ -n "$HELM_EXTRA_ARGS" ]]; then
  # shellcheck disable=SC2206 # word splitting of the extra arguments is intended
  helm_args+=($HELM_EXTRA_ARGS)
fi
helm "${helm_args[@]}"

# Resources are found by the release's labels, never by name: fullnameOverride (or a long release name) changes
# the names, the labels stay.
release_selector="app.kubernetes.io/instance=$RELEASE"
echo "waiting for Redis and for one Ready scraper (in HA mode only the leader is Ready)"
if [[ -n "$(kubectl get statefulset -n "$NAMESPACE" -l "$release_selector,app.kubernetes.io/component=redis" -o name)" ]]; then
  kubectl wait statefulset -n "$NAMESPACE" -l "$release_selector,app.kubernetes.io/component=redis" \
    --for=jsonpath='{.status.readyReplicas}'=1 --timeout 5m
else
  echo "(no bundled Redis: externalRedis in use)"
fi
for component in simulator dashboard; do
  if [[ -n "$(kubectl get deployment -n "$NAMESPACE" -l "$release_selector,app.kubernetes.io/component=$component" -o name)" ]]; then
    kubectl wait deployment -n "$NAMESPACE" -l "$release_selector,app.kubernetes.io/component=$component" \
      --for=condition=Available --timeout 5m
  fi
done
kubectl wait deployment -n "$NAMESPACE" -l "$release_selector,app.kubernetes.io/component=scraper" \
  --for=jsonpath='{.status.readyReplicas}'=1 --timeout 5m

step "6/6 done"
kubectl get sparkapplications -n "$NAMESPACE" -l "$release_selector"
helm get notes "$RELEASE" -n "$NAMESPACE"
first_driver="$(kubectl get sparkapplications -n "$NAMESPACE" -l "$release_selector" \
  -o jsonpath='{.items[0].spec.driver.podName}')"
cat <<MSG

Images: tag $IMAGE_TAG. The drivers start within a minute (kubectl get pods -n $NAMESPACE -w). Follow one job:
  kubectl logs -f ${first_driver:-<driver pod>} -n $NAMESPACE
Remove everything: helm uninstall $RELEASE -n $NAMESPACE && kubectl delete namespace $NAMESPACE
MSG
