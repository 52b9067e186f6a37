package org.hotline.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hotline.events.TopicAccess.ServiceAccess;
import org.junit.jupiter.api.Test;

class TopicAccessTest {

    @Test
    void everyTopicHasExactlyOneWriterAndOnlyCaseServiceWritesCaseEvents() {
        Map<String, List<String>> writers = TopicAccess.services().stream()
                .flatMap(service -> service.writes().stream().map(topic -> Map.entry(topic, service.principal())))
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));

        assertThat(writers).as("the principals allowed to write each topic")
                .containsOnlyKeys(Topics.all())
                .allSatisfy((topic, principals) -> assertThat(principals).as("writers of %s", topic).hasSize(1))
                .containsEntry(Topics.CASES, List.of(TopicAccess.CASE_SERVICE))
                .containsEntry(Topics.CONTACTS, List.of(TopicAccess.INTAKE_SERVICE))
                .containsEntry(Topics.ERASURES, List.of(TopicAccess.INTAKE_SERVICE));
    }

    @Test
    void eachServiceReadsWhatItConsumesAndOnlyItsOwnDeadLetters() {
        Map<String, ServiceAccess> services = TopicAccess.services().stream()
                .collect(Collectors.toMap(ServiceAccess::principal, Function.identity()));

        assertThat(services.get(TopicAccess.INTAKE_SERVICE).reads())
                .containsExactlyInAnyOrder(Topics.CASES, Topics.ERASURES, Topics.INTAKE_SERVICE_DEAD_LETTERS);
        assertThat(services.get(TopicAccess.CASE_SERVICE).reads())
                .containsExactlyInAnyOrder(Topics.CONTACTS, Topics.ERASURES, Topics.CASE_SERVICE_DEAD_LETTERS);
        assertThat(services.get(TopicAccess.STATS_SERVICE).reads())
                .containsExactlyInAnyOrder(Topics.CONTACTS, Topics.CASES, Topics.STATS_SERVICE_DEAD_LETTERS);
        assertThat(services.get(TopicAccess.STATS_SERVICE).describedTopics())
                .as("stats-service only counts the other services' dead letters")
                .doesNotContainAnyElementsOf(services.get(TopicAccess.STATS_SERVICE).reads());
    }

    @Test
    void theAclArgumentsGrantEachRightOnItsOwnLine() {
        assertThat(TopicAccess.aclArguments())
                .contains("--allow-principal User:case-service --operation Write --topic hotline.cases.v1"
                                + " --topic hotline.case-service.dead-letters.v1",
                        "--allow-principal User:intake-service --operation Read --group intake-service",
                        "--allow-principal User:stats-service --operation Describe --group case-service --group intake-service")
                .noneMatch(line -> line.contains("User:intake-service") && line.contains("Write")
                        && line.contains(Topics.CASES));
    }
}
