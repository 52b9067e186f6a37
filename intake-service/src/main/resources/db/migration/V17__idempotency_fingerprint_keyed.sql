-- Idempotency fingerprints are keyed from now on: an HMAC-SHA-256 of the stored key and the request
-- under a key only the service holds (RequestFingerprints), and the stored key is scoped to the
-- token's subject. The rows kept until now hold an unkeyed SHA-256 of the request: for a short
-- follow-up, the phone number could be found from one by trying every number, offline and without
-- any secret. They go now rather than at the end of their 24 h. Their keys have no subject, so no
-- retry would find them anyway: a retry that spans this migration is a new request.
delete from idempotency_key;

alter table idempotency_key rename column request_hash to request_fingerprint;

comment on column idempotency_key.request_fingerprint is
    'HMAC-SHA-256 (hex) of the stored key and the request, under a key derived from the caller-key secret';
comment on column idempotency_key.key is
    'scope:subject:client key (subject URL-encoded), with #n for line n of an import';
