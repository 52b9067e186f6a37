package org.hotline.inbox;

/**
 * A record on a dead-letter topic, as SmallRye's dead-letter-queue strategy wrote it: where it
 * came from and why it failed. Its payload is left out on purpose: a contact holds personal data.
 *
 * @param id partition and offset on the dead-letter topic, {@code "2-17"}: what a replay names
 */
public record DeadLetter(String id, String topic, Integer partition, Long offset, String key, String reason) {
}
