#!/bin/bash
# /opt/kafka/bin/kafka-*.sh of the local Kafka image: each name runs the tool the upstream script of
# that name runs, from the jars in /opt/kafka/libs, so compose's commands and healthchecks are the same.
set -euo pipefail
case "$(basename "$0")" in
  kafka-topics.sh) tool=org.apache.kafka.tools.TopicCommand ;;
  kafka-broker-api-versions.sh) tool=org.apache.kafka.tools.BrokerApiVersionsCommand ;;
  kafka-acls.sh) tool=org.apache.kafka.tools.AclCommand ;;
  kafka-configs.sh) tool=kafka.admin.ConfigCommand ;;
  kafka-console-producer.sh) tool=org.apache.kafka.tools.ConsoleProducer ;;
  kafka-console-consumer.sh) tool=org.apache.kafka.tools.consumer.ConsoleConsumer ;;
  kafka-producer-perf-test.sh) tool=org.apache.kafka.tools.ProducerPerformance ;;
  *) echo "unknown Kafka tool: $0" >&2; exit 2 ;;
esac
exec java -Xmx256m -XX:TieredStopAtLevel=1 -Dlog4j2.configurationFile=/opt/kafka/config/tools-log4j2.xml \
  -cp '/opt/kafka/libs/*' "$tool" "$@"
