-- Marsad schema on PostgreSQL, version 51: an event's facts array computed from its payload parsed once.
-- marsad_facts(TEXT) was a SQL function whose body the planner inlines into the calling query, and with it the
-- payload's cast to jsonb into each of the five places the body reads it: every facts row parsed its payload five
-- times. The array is now defined over the parsed payload (marsad_facts_of, which a caller that holds the jsonb
-- already, like the set-wise insert of an import, calls directly), and marsad_facts(TEXT) parses once and calls it.
-- plpgsql, which the planner does not inline, is what keeps that cast to one.
CREATE FUNCTION marsad_facts_of(p JSONB) RETURNS JSONB
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN jsonb_build_array(p -> 'quantities', p -> 'assoc_actor1', p -> 'assoc_actor2', p #> '{aggregate,incidents}', p #> '{aggregate,dates}');

CREATE OR REPLACE FUNCTION marsad_facts(payload TEXT) RETURNS JSONB
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
    RETURN marsad_facts_of(payload::jsonb);
END;
$$;
