#!/bin/bash
# Entry point of the local Kafka image (stack.d/compose/images): honours the part of the official
# apache/kafka image's contract that the compose files use, so the same compose file runs either.
#   KAFKA_FOO_BAR=value  becomes  foo.bar=value  in server.properties (as upstream: "__" stands for
#                        "_" and "___" for "-"); KAFKA_HEAP_OPTS and KAFKA_OPTS are JVM options.
#   CLUSTER_ID           the KRaft cluster id the storage is formatted with on the first start.
set -euo pipefail

config=/opt/kafka/config/server.properties
mkdir -p "$(dirname "$config")"
: >"$config"
while IFS='=' read -r name _; do
  case "$name" in
    KAFKA_HEAP_OPTS|KAFKA_OPTS|KAFKA_JVM_PERFORMANCE_OPTS) continue ;;
    KAFKA_*)
      key="${name#KAFKA_}"
      key="${key,,}"
      key="${key//___/-}"
      key="${key//__/@}"
      key="${key//_/.}"
      key="${key//@/_}"
      printf '%s=%s\n' "$key" "${!name}" >>"$config"
      ;;
  esac
done < <(env)

classpath='/opt/kafka/libs/*'
# Formatting is idempotent: a formatted log directory (a container restarted on its volume) is left as it is.
java -Xmx128m -cp "$classpath" kafka.tools.StorageTool format --ignore-formatted \
  -t "${CLUSTER_ID:-5L6g3nShT-eMCtK--X86sw}" -c "$config"
exec java ${KAFKA_HEAP_OPTS:--Xmx512m -Xms256m} ${KAFKA_OPTS:-} \
  -Dlog4j2.configurationFile=/opt/kafka/config/log4j2.xml -cp "$classpath" kafka.Kafka "$config"
