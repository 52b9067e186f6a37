#!/usr/bin/env bash
# stack.d/compose/kafka-tls.sh DIR
#
# The TLS material of docker-compose.kafka-cluster.yml, made fresh: a throwaway certificate
# authority and one broker certificate it signs, for HOTLINE_KAFKA_TLS_DIR. ./stack compose-check
# runs it for every run; run it yourself for a cluster of your own (DIR outside the repository, or
# in a git-ignored folder), with HOTLINE_KAFKA_KEYSTORE_PASSWORD set as in your .env.
#   DIR/trust/ca.pem        the authority's certificate: the truststore of brokers and services
#   DIR/broker/broker.p12   the brokers' key and certificate (PKCS12, HOTLINE_KAFKA_KEYSTORE_PASSWORD),
#                           mounted into the brokers only
# One certificate serves the three brokers (names kafka, kafka-2, kafka-3 and localhost, which
# clients check): its subject CN=broker is the brokers' principal on the controller listener,
# where they present it to each other. The authority's key is deleted once it has signed, so
# nothing else can ever be signed by it.
set -euo pipefail
dir="${1:?usage: stack.d/compose/kafka-tls.sh DIR}"
: "${HOTLINE_KAFKA_KEYSTORE_PASSWORD:?set HOTLINE_KAFKA_KEYSTORE_PASSWORD (the broker keystore password of your .env)}"

rm -rf "$dir/trust" "$dir/broker" "$dir/.signing"
mkdir -p "$dir/trust" "$dir/broker" "$dir/.signing"
signing="$dir/.signing"
chmod 700 "$signing"
trap 'rm -rf "$signing"' EXIT

openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 30 \
  -subj "/CN=hotline compose Kafka CA" -keyout "$signing/ca.key" -out "$dir/trust/ca.pem" \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=broker" \
  -keyout "$signing/broker.key" -out "$signing/broker.csr" 2>/dev/null
cat >"$signing/broker.ext" <<'EXT'
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth,clientAuth
subjectAltName=DNS:kafka,DNS:kafka-2,DNS:kafka-3,DNS:localhost
EXT
openssl x509 -req -in "$signing/broker.csr" -CA "$dir/trust/ca.pem" -CAkey "$signing/ca.key" -CAserial "$signing/ca.srl" -CAcreateserial \
  -days 30 -extfile "$signing/broker.ext" -out "$signing/broker.pem" 2>/dev/null
openssl pkcs12 -export -name broker -in "$signing/broker.pem" -inkey "$signing/broker.key" \
  -certfile "$dir/trust/ca.pem" -out "$dir/broker/broker.p12" -passout env:HOTLINE_KAFKA_KEYSTORE_PASSWORD

# Readable by the containers' users (the Kafka image runs as uid 1000); the keystore is encrypted.
chmod 755 "$dir" "$dir/trust" "$dir/broker"
chmod 644 "$dir/trust/ca.pem" "$dir/broker/broker.p12"
