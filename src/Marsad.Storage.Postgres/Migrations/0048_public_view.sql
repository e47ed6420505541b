-- Marsad schema on PostgreSQL, version 48: the public view, for a public mirror by logical replication (docs/scaling.md).
-- public_view holds each record as the public role reads it through the query layer (Core/Publishing/PublicView.cs):
-- record is that rendition (confidential names masked, sensitive person fields withheld), or null where the public may
-- not read the record; visible says whether it may; stored_status is the record's own workflow status (the team's).
-- The publication sends only the visible rows, and only the columns PublicView names (not stored_status). The queue triggers are created by `marsad db publish`, not here: a database that
-- is never mirrored pays nothing on its writes and keeps no queue.
CREATE TABLE public_view (
    kind          TEXT NOT NULL,
    record_id     TEXT NOT NULL,
    visible       BOOLEAN NOT NULL,
    version       BIGINT NOT NULL,
    record        TEXT,
    stored_status TEXT NOT NULL,
    PRIMARY KEY (kind, record_id)
);

-- The row filter reads visible, so it must be part of the replica identity (PostgreSQL's rule for filtered updates and
-- deletes): an update that ends publication then reaches the mirror as a delete.
CREATE UNIQUE INDEX public_view_identity ON public_view (kind, record_id, visible);
ALTER TABLE public_view REPLICA IDENTITY USING INDEX public_view_identity;

CREATE TABLE public_view_pending (kind TEXT NOT NULL, record_id TEXT NOT NULL, PRIMARY KEY (kind, record_id));

-- enabled: `marsad db publish` ran; names: the confidential names the rows were masked with (a change redoes them all).
CREATE TABLE public_view_state (enabled BOOLEAN NOT NULL, names TEXT NOT NULL);
INSERT INTO public_view_state (enabled, names) VALUES (false, '');

CREATE FUNCTION marsad_public_view_queue() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    kind TEXT := TG_ARGV[0];
BEGIN
    IF TG_OP = 'DELETE' THEN
        INSERT INTO public_view_pending (kind, record_id) VALUES (kind, OLD.id) ON CONFLICT DO NOTHING;
        RETURN OLD;
    END IF;
    INSERT INTO public_view_pending (kind, record_id) VALUES (kind, NEW.id) ON CONFLICT DO NOTHING;
    RETURN NEW;
END;
$$;
