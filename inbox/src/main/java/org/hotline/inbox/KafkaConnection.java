package org.hotline.inbox;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * How this service reaches Kafka, for the clients it builds itself beside its channels (the
 * erasure ledger's and the dead-letter reader's consumers, stats-service's admin client): the
 * {@code kafka.*} configuration Quarkus gives every channel. That is the bootstrap servers and,
 * where a deployment sets them (the 3-broker compose cluster: {@code KAFKA_SECURITY_PROTOCOL},
 * {@code KAFKA_SASL_JAAS_CONFIG}, {@code KAFKA_SSL_TRUSTSTORE_LOCATION}...), the security protocol,
 * SASL login and truststore: a client built from the bootstrap servers alone would not get past an
 * authenticating broker. Without the group id Quarkus adds: these clients use no consumer group.
 */
@ApplicationScoped
public class KafkaConnection {

    private final Map<String, Object> settings;

    public KafkaConnection(@Identifier("default-kafka-broker") Map<String, Object> settings) {
        Map<String, Object> copy = new HashMap<>(settings);
        copy.remove("group.id");
        this.settings = Map.copyOf(copy);
    }

    /** A fresh copy of the connection settings, for one client to add its own to. */
    public Properties properties() {
        Properties properties = new Properties();
        properties.putAll(settings);
        return properties;
    }
}
