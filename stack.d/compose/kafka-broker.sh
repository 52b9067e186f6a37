#!/bin/bash
# Entry point of each broker of docker-compose.kafka-cluster.yml, before the image's own: formats
# the broker's log directory with the cluster's SCRAM logins, then runs the image's entry point
# (whose own format step then finds the directory formatted and leaves it).
#
# The logins must be in the metadata log before the first start: the brokers authenticate to each
# other with theirs (SASL_SSL, principal "broker"), so there is no broker yet to create it through.
# Kafka's StorageTool writes them at format time (--add-scram). The passwords come from the
# environment (HOTLINE_KAFKA_*_PASSWORD, from .env), never from a file of the repository; they
# must be letters and digits (they are written into the tool's bracketed list as they are).
# A restarted broker keeps its formatted directory and its logins (--ignore-formatted).
set -euo pipefail

# The image's KAFKA_* settings as server.properties, by the apache/kafka image's rule: KAFKA_FOO_BAR
# is foo.bar, "__" stands for "_" and "___" for "-".
config=/tmp/format.properties
: >"$config"
while IFS='=' read -r name _; do
  case "$name" in
    KAFKA_HEAP_OPTS | KAFKA_OPTS | KAFKA_JVM_PERFORMANCE_OPTS | KAFKA_JMX_OPTS | KAFKA_LOG4J_OPTS) ;;
    KAFKA_*)
      key="${name#KAFKA_}"
      key="${key,,}"
      key="${key//___/-}"
      key="${key//__/@}"
      key="${key//_/.}"
      printf '%s=%s\n' "${key//@/_}" "${!name}" >>"$config"
      ;;
  esac
done < <(env)

scram() { printf 'SCRAM-SHA-512=[name=%s,password=%s]' "$1" "$2"; }
java -Xmx128m -cp '/opt/kafka/libs/*' kafka.tools.StorageTool format --ignore-formatted \
  --cluster-id "${CLUSTER_ID:?}" --config "$config" \
  --add-scram "$(scram broker "${HOTLINE_KAFKA_BROKER_PASSWORD:?}")" \
  --add-scram "$(scram admin "${HOTLINE_KAFKA_ADMIN_PASSWORD:?}")" \
  --add-scram "$(scram intake-service "${HOTLINE_KAFKA_INTAKE_SERVICE_PASSWORD:?}")" \
  --add-scram "$(scram case-service "${HOTLINE_KAFKA_CASE_SERVICE_PASSWORD:?}")" \
  --add-scram "$(scram stats-service "${HOTLINE_KAFKA_STATS_SERVICE_PASSWORD:?}")"
rm -f "$config"
unset HOTLINE_KAFKA_ADMIN_PASSWORD HOTLINE_KAFKA_INTAKE_SERVICE_PASSWORD HOTLINE_KAFKA_CASE_SERVICE_PASSWORD \
  HOTLINE_KAFKA_STATS_SERVICE_PASSWORD

# The official image's entry point, or the local stand-in's (stack.d/compose/images/kafka).
for entrypoint in /etc/kafka/docker/run /opt/kafka/entrypoint.sh; do
  [[ -x "$entrypoint" ]] && exec "$entrypoint"
done
echo "no Kafka entry point found in this image (/etc/kafka/docker/run, /opt/kafka/entrypoint.sh)" >&2
exit 1
