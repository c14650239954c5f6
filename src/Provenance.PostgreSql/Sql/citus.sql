-- Sharding a Provenance.PostgreSql schema with Citus (https://docs.citusdata.com).
--
-- Not run by the library or its tests (Citus is not packaged by Debian, so CI cannot install it); kept here so that the
-- schema's keys stay shardable. Run it once, as the owner, on the coordinator, after the store has created its tables
-- (PostgreSqlProvenanceStore.EnsureSchemaAsync) and before importing:
--
--   psql "$DATABASE" -v schema=provenance -f citus.sql
--
-- Layout:
--   affiliation, source, claim   small, read by every query: reference tables, copied to every node.
--   assertion, citation          grow with the corpus: distributed by claim_id and co-located, so a claim's trace (the
--                                recursive CTE over citation joined to assertion, every table filtered by claim_id) is a
--                                single-shard (router) query. Their primary keys start with claim_id, as Citus requires.
--   report                       grows too, but a report asserts many claims: distributed by its own id. Slices read it by
--                                id array (a parallel index look-up on each shard), never in a join with the claim tables.
-- Downstream/upstream over all claims, the timeline check and the edge list streamed for circular reporting read every
-- shard; they are the multi-shard queries.

CREATE EXTENSION IF NOT EXISTS citus;
SET search_path TO :schema;

SELECT create_reference_table('affiliation');
SELECT create_reference_table('source');
SELECT create_reference_table('claim');

SELECT create_distributed_table('report', 'id');
SELECT create_distributed_table('assertion', 'claim_id');
SELECT create_distributed_table('citation', 'claim_id', colocate_with => 'assertion');

-- The unique (seq, claim_id) indexes already include the distribution column; nothing else needs changing.
