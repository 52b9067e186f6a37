#!/usr/bin/env bash
# Sourced by stack.d/compose/check: builds the local images that stand in for the upstream ones
# (eclipse-temurin, postgres, apache/kafka, prom/prometheus) where their registries cannot be
# reached. The bases come from Debian's packages (mmdebstrap), the Kafka jars from Maven Central;
# each image is built once and kept (like ~/.m2) until `./stack compose-check --rebuild-images`.

LOCAL_IMAGE_PREFIX=localhost/hotline-local
LOCAL_JAVA_IMAGE=$LOCAL_IMAGE_PREFIX/java:17
LOCAL_POSTGRES_BASE_IMAGE=$LOCAL_IMAGE_PREFIX/debian-postgresql:15
LOCAL_POSTGRES_IMAGE=$LOCAL_IMAGE_PREFIX/postgres:15
LOCAL_KAFKA_IMAGE=$LOCAL_IMAGE_PREFIX/kafka:4.1.2
LOCAL_PROMETHEUS_BASE_IMAGE=$LOCAL_IMAGE_PREFIX/debian-prometheus:bookworm
LOCAL_PROMETHEUS_IMAGE=$LOCAL_IMAGE_PREFIX/prometheus:debian

# A Debian bookworm root filesystem with the given packages, imported as an image.
debian_image() {
  local tag="$1" packages="$2"
  if podman image exists "$tag"; then
    echo "    $tag: kept from an earlier run"
    return
  fi
  local tarball="$work/rootfs-$(echo "$tag" | tr '/:' '__').tar"
  echo "    $tag: mmdebstrap --variant=apt --include=$packages bookworm"
  local started=$SECONDS
  if ! mmdebstrap --quiet --variant=apt --include="$packages" bookworm "$tarball" >"$work/logs/mmdebstrap.log" 2>&1; then
    tail -n 30 "$work/logs/mmdebstrap.log" >&2
    fail "mmdebstrap could not build $tag (full output: $work/logs/mmdebstrap.log)"
  fi
  podman import --quiet --change 'CMD ["bash"]' "$tarball" "$tag" >/dev/null
  rm -f "$tarball"
  echo "    $tag: built in $((SECONDS - started)) s"
}

# An image built from a folder of stack.d/compose/images, with build arguments.
context_image() {
  local tag="$1" context="$2"
  shift 2
  if podman image exists "$tag"; then
    echo "    $tag: kept from an earlier run"
    return
  fi
  local started=$SECONDS
  if ! podman build --quiet "$@" -t "$tag" -f "$context/Containerfile" "$context" >"$work/logs/build-$(basename "$context").log" 2>&1; then
    tail -n 30 "$work/logs/build-$(basename "$context").log" >&2
    fail "podman build of $tag failed (full output: $work/logs/build-$(basename "$context").log)"
  fi
  echo "    $tag: built in $((SECONDS - started)) s"
}

build_local_images() {
  if [[ "${rebuild_images:-false}" == true ]]; then
    podman rmi --force "$LOCAL_KAFKA_IMAGE" "$LOCAL_POSTGRES_IMAGE" "$LOCAL_PROMETHEUS_IMAGE" \
      "$LOCAL_PROMETHEUS_BASE_IMAGE" "$LOCAL_POSTGRES_BASE_IMAGE" "$LOCAL_JAVA_IMAGE" >/dev/null 2>&1 || true
  fi
  debian_image "$LOCAL_JAVA_IMAGE" openjdk-17-jre-headless,passwd,bash,ca-certificates
  debian_image "$LOCAL_POSTGRES_BASE_IMAGE" postgresql-15,passwd,bash
  # wget: the observability profile's healthcheck uses it, as in the official image (busybox).
  debian_image "$LOCAL_PROMETHEUS_BASE_IMAGE" prometheus,wget
  context_image "$LOCAL_PROMETHEUS_IMAGE" stack.d/compose/images/prometheus \
    --build-arg PROMETHEUS_BASE_IMAGE="$LOCAL_PROMETHEUS_BASE_IMAGE"
  context_image "$LOCAL_POSTGRES_IMAGE" stack.d/compose/images/postgres \
    --build-arg POSTGRES_BASE_IMAGE="$LOCAL_POSTGRES_BASE_IMAGE"

  if ! podman image exists "$LOCAL_KAFKA_IMAGE"; then
    local context="$work/kafka-image"
    rm -rf "$context" && mkdir -p "$context"
    cp stack.d/compose/images/kafka/* "$context/"
    if ! ./mvnw -B -q -f stack.d/compose/images/kafka/pom.xml dependency:copy-dependencies \
        -DoutputDirectory="$context/libs" -DincludeScope=runtime >"$work/logs/kafka-jars.log" 2>&1; then
      tail -n 30 "$work/logs/kafka-jars.log" >&2
      fail "the Kafka jars could not be fetched from Maven Central (full output: $work/logs/kafka-jars.log)"
    fi
    context_image "$LOCAL_KAFKA_IMAGE" "$context" --build-arg JAVA_BASE_IMAGE="$LOCAL_JAVA_IMAGE"
  else
    echo "    $LOCAL_KAFKA_IMAGE: kept from an earlier run"
  fi
}
