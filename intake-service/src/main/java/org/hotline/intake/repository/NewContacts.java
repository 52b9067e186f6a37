package org.hotline.intake.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.hotline.intake.Contact;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Writes new contacts: one prepared statement for one contact or a whole chunk of an import, on
 * the caller's transaction's connection. Not through the ORM: a contact is written once and never
 * changed, and persisting and flushing entities one by one was a large part of recording one.
 * The personal fields are never columns here: only {@link Contact#sealedPersonalData} is written.
 */
@ApplicationScoped
public class NewContacts {

    /**
     * The unique index on a surrender request's reference decides whether a fresh reference is
     * free: a taken one is skipped (no error, the transaction goes on) and left out of the ids
     * returned, so the caller issues another. No query beforehand.
     */
    private static final String INSERT = """
            insert into contact (id, caller_key, caller_role, channel, purpose, origin, received_at, recorded_at,
                                 case_reference, reference_unverified, sealed_personal_data)
            select id, caller_key, caller_role, channel, purpose, origin, received_at::timestamptz,
                   recorded_at::timestamptz, case_reference, reference_unverified, sealed_personal_data
            from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::text[], ?::boolean[], ?::bytea[])
                as c(id, caller_key, caller_role, channel, purpose, origin, received_at, recorded_at, case_reference,
                     reference_unverified, sealed_personal_data)
            on conflict (case_reference) where purpose = 'SURRENDER_REQUEST' do nothing
            returning id""";

    private final DataSource dataSource;
    private final EntityManager entities;

    public NewContacts(DataSource dataSource, EntityManager entities) {
        this.dataSource = dataSource;
        this.entities = entities;
    }

    /** A recorded contact, as stored (its personal data sealed). */
    public Optional<Contact> find(UUID id) {
        return Optional.ofNullable(entities.find(Contact.class, id));
    }

    /**
     * Inserts the contacts, inside the caller's transaction.
     *
     * @return the ids inserted: a contact missing from it is a surrender request whose reference
     *         another one already holds
     */
    public Set<UUID> insert(List<Contact> contacts) {
        int size = contacts.size();
        UUID[] ids = new UUID[size];
        String[] callerKeys = new String[size];
        String[] roles = new String[size];
        String[] channels = new String[size];
        String[] purposes = new String[size];
        String[] origins = new String[size];
        String[] receivedAt = new String[size];
        String[] recordedAt = new String[size];
        String[] references = new String[size];
        Boolean[] unverified = new Boolean[size];
        byte[][] sealed = new byte[size][];
        for (int i = 0; i < size; i++) {
            Contact contact = contacts.get(i);
            ids[i] = contact.id;
            callerKeys[i] = contact.callerKey;
            roles[i] = contact.callerRole.name();
            channels[i] = contact.channel.name();
            purposes[i] = contact.purpose.name();
            origins[i] = contact.origin.name();
            receivedAt[i] = contact.receivedAt.toString();
            recordedAt[i] = contact.recordedAt.toString();
            references[i] = contact.caseReference;
            unverified[i] = contact.referenceUnverified;
            sealed[i] = contact.sealedPersonalData;
        }
        // The data source hands out the connection the caller's transaction already uses.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setArray(1, connection.createArrayOf("uuid", ids));
            insert.setArray(2, connection.createArrayOf("text", callerKeys));
            insert.setArray(3, connection.createArrayOf("text", roles));
            insert.setArray(4, connection.createArrayOf("text", channels));
            insert.setArray(5, connection.createArrayOf("text", purposes));
            insert.setArray(6, connection.createArrayOf("text", origins));
            insert.setArray(7, connection.createArrayOf("text", receivedAt));
            insert.setArray(8, connection.createArrayOf("text", recordedAt));
            insert.setArray(9, connection.createArrayOf("text", references));
            insert.setArray(10, connection.createArrayOf("boolean", unverified));
            insert.setArray(11, connection.createArrayOf("bytea", sealed));
            Set<UUID> inserted = new HashSet<>(size * 2);
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    inserted.add(rows.getObject(1, UUID.class));
                }
            }
            return inserted;
        } catch (SQLException e) {
            throw new IllegalStateException("contacts could not be stored: " + e.getMessage(), e);
        }
    }
}
